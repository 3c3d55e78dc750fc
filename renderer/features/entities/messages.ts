/**
 * Strings of the entity screens (namespace `entities`), Korean first. Field and entity names come
 * from the registry, not from here; `{{x}}` placeholders follow i18next's syntax.
 */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const ENTITIES_NS = 'entities';

const ko = {
  'toolbar.count': '{{n}}건',
  'toolbar.countFiltered': '{{shown}} / {{n}}건',
  'toolbar.search': '검색 (Ctrl+F)',
  'toolbar.searchLabel': '{{entity}} 검색',
  'toolbar.new': '새로 만들기',
  'toolbar.newTitle': '새로 만들기 (Insert)',
  'toolbar.columns': '열 선택',
  'toolbar.resetColumns': '열 초기화',
  'grid.loading': '불러오는 중…',
  'empty.title': '{{entity}} 자료가 아직 없습니다',
  'empty.description':
    '새로 만들거나, 엑셀·CSV 파일을 가져오거나, 데모 데이터를 불러와 둘러볼 수 있습니다.',
  'empty.new': '새로 만들기',
  'empty.demo': '데모 데이터',
  'empty.import': '가져오기',
  'form.titleNew': '{{entity}} 새로 만들기',
  'form.titleEdit': '{{entity}} 수정',
  'form.save': '저장',
  'form.saveHint': 'Ctrl+S',
  'form.saving': '저장 중…',
  'form.close': '닫기',
  'form.delete': '삭제',
  'form.required': '필수',
  'form.requiredNote': '* 표시는 필수 항목입니다',
  'form.errorSummary': '입력 내용을 확인하세요 ({{n}}건)',
  'form.saved': '저장되었습니다',
  'form.saveFailed': '저장하지 못했습니다: {{message}}',
  'form.deleted': '삭제되었습니다',
  'form.restored': '되살렸습니다',
  'form.undo': '실행 취소',
  'links.title': '연결된 항목',
  'links.more': '외 {{n}}건 더 있음',
  'links.none': '이 항목을 가리키는 자료가 없습니다',
  'brn.duplicate': '같은 사업자등록번호의 기관이 이미 있습니다:',
  'brn.duplicateHint':
    '같은 기관이면 기존 기관을 여세요. 다른 기관이 맞다면(번호 오기 등) 확인 후 그대로 저장할 수 있습니다.',
  'form.unsaved': '저장하지 않은 변경 내용이 있습니다. 버리고 닫을까요?',
  'form.discard': '버리고 닫기',
  'draft.offer': '{{time}}에 저장하지 않은 입력이 남아 있습니다.',
  'draft.changedSince':
    '입력을 남긴 뒤 다른 곳에서 바뀐 항목: {{fields}}. 복원하면 직접 입력한 항목만 되살리고, 양쪽에서 바뀐 항목은 고르게 합니다.',
  'draft.restore': '복원',
  'draft.discard': '버리기',
  'form.keepEditing': '계속 편집',
  'meta.version': '버전 {{version}}',
  'meta.updatedAt': '수정일 {{date}}',
  'meta.cluster': '클러스터 {{cluster}}',
  'widget.selectNone': '— 선택 안 함 —',
  'widget.staffNotListed': '{{name}} (직원 명단에 없음)',
  'widget.staffEmpty': '직원 명단이 비어 있습니다. 설정 › 추진단 직원 명단에서 추가하세요.',
  'widget.datePlaceholder': 'YYYY-MM-DD',
  'widget.tagsHelp': '여러 개는 쉼표로 구분합니다',
  'widget.refPlaceholder': '이름을 입력해 찾기',
  'widget.refNoMatch': '일치하는 항목이 없습니다',
  'widget.refMore': '… 더 있습니다. 더 입력해 좁히세요',
  'widget.refRemove': '{{title}} 빼기',
  'widget.refAdd': '추가할 항목 찾기',
  'conflict.title': '다른 곳에서 바뀐 항목이 있습니다',
  'conflict.introSave':
    '이 화면을 연 뒤 다른 탭이나 창에서 아래 항목을 저장했습니다. 아직 아무것도 저장하지 않았습니다. 항목마다 남길 값을 고르세요.',
  'conflict.introDraft':
    '입력을 남긴 뒤 다른 곳에서 아래 항목이 바뀌었습니다. 항목마다 남길 값을 고르세요.',
  'conflict.theirs': '저장된 값',
  'conflict.mine': '내가 입력한 값',
  'conflict.blank': '(비어 있음)',
  'conflict.applySave': '고른 값으로 저장',
  'conflict.applyDraft': '고른 값으로 복원',
  'conflict.allTheirs': '모두 저장된 값',
  'conflict.allMine': '모두 내 값',
  'conflict.cancel': '취소',
  'routeFilter.label': '필터: {{text}}',
  'routeFilter.remove': '필터 지우기 (전체 보기)',
  'routeFilter.ignored': '알 수 없는 조건은 무시했습니다: {{keys}}',
} as const;

export type EntitiesMessageKey = keyof typeof ko;

const en: Record<EntitiesMessageKey, string> = {
  'toolbar.count': '{{n}} records',
  'toolbar.countFiltered': '{{shown}} / {{n}} records',
  'toolbar.search': 'Search (Ctrl+F)',
  'toolbar.searchLabel': 'Search {{entity}}',
  'toolbar.new': 'New',
  'toolbar.newTitle': 'New (Insert)',
  'toolbar.columns': 'Columns',
  'toolbar.resetColumns': 'Reset columns',
  'grid.loading': 'Loading…',
  'empty.title': 'No {{entity}} yet',
  'empty.description': 'Create one, import an Excel or CSV file, or load demo data to look around.',
  'empty.new': 'New',
  'empty.demo': 'Demo data',
  'empty.import': 'Import',
  'form.titleNew': 'New: {{entity}}',
  'form.titleEdit': 'Edit: {{entity}}',
  'form.save': 'Save',
  'form.saveHint': 'Ctrl+S',
  'form.saving': 'Saving…',
  'form.close': 'Close',
  'form.delete': 'Delete',
  'form.required': 'required',
  'form.requiredNote': '* marks a required field',
  'form.errorSummary': 'Please check the form ({{n}})',
  'form.saved': 'Saved',
  'form.saveFailed': 'Could not save: {{message}}',
  'form.deleted': 'Deleted',
  'form.restored': 'Restored',
  'form.undo': 'Undo',
  'links.title': 'Linked records',
  'links.more': 'and {{n}} more',
  'links.none': 'Nothing links to this record',
  'brn.duplicate': 'An organisation with this business registration number already exists:',
  'brn.duplicateHint':
    'If it is the same organisation, open the existing one. If not (a mistyped number?), check and you may still save.',
  'form.unsaved': 'You have unsaved changes. Discard them and close?',
  'form.discard': 'Discard and close',
  'draft.offer': 'Unsaved input from {{time}} is still here.',
  'draft.changedSince':
    'Changed elsewhere since: {{fields}}. Restoring brings back only the fields you typed and asks where both changed.',
  'draft.restore': 'Restore',
  'draft.discard': 'Discard',
  'form.keepEditing': 'Keep editing',
  'meta.version': 'Version {{version}}',
  'meta.updatedAt': 'Updated {{date}}',
  'meta.cluster': 'Cluster {{cluster}}',
  'widget.selectNone': '— none —',
  'widget.staffNotListed': '{{name}} (not on the staff list)',
  'widget.staffEmpty': 'The staff list is empty. Add people in Settings › Team staff list.',
  'widget.datePlaceholder': 'YYYY-MM-DD',
  'widget.tagsHelp': 'Separate several with commas',
  'widget.refPlaceholder': 'Type to search',
  'widget.refNoMatch': 'Nothing matches',
  'widget.refMore': '… more; keep typing to narrow down',
  'widget.refRemove': 'Remove {{title}}',
  'widget.refAdd': 'Find an item to add',
  'conflict.title': 'Changed elsewhere',
  'conflict.introSave':
    'Since this form opened, another tab or window saved the fields below. Nothing has been saved yet. Choose the value to keep for each field.',
  'conflict.introDraft':
    'These fields changed elsewhere after your input was kept. Choose the value to keep for each field.',
  'conflict.theirs': 'Saved value',
  'conflict.mine': 'My input',
  'conflict.blank': '(blank)',
  'conflict.applySave': 'Save my choices',
  'conflict.applyDraft': 'Restore my choices',
  'conflict.allTheirs': 'All saved values',
  'conflict.allMine': 'All my input',
  'conflict.cancel': 'Cancel',
  'routeFilter.label': 'Filter: {{text}}',
  'routeFilter.remove': 'Clear the filter (show all)',
  'routeFilter.ignored': 'Unknown conditions were ignored: {{keys}}',
};

export const entitiesMessages = { ko: ko as Record<EntitiesMessageKey, string>, en };

registerMessages(ENTITIES_NS, entitiesMessages);

export type EntitiesT = (
  key: EntitiesMessageKey,
  params?: Record<string, string | number>,
) => string;

/** `t` of this namespace, typed by our keys. */
export function useEntitiesT(): EntitiesT {
  const { t } = useTranslation(ENTITIES_NS);
  return t as unknown as EntitiesT;
}
