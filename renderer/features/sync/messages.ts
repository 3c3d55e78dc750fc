/** Strings of 동기화 and 공동활용 네트워크 (namespace `sync`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const SYNC_NS = 'sync';

const ko = {
  title: '동기화',
  intro: '이 기기의 변경을 중앙 서버로 보내고, 다른 클러스터가 공유한 자료를 받아옵니다.',
  'conn.title': '연결',
  'conn.endpoint': '서버 주소',
  'conn.token': '토큰',
  'conn.tokenStored': '(저장됨 — 바꿀 때만 입력)',
  'conn.save': '저장',
  'conn.test': '연결 시험',
  'conn.clear': '연결 지우기',
  'conn.saved': '연결 정보를 저장했습니다.',
  'conn.storage.safeStorage':
    '토큰은 이 컴퓨터의 운영체제 암호화(safeStorage)로 저장되며 화면으로 돌아오지 않습니다.',
  'conn.storage.indexeddb':
    '브라우저에서는 토큰을 이 사이트 전용 IndexedDB(백업 파일에는 들어가지 않음)에 저장합니다. 공용 컴퓨터라면 다 쓴 뒤 「연결 지우기」를 누르세요.',
  'test.running': '시험하는 중…',
  'test.ok': '연결되었습니다. 서버와 토큰 모두 정상입니다 (시계 차이 {{skew}}).',
  'test.unreachable': '서버에 닿지 않습니다: {{detail}}',
  'test.auth': '서버는 응답하지만 토큰이 거부되었습니다: {{detail}}',
  'test.failed': '연결 시험 실패: {{detail}}',
  'test.noToken': '토큰을 입력하세요.',
  'state.title': '상태',
  'phase.unconfigured': '연결 설정 전',
  'phase.idle': '대기 중',
  'phase.syncing': '동기화 중…',
  'phase.waiting': '다시 시도 대기 중',
  'phase.offline': '오프라인 — 연결되면 보냅니다',
  'phase.paused': '일시 중지됨',
  'phase.confirmDeletes': '확인 필요: 대량 삭제',
  'phase.demoBlocked': '데모 자료가 있어 동기화하지 않습니다',
  lastSuccess: '마지막 동기화: {{when}}',
  never: '아직 없음',
  nextRun: '다음 시도: {{when}}',
  lastError: '마지막 오류: {{message}}',
  lastRun: '보냄 {{pushed}} · 받음 {{pulled}} · 충돌 {{conflicts}} · 보류 {{keptAside}}',
  skewWarning:
    '이 컴퓨터의 시계가 서버와 {{skew}} 차이 납니다. 동기화는 보정해서 계속하지만, 시스템 시계를 맞춰 주세요.',
  syncNow: '지금 동기화',
  pause: '일시 중지',
  resume: '다시 시작',
  'deletes.title': '많은 자료가 삭제됩니다',
  'deletes.body':
    '이번에 받은 변경이 이 기기의 자료 {{live}}건 중 {{count}}건을 삭제합니다 (10% 초과). 서버가 잘못되었을 수 있습니다. 적용할까요?',
  'deletes.apply': '삭제 적용',
  'deletes.reject': '적용하지 않고 일시 중지',
  'demo.title': '데모 자료를 먼저 지워야 합니다',
  'demo.body':
    '이 기기에 데모 자료가 있습니다. 데모 자료는 중앙 서버로 보내지 않습니다. 실제 서버에 연결하기 전에 데모 자료를 지울까요? (직접 입력한 자료는 그대로 둡니다)',
  'demo.remove': '데모 자료 지우고 연결',
  'demo.cancel': '취소',
  'demo.removed': '데모 자료 {{n}}건을 지웠습니다.',
  'inbox.title': '충돌함',
  'inbox.empty': '충돌이 없습니다.',
  'inbox.record': '항목',
  'inbox.field': '필드',
  'inbox.mine': '내 값 (진 쪽)',
  'inbox.theirs': '적용된 값 (이긴 쪽)',
  'inbox.why': '이유',
  'inbox.reapply': '내 값 다시 적용',
  'inbox.reapplied': '내 값을 새 변경으로 다시 적용했습니다.',
  'inbox.reapplyFailed': '다시 적용하지 못했습니다: {{message}}',
  'why.later_time': '상대의 변경이 더 늦게 이루어졌습니다',
  'why.later_counter': '같은 시각이지만 상대의 변경이 뒤였습니다',
  'why.device_order': '완전히 같은 시각이라 기기 순서로 정했습니다',
  'kept.title': '보류된 변경',
  'kept.body': '이 버전에서 적용할 수 없는 변경 {{n}}건을 보류했습니다 (동기화는 계속됩니다).',
  networkLink: '공동활용 네트워크 보기',
  'net.title': '공동활용 네트워크',
  'net.intro': '다른 클러스터가 공유한 자료입니다 (마지막으로 받은 내용, 읽기 전용).',
  'net.lastPull': '마지막으로 받은 때: {{when}}',
  'net.resources': '공유 자원',
  'net.successCases': '성과사례',
  'net.indicators': '성과지표',
  'net.empty': '아직 받은 자료가 없습니다.',
  'net.cluster': '클러스터',
  'net.name': '이름',
  'net.age': '갱신',
  'age.now': '방금',
  'age.minutes': '{{n}}분 전',
  'age.hours': '{{n}}시간 전',
  'age.days': '{{n}}일 전',
  'status.synced': '마지막 동기화 {{when}}',
  'status.neverSynced': '동기화 전',
  'status.error': '동기화 오류: {{message}}',
  'status.skew': '시계 차이 {{skew}}',
  'status.unsent': '아직 보내지 않음',
  'err.network': '서버에 연결할 수 없습니다',
  'err.token_missing': '토큰이 없습니다',
  'err.token_invalid': '토큰이 올바르지 않습니다',
  'err.token_revoked': '폐기된 토큰입니다',
  'err.rate_limited': '요청이 너무 많습니다. 잠시 뒤 다시 시도합니다',
  'err.body_too_large': '보낼 자료가 너무 큽니다',
  'err.batch_too_large': '한 번에 보낼 변경이 너무 많습니다',
  'err.invalid_request': '서버가 요청을 이해하지 못했습니다',
  'err.invalid_json': '서버가 요청을 이해하지 못했습니다',
  'err.unsupported_protocol': '서버와 프로그램 버전이 맞지 않습니다',
  'err.device_cluster_mismatch': '이 기기는 다른 클러스터의 토큰으로 등록되어 있습니다',
  'err.forbidden': '권한이 없습니다',
  'err.not_found': '서버 주소가 올바르지 않습니다 (경로 없음)',
  'err.internal': '서버 내부 오류',
  'err.bad_response': '서버 응답을 이해할 수 없습니다 (주소 확인)',
  'err.other': '알 수 없는 오류 ({{code}})',
} as const;

export type SyncMessageKey = keyof typeof ko;

const en: Record<SyncMessageKey, string> = {
  title: 'Sync',
  intro:
    "Sends this device's changes to the central server and receives what other clusters share.",
  'conn.title': 'Connection',
  'conn.endpoint': 'Server address',
  'conn.token': 'Token',
  'conn.tokenStored': '(stored — enter only to change)',
  'conn.save': 'Save',
  'conn.test': 'Test connection',
  'conn.clear': 'Forget connection',
  'conn.saved': 'Connection saved.',
  'conn.storage.safeStorage':
    "The token is stored with this computer's OS encryption (safeStorage) and never shown again.",
  'conn.storage.indexeddb':
    "In a browser the token is stored in this site's own IndexedDB (never in backup files). On a shared computer, press “Forget connection” when done.",
  'test.running': 'Testing…',
  'test.ok': 'Connected. Server and token are fine (clock difference {{skew}}).',
  'test.unreachable': 'The server cannot be reached: {{detail}}',
  'test.auth': 'The server answers but refused the token: {{detail}}',
  'test.failed': 'Connection test failed: {{detail}}',
  'test.noToken': 'Enter a token.',
  'state.title': 'Status',
  'phase.unconfigured': 'Not set up',
  'phase.idle': 'Idle',
  'phase.syncing': 'Syncing…',
  'phase.waiting': 'Waiting to retry',
  'phase.offline': 'Offline — will send when connected',
  'phase.paused': 'Paused',
  'phase.confirmDeletes': 'Needs confirmation: many deletions',
  'phase.demoBlocked': 'Demo data is loaded: not syncing',
  lastSuccess: 'Last sync: {{when}}',
  never: 'never',
  nextRun: 'Next try: {{when}}',
  lastError: 'Last error: {{message}}',
  lastRun:
    'sent {{pushed}} · received {{pulled}} · conflicts {{conflicts}} · kept aside {{keptAside}}',
  skewWarning:
    "This computer's clock is {{skew}} off the server's. Sync corrects for it and goes on, but please fix the system clock.",
  syncNow: 'Sync now',
  pause: 'Pause',
  resume: 'Resume',
  'deletes.title': 'Many records would be deleted',
  'deletes.body':
    'The changes received would delete {{count}} of the {{live}} records on this device (over 10%). The server may be wrong. Apply them?',
  'deletes.apply': 'Apply deletions',
  'deletes.reject': 'Do not apply; pause',
  'demo.title': 'Remove the demo data first',
  'demo.body':
    'This device holds demo data, which is never sent to the central server. Remove it before connecting to a real server? (Records you entered stay.)',
  'demo.remove': 'Remove demo data and connect',
  'demo.cancel': 'Cancel',
  'demo.removed': 'Removed {{n}} demo records.',
  'inbox.title': 'Conflict inbox',
  'inbox.empty': 'No conflicts.',
  'inbox.record': 'Record',
  'inbox.field': 'Field',
  'inbox.mine': 'My value (lost)',
  'inbox.theirs': 'Applied value (won)',
  'inbox.why': 'Why',
  'inbox.reapply': 'Re-apply my value',
  'inbox.reapplied': 'Your value was re-applied as a new change.',
  'inbox.reapplyFailed': 'Could not re-apply: {{message}}',
  'why.later_time': 'The other change was made later',
  'why.later_counter': 'Same time, but the other change came after',
  'why.device_order': 'Exactly the same time: decided by device order',
  'kept.title': 'Changes kept aside',
  'kept.body': '{{n}} changes this version cannot apply were kept aside (sync goes on).',
  networkLink: 'Open the shared network',
  'net.title': 'Shared network',
  'net.intro': 'What other clusters share (as last received, read-only).',
  'net.lastPull': 'Last received: {{when}}',
  'net.resources': 'Shared resources',
  'net.successCases': 'Success cases',
  'net.indicators': 'Indicators',
  'net.empty': 'Nothing received yet.',
  'net.cluster': 'Cluster',
  'net.name': 'Name',
  'net.age': 'Updated',
  'age.now': 'just now',
  'age.minutes': '{{n}} min ago',
  'age.hours': '{{n}} h ago',
  'age.days': '{{n}} days ago',
  'status.synced': 'Last sync {{when}}',
  'status.neverSynced': 'Not synced yet',
  'status.error': 'Sync error: {{message}}',
  'status.skew': 'Clock off by {{skew}}',
  'status.unsent': 'Not yet sent',
  'err.network': 'Cannot reach the server',
  'err.token_missing': 'No token',
  'err.token_invalid': 'The token is not valid',
  'err.token_revoked': 'The token was revoked',
  'err.rate_limited': 'Too many requests; retrying later',
  'err.body_too_large': 'Too much data to send at once',
  'err.batch_too_large': 'Too many changes to send at once',
  'err.invalid_request': 'The server did not understand the request',
  'err.invalid_json': 'The server did not understand the request',
  'err.unsupported_protocol': 'The server and this app versions do not match',
  'err.device_cluster_mismatch': "This device is registered with another cluster's token",
  'err.forbidden': 'Not allowed',
  'err.not_found': 'Wrong server address (no such path)',
  'err.internal': 'Server error',
  'err.bad_response': 'The server answer is not understood (check the address)',
  'err.other': 'Unknown error ({{code}})',
};

registerMessages(SYNC_NS, { ko: ko as Record<SyncMessageKey, string>, en });

export type SyncT = (key: SyncMessageKey, params?: Record<string, string | number>) => string;

export function useSyncT(): SyncT {
  return useTranslation(SYNC_NS).t as unknown as SyncT;
}

const KNOWN_ERRORS = new Set(Object.keys(ko).filter((k) => k.startsWith('err.')));

/** A failure's Korean (or English) text: the code's sentence, or "unknown (code)". */
export function errorText(t: SyncT, code: string): string {
  const key = `err.${code}`;
  return KNOWN_ERRORS.has(key) ? t(key as SyncMessageKey) : t('err.other', { code });
}

/** "3분 전" from an epoch ms. */
export function ageText(t: SyncT, at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return t('age.now');
  if (minutes < 60) return t('age.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('age.hours', { n: Math.floor(minutes / 60) });
  return t('age.days', { n: Math.floor(minutes / 1440) });
}

/** A skew as "6분 12초" style text (absolute). */
export function skewText(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}
