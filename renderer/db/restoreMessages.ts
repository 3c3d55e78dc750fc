/**
 * Messages of the restore checks (backupContent.ts, backupUpgrade.ts), Korean first. Each names
 * what is wrong in words a team member can act on; the table and row are added by the report.
 */
import { interpolate } from '../../shared/i18n/validation';
import { entities, type Lang } from '../../shared/registry';

const messages = {
  ko: {
    notObject: '객체가 아닙니다',
    badId: 'id가 1~64자의 문자열이 아닙니다',
    unknownField: '알 수 없는 필드 "{{field}}"가 있습니다',
    badMeta: '관리 정보 {{field}}이(가) 올바르지 않습니다',
    badStamp: '시각값(HLC) {{field}}이(가) 올바르지 않습니다: {{value}}',
    futureStamp:
      '시각값(HLC) {{field}}이(가) 지금보다 {{hours}}시간 넘게 앞섭니다 ({{date}}). 시계가 틀렸거나 조작된 파일입니다',
    notNormalised: '{{field}} 값이 저장 형식이 아닙니다',
    noHistory: '변경 이력이 없습니다 (버전 {{version}})',
    historyVersion: '마지막 변경 이력의 버전({{history}})과 항목의 버전({{version}})이 다릅니다',
    orphanHistory: '백업에 없는 항목({{entity}} {{recordId}})의 변경 이력입니다',
    orphanOutbox: '백업에 없는 항목({{entity}} {{recordId}})에 대한 보낼 변경입니다',
    outboxWithoutHistory: '같은 시각값의 변경 이력이 없는 보낼 변경입니다',
    outboxVersion: '보낼 변경의 버전({{outbox}})이 항목의 버전({{version}})보다 큽니다',
    badEntries: 'entries 목록이 없거나 비어 있습니다',
    entryOrder: '안의 변경들이 시각값 순서가 아닙니다',
    rowKey: '행의 키({{id}})가 마지막 변경의 시각값과 다릅니다',
    rowOverlap: '다른 행과 시각값 범위가 겹칩니다',
    duplicateEntry: '같은 시각값의 변경이 두 번 있습니다',
    badEntry: '변경 {{entry}}의 {{field}}이(가) 올바르지 않습니다',
    badSetting: '설정 "{{key}}"의 값이 올바르지 않습니다',
    badKey: 'key가 id와 같은 문자열이 아닙니다',
    badImportLog: '가져오기 기록의 {{field}}이(가) 올바르지 않습니다',
    badMonthClose: '월 마감 기록의 {{field}}이(가) 올바르지 않습니다',
    row: '{{table}} {{row}}번째 행 (id {{id}}): {{message}}',
    entry: '{{table}} {{row}}번째 행의 변경 {{entry}}: {{message}}',
    refused: '백업 파일의 내용에 문제가 {{count}}건 있어 복원하지 않습니다',
    more: '… 외 {{n}}건',
    unknownSchema: '백업의 데이터 버전 {{version}}은(는) 이 프로그램이 모르는 버전입니다',
    tableNotInVersion: '데이터 버전 {{version}}의 백업에는 {{table}} 표가 있을 수 없습니다',
    upgradeFailed: '데이터 버전 {{from}}의 백업을 버전 {{to}}로 변환하지 못했습니다: {{detail}}',
  },
  en: {
    notObject: 'not an object',
    badId: 'the id is not a string of 1–64 characters',
    unknownField: 'unknown field "{{field}}"',
    badMeta: 'bookkeeping field {{field}} is invalid',
    badStamp: 'clock stamp (HLC) {{field}} is invalid: {{value}}',
    futureStamp:
      'clock stamp (HLC) {{field}} is more than {{hours}} hours ahead of now ({{date}}): a wrong clock or a forged file',
    notNormalised: '{{field}} is not in its stored form',
    noHistory: 'no history entry (version {{version}})',
    historyVersion: 'the newest history entry has version {{history}}, the record {{version}}',
    orphanHistory: 'history of a record not in the backup ({{entity}} {{recordId}})',
    orphanOutbox: 'a pending change of a record not in the backup ({{entity}} {{recordId}})',
    outboxWithoutHistory: 'a pending change without a history entry of the same stamp',
    outboxVersion:
      'the pending change has version {{outbox}}, above the record version {{version}}',
    badEntries: 'the entries list is missing or empty',
    entryOrder: 'its changes are not in clock order',
    rowKey: 'the row key ({{id}}) is not the stamp of its last change',
    rowOverlap: 'its stamps overlap another row',
    duplicateEntry: 'two changes with the same stamp',
    badEntry: 'change {{entry}}: {{field}} is invalid',
    badSetting: 'setting "{{key}}" has an invalid value',
    badKey: 'the key is not a string equal to the id',
    badImportLog: 'import log field {{field}} is invalid',
    badMonthClose: 'month close field {{field}} is invalid',
    row: '{{table}} row {{row}} (id {{id}}): {{message}}',
    entry: '{{table}} row {{row}}, change {{entry}}: {{message}}',
    refused: 'The backup holds {{count}} problems in its contents and is not restored',
    more: '… and {{n}} more',
    unknownSchema: 'The backup data version {{version}} is unknown to this app',
    tableNotInVersion: 'A backup of data version {{version}} cannot hold a {{table}} table',
    upgradeFailed: 'Could not upgrade the backup from data version {{from}} to {{to}}: {{detail}}',
  },
} as const;

export type RestoreMessageKey = keyof (typeof messages)['ko'];
export type RestoreMessageParams = Record<string, string | number>;

export function restoreMessage(
  lang: Lang,
  key: RestoreMessageKey,
  params: RestoreMessageParams = {},
): string {
  return interpolate((messages[lang] ?? messages.ko)[key], params);
}

const BOOKKEEPING_LABELS: Record<string, { ko: string; en: string }> = {
  history: { ko: '변경 이력', en: 'History' },
  outbox: { ko: '보낼 변경', en: 'Pending changes' },
  settings: { ko: '설정', en: 'Settings' },
  prefs: { ko: '화면 설정', en: 'Screen settings' },
  importLog: { ko: '가져오기 기록', en: 'Import log' },
  monthCloses: { ko: '월 마감 보고서', en: 'Closed months' },
};

/** `기업·기관(organizations)`: the name a team reads, with the file's table name for support. */
export function restoreTableLabel(table: string, lang: Lang): string {
  const label =
    entities.find((e) => e.table === table)?.label ?? BOOKKEEPING_LABELS[table] ?? undefined;
  return label ? `${label[lang]}(${table})` : table;
}
