/**
 * Strings of the import page (namespace `import`), Korean first. Field and entity names come
 * from the registry; `{{x}}` placeholders follow i18next's syntax.
 */
import { useTranslation } from 'react-i18next';
import { i18n, registerMessages, type Lang } from '../../i18n';

export const IMPORT_NS = 'import';

const ko = {
  title: '가져오기·내보내기',
  intro:
    '엑셀(XLSX)이나 CSV·TSV 파일의 자료를 가져옵니다. 가져오기 전에 무엇이 바뀌는지 미리 보여 주며, 확인을 누르기 전에는 아무것도 저장하지 않습니다.',
  'step.choose': '1. 대상과 파일 고르기',
  'step.map': '2. 열 연결',
  'step.preview': '3. 미리 보기',
  'entity.label': '가져올 자료',
  'file.choose': '파일 고르기…',
  'file.chooseHint': 'XLSX, CSV, TSV (CP949·UTF-8 자동 인식)',
  'file.name': '파일: {{name}}',
  'file.none': '아직 고른 파일이 없습니다.',
  'progress.label': '진행 상황',
  'progress.read': '파일을 읽는 중…',
  'progress.parse': '표를 해석하는 중…',
  'progress.table': '표를 정리하는 중…',
  'progress.validate': '행을 검사하는 중…',
  'progress.compare': '기존 자료와 비교하는 중…',
  'progress.checksum': '파일을 확인하는 중…',
  'progress.commit': '저장하는 중… ({{done}} / {{total}})',
  cancel: '취소',
  cancelled: '취소했습니다.',
  'failed.read': '파일을 읽지 못했습니다: {{message}}',
  'sheet.label': '시트',
  'sheet.option': '{{name}} ({{rows}}행)',
  'detected.encoding': '인코딩: {{encoding}}',
  'detected.delimiter': '구분자: {{delimiter}}',
  'detected.header': '머리글 행: {{rows}}행',
  'detected.unit': '단위: {{unit}}',
  'mapping.caption': '파일의 열을 어느 항목으로 가져올지 고르세요.',
  'mapping.column': '열',
  'mapping.header': '파일의 머리글',
  'mapping.field': '가져올 항목',
  'mapping.skip': '가져오지 않음',
  'mapping.required': '(필수)',
  'mapping.saved': '이 모양의 파일에 지난번 쓴 열 연결을 불러왔습니다.',
  'mapping.selectLabel': '{{column}}열 {{header}}',
  'mapping.metaGroup': '기록 정보',
  'mapping.meta.clusterId': '클러스터 (새 항목의 소속)',
  'mapping.meta.updatedAt': '수정일 (참고만, 저장 안 함)',
  'defaults.title': '파일에 없는 필수 항목',
  'defaults.hint': '모든 행에 같은 값을 넣습니다.',
  'defaults.choose': '선택하세요',
  'preview.title': '미리 보기',
  'preview.stale': '열 연결이 바뀌어 다시 계산하는 중입니다…',
  'count.new': '새 항목',
  'count.updated': '바뀜',
  'count.unchanged': '같음',
  'count.duplicate': '중복',
  'count.skipped': '건너뜀',
  'count.error': '오류',
  'errors.title': '오류 목록 (전체 {{n}}건)',
  'errors.capped': '처음 {{shown}}건만 표시합니다. 전체 목록은 오류 보고서로 받으세요.',
  'errors.none': '오류가 없습니다.',
  'errors.report': '오류 보고서 다운로드',
  'errors.reportFile': '{{base}}-오류.xlsx',
  'errors.reportFailed': '오류 보고서를 만들지 못했습니다: {{message}}',
  'warnings.title': '참고',
  'already.imported': '이 파일은 {{at}}에 이미 가져왔습니다.',
  'commit.some': '{{n}} 가져오기',
  'commit.skipErrors': '오류 {{errors}}행을 제외하고 {{n}} 가져오기',
  'commit.nothing': '가져올 새 자료나 바뀐 자료가 없습니다',
  'commit.policy':
    '오류가 있는 행은 건너뛰고 나머지만 저장합니다. 저장은 한 번에 이루어지며, 중간에 실패하면 아무것도 저장되지 않습니다.',
  'commit.failed': '가져오지 못했습니다. 아무것도 저장되지 않았습니다: {{message}}',
  'result.done': '{{n}}을 가져왔습니다 (새 항목 {{created}}, 바뀜 {{updated}}).',
  'result.open': '{{entity}} 목록 보기',
  'result.again': '다른 파일 가져오기',
  'log.title': '최근 가져오기',
  'log.empty': '아직 가져온 파일이 없습니다.',
  'log.at': '일시',
  'log.file': '파일',
  'log.entity': '자료',
  'log.counts': '새 항목 / 바뀜 / 오류',
} as const;

type Key = keyof typeof ko;

const en: Record<Key, string> = {
  title: 'Import & export',
  intro:
    'Imports records from Excel (XLSX) or CSV/TSV files. You see what would change before anything is saved.',
  'step.choose': '1. Choose the target and the file',
  'step.map': '2. Map the columns',
  'step.preview': '3. Preview',
  'entity.label': 'Import into',
  'file.choose': 'Choose a file…',
  'file.chooseHint': 'XLSX, CSV, TSV (CP949 and UTF-8 detected)',
  'file.name': 'File: {{name}}',
  'file.none': 'No file chosen yet.',
  'progress.label': 'Progress',
  'progress.read': 'Reading the file…',
  'progress.parse': 'Parsing the table…',
  'progress.table': 'Tidying the table…',
  'progress.validate': 'Checking rows…',
  'progress.compare': 'Comparing with existing records…',
  'progress.checksum': 'Checking the file…',
  'progress.commit': 'Saving… ({{done}} / {{total}})',
  cancel: 'Cancel',
  cancelled: 'Cancelled.',
  'failed.read': 'Could not read the file: {{message}}',
  'sheet.label': 'Sheet',
  'sheet.option': '{{name}} ({{rows}} rows)',
  'detected.encoding': 'Encoding: {{encoding}}',
  'detected.delimiter': 'Delimiter: {{delimiter}}',
  'detected.header': 'Header row: {{rows}}',
  'detected.unit': 'Unit: {{unit}}',
  'mapping.caption': 'Choose which field each column of the file goes to.',
  'mapping.column': 'Column',
  'mapping.header': 'Header in the file',
  'mapping.field': 'Field',
  'mapping.skip': 'Do not import',
  'mapping.required': '(required)',
  'mapping.saved': 'The column mapping you used last time for files like this was loaded.',
  'mapping.selectLabel': 'Column {{column}} {{header}}',
  'mapping.metaGroup': 'Record information',
  'mapping.meta.clusterId': 'Cluster (of new records)',
  'mapping.meta.updatedAt': 'Updated (for reference, not stored)',
  'defaults.title': 'Required fields the file lacks',
  'defaults.hint': 'The same value goes into every row.',
  'defaults.choose': 'Choose',
  'preview.title': 'Preview',
  'preview.stale': 'The mapping changed; recalculating…',
  'count.new': 'New',
  'count.updated': 'Updated',
  'count.unchanged': 'Unchanged',
  'count.duplicate': 'Duplicates',
  'count.skipped': 'Skipped',
  'count.error': 'Errors',
  'errors.title': 'Errors ({{n}} in all)',
  'errors.capped': 'Showing the first {{shown}}. Download the error report for the full list.',
  'errors.none': 'No errors.',
  'errors.report': 'Download error report',
  'errors.reportFile': '{{base}}-errors.xlsx',
  'errors.reportFailed': 'Could not build the error report: {{message}}',
  'warnings.title': 'Notes',
  'already.imported': 'This file was already imported on {{at}}.',
  'commit.some': 'Import {{n}}',
  'commit.skipErrors': 'Import {{n}}, skipping {{errors}} rows with errors',
  'commit.nothing': 'Nothing new or changed to import',
  'commit.policy':
    'Rows with errors are skipped; the rest is saved at once, and nothing is saved if it fails.',
  'commit.failed': 'Import failed; nothing was saved: {{message}}',
  'result.done': 'Imported {{n}} ({{created}} new, {{updated}} updated).',
  'result.open': 'Open {{entity}}',
  'result.again': 'Import another file',
  'log.title': 'Recent imports',
  'log.empty': 'No file imported yet.',
  'log.at': 'When',
  'log.file': 'File',
  'log.entity': 'Records',
  'log.counts': 'New / updated / errors',
};

export const importMessages = { ko, en };
registerMessages(IMPORT_NS, importMessages);

export type ImportMessageKey = Key;

/** Translates outside React, in the language asked (pure helpers and tests use it). */
export function importT(key: ImportMessageKey, lang: Lang, params?: Record<string, unknown>) {
  return i18n.t(key, { ns: IMPORT_NS, lng: lang, ...params });
}

export function useImportT() {
  return useTranslation(IMPORT_NS).t as (
    key: ImportMessageKey,
    params?: Record<string, unknown>,
  ) => string;
}
