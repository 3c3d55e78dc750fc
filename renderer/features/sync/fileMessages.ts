/** Strings of 파일로 동기화 on the 동기화 page (namespace `syncFile`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';
import { BUNDLE_MESSAGES } from '../../../shared/sync/bundleMessages';

export const SYNC_FILE_NS = 'syncFile';

const prefixed = (m: Record<string, string>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`bundle.${k}`, v]));

const ko = {
  title: '파일로 동기화 (인터넷이 없는 PC)',
  intro:
    '망분리 사무실처럼 서버에 닿지 않는 PC는 변경을 파일로 내보내고, 인터넷에 연결된 PC에서 그 파일을 가져와 서버로 올립니다. 연결된 PC가 만든 「받은 변경 파일」을 다시 이 PC에서 가져오면 다른 자료가 들어오고, 보낸 변경이 확인 처리됩니다. 같은 파일을 두 번 가져와도 두 번 적용되지 않습니다.',
  export: '파일로 내보내기',
  import: '파일 가져오기',
  exportPull: '받은 변경 파일로 내보내기',
  pullTarget: '대상: {{cluster}} 클러스터, 서버 변경 번호 {{after}} 이후',
  busyExport: '내보내는 중…',
  busyImport: '적용하는 중… {{done}} / {{total}}',
  busyRelay: '서버로 올리는 중…',
  busyPull: '서버에서 받는 중… {{n}}건',
  nothing: '보낼 변경이 없습니다.',
  demo: '데모 자료가 있어 파일로 내보내지 않습니다. 데모 자료를 먼저 지우세요.',
  exported:
    '변경 {{n}}건을 파일로 내보냈습니다 ({{file}}). 인터넷에 연결된 PC의 동기화 화면에서 「파일 가져오기」로 올리세요. 받은 변경 파일로 확인될 때까지 같은 변경이 다음 내보내기에도 들어갑니다.',
  exportedMore: '이 파일에 담지 못한 변경이 더 있습니다: 확인된 뒤 다시 내보내세요.',
  signed: '서명: 이 PC의 토큰으로 서명했습니다.',
  checksummed: '서명: 토큰이 없어 체크섬만 붙였습니다.',
  cancelled: '취소했습니다.',
  relayed:
    '{{cluster}} 클러스터 기기의 변경 파일을 서버로 올렸습니다: 적용 {{applied}}건, 이미 반영됨 {{duplicate}}건, 거부 {{refused}}건.',
  relayedNext:
    '이제 「받은 변경 파일로 내보내기」로 파일을 만들어 원래 PC에서 가져오세요 (보낸 변경이 확인 처리됩니다).',
  refusedRow: '{{entity}} {{id}}: {{message}}',
  pulled: '받은 변경 파일을 만들었습니다: 변경 {{n}}건, 보낸 파일 확인 {{receipts}}건 ({{file}}).',
  pulledMore: '서버에 변경이 더 있습니다: 이 파일을 가져온 뒤 다시 내보내세요.',
  imported:
    '받은 변경을 적용했습니다: 적용 {{applied}}건, 이미 있음 {{unchanged}}건, 충돌 {{conflicts}}건, 보류 {{keptAside}}건. 보낸 변경 확인 {{acknowledged}}건.',
  sealUnverified:
    '이 파일은 다른 토큰으로 서명되어 여기서는 체크섬(손상·변경 여부)만 확인했습니다.',
  noConnection:
    '이 PC에는 서버 연결이 없습니다. 보낼 변경 파일은 인터넷에 연결된 PC에서 가져오세요.',
  wrongRelayCluster:
    '이 파일은 {{cluster}} 클러스터의 변경입니다. 이 PC의 토큰은 다른 클러스터의 것이라 올릴 수 없습니다. 같은 클러스터의 PC나 사무국 PC에서 가져오세요.',
  failed: '실패했습니다: {{message}}',
  declineDeletes: '적용하지 않음',
  declined: '삭제를 적용하지 않았습니다. 파일의 어떤 변경도 적용하지 않았습니다.',
  ...prefixed(BUNDLE_MESSAGES.ko),
};
export type SyncFileKey = keyof typeof ko;

const en: Record<SyncFileKey, string> = {
  title: 'Sync by file (PCs without a network)',
  intro:
    'A PC that cannot reach the server exports its changes to a file; a PC connected to the internet imports that file and sends it to the server. Importing the “received changes” file it makes back on this PC brings in the others’ data and acknowledges what was sent. Importing a file twice never applies it twice.',
  export: 'Export to file',
  import: 'Import file',
  exportPull: 'Export received changes to file',
  pullTarget: 'For: cluster {{cluster}}, server changes after {{after}}',
  busyExport: 'Exporting…',
  busyImport: 'Applying… {{done}} / {{total}}',
  busyRelay: 'Sending to the server…',
  busyPull: 'Receiving from the server… {{n}}',
  nothing: 'Nothing to send.',
  demo: 'Demo data is loaded: nothing is exported. Remove the demo data first.',
  exported:
    'Exported {{n}} changes ({{file}}). Import it on a connected PC’s sync page. Until a received-changes file acknowledges them, the same changes go into the next export too.',
  exportedMore: 'More changes did not fit this file: export again once it is acknowledged.',
  signed: 'Signed with this PC’s token.',
  checksummed: 'No token: checksummed, not signed.',
  cancelled: 'Cancelled.',
  relayed:
    'Sent the file of a {{cluster}} device to the server: applied {{applied}}, already there {{duplicate}}, refused {{refused}}.',
  relayedNext:
    'Now use “Export received changes to file” and import that file on the original PC (it acknowledges what was sent).',
  refusedRow: '{{entity}} {{id}}: {{message}}',
  pulled: 'Made a received-changes file: {{n}} changes, {{receipts}} receipts ({{file}}).',
  pulledMore: 'The server holds more: import this file, then export again.',
  imported:
    'Applied the received changes: applied {{applied}}, already there {{unchanged}}, conflicts {{conflicts}}, kept aside {{keptAside}}. Acknowledged sent files: {{acknowledged}}.',
  sealUnverified: 'Signed with another token: only its checksum (damage, edits) was checked here.',
  noConnection:
    'This PC has no server connection. Import files of changes to send on a connected PC.',
  wrongRelayCluster:
    'This file holds changes of cluster {{cluster}}; this PC’s token belongs to another cluster. Import it on a PC of that cluster or the central office.',
  failed: 'Failed: {{message}}',
  declineDeletes: 'Do not apply',
  declined: 'Deletions not applied: nothing from the file was applied.',
  ...prefixed(BUNDLE_MESSAGES.en),
};

registerMessages(SYNC_FILE_NS, { ko: ko as Record<SyncFileKey, string>, en });

export type SyncFileT = (key: SyncFileKey, params?: Record<string, string | number>) => string;

export function useSyncFileT(): SyncFileT {
  return useTranslation(SYNC_FILE_NS).t as unknown as SyncFileT;
}
