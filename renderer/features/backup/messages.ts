/** Strings of 백업·복원 (namespace `backup`), Korean first. */
import { useTranslation } from 'react-i18next';
import { i18n, registerMessages, type Lang } from '../../i18n';

export const BACKUP_NS = 'backup';

const ko = {
  title: '백업·복원',
  intro:
    '모든 자료(기록, 변경 이력, 보낼 변경, 설정)를 한 파일로 백업하고, 백업 파일에서 그대로 되살립니다.',
  introDesktop: '하루 한 번, 복원하기 전, 데이터 변환 전에 자동으로 백업합니다 (최근 30개 보관).',
  introBrowser: '브라우저에서는 백업 파일이 내려받기 폴더에 저장됩니다.',
  now: '지금 백업',
  restore: '백업에서 복원',
  'stage.dump': '자료를 읽는 중…',
  'stage.write': '백업 파일을 저장하는 중…',
  'stage.read': '백업 파일을 확인하는 중…',
  'stage.safety': '복원 전 현재 자료를 백업하는 중…',
  'stage.restore': '복원하는 중…',
  progressLabel: '진행 상황',
  'done.written': '백업했습니다: {{name}}',
  'done.downloaded': '백업 파일을 저장했습니다: {{name}}',
  'done.cancelled': '백업을 취소했습니다',
  'done.restored': '{{date}} 백업에서 복원했습니다 ({{n}}건)',
  'done.safety': '복원 전 자료는 {{name}}에 백업해 두었습니다',
  failed: '백업하지 못했습니다: {{message}}',
  restoreFailed: '복원하지 못했습니다. 자료는 바뀌지 않았습니다: {{message}}',
  invalid: '이 파일로는 복원할 수 없습니다. 자료는 바뀌지 않았습니다: {{message}}',
  'confirm.title': '이 백업으로 복원할까요?',
  'confirm.warning': '지금 있는 자료가 모두 이 백업의 내용으로 바뀝니다.',
  'confirm.safetyDesktop': '복원하기 전에 지금 자료를 자동으로 백업합니다.',
  'confirm.safetyBrowser': '필요하면 먼저 「지금 백업」으로 지금 자료를 저장해 두세요.',
  'confirm.file': '파일',
  'confirm.createdAt': '백업 시각',
  'confirm.device': '만든 기기',
  'confirm.thisDevice': '(이 기기)',
  'confirm.otherDevice': '(다른 기기)',
  'confirm.cluster': '클러스터',
  'confirm.version': '프로그램 / 데이터 버전',
  'confirm.tables': '들어 있는 자료',
  'confirm.total': '합계',
  'confirm.restore': '복원',
  'confirm.cancel': '취소',
  'list.title': '자동 백업',
  'list.empty': '아직 백업 파일이 없습니다.',
  'list.loading': '불러오는 중…',
  'list.at': '시각',
  'list.kind': '종류',
  'list.size': '크기',
  'list.restore': '복원',
  'list.lastAuto': '마지막 자동 백업: {{date}}',
  'kind.daily': '매일',
  'kind.before-restore': '복원 전',
  'kind.before-upgrade': '데이터 변환 전',
  'kind.manual': '수동',
  'table.history': '변경 이력',
  'table.outbox': '보낼 변경',
  'table.settings': '설정',
  'table.prefs': '화면 설정',
  'table.importLog': '가져오기 기록',
  'table.monthCloses': '월 마감 보고서',
  'startup.upgradeFailed':
    '데이터 변환 전 자동 백업을 만들지 못했습니다: {{message}}. 설정 › 백업·복원에서 백업을 확인하세요',
  restoredWithProblem:
    '복원은 끝났습니다 (자료는 백업의 내용으로 바뀌었습니다). 다만 그 뒤 단계에서 문제가 있었습니다: {{message}}',
  'confirm.newDevice':
    '복원하면 이 데이터베이스는 새 기기 ID를 받아, 다음 동기화 때 새 기기로 등록됩니다 (백업을 만든 기기로 행세하지 않습니다).',
  'confirm.upgraded':
    '데이터 버전 {{from}}의 백업입니다. 이 프로그램의 데이터 버전 {{to}}에 맞게 변환해 복원합니다.',
  'confirm.unsentLost':
    '이 기기에서 아직 보내지 않은 변경 {{writes}}건(항목 {{records}}개)은 복원하면 보내지 않습니다:',
  'confirm.unsentSafety': '복원 전 자동 백업에는 남아 있습니다.',
  'confirm.unsentBrowser': '보내기 전에 남겨 두려면 먼저 「지금 백업」으로 저장하세요.',
  'confirm.unsentMore': '… 외 {{n}}개',
  'confirm.unsentWrites': '{{n}}건',
} as const;

export type BackupMessageKey = keyof typeof ko;

const en: Record<BackupMessageKey, string> = {
  title: 'Backup & restore',
  intro:
    'Back up all data (records, history, pending changes, settings) to one file, and bring it back from a backup file.',
  introDesktop:
    'Backups are also made automatically once a day, before a restore and before a data upgrade (the newest 30 are kept).',
  introBrowser: 'In a browser, backup files go to the downloads folder.',
  now: 'Back up now',
  restore: 'Restore from backup',
  'stage.dump': 'Reading data…',
  'stage.write': 'Saving the backup file…',
  'stage.read': 'Checking the backup file…',
  'stage.safety': 'Backing up current data before the restore…',
  'stage.restore': 'Restoring…',
  progressLabel: 'Progress',
  'done.written': 'Backed up: {{name}}',
  'done.downloaded': 'Backup file saved: {{name}}',
  'done.cancelled': 'Backup cancelled',
  'done.restored': 'Restored the backup of {{date}} ({{n}} records)',
  'done.safety': 'The data from before the restore was backed up to {{name}}',
  failed: 'Could not back up: {{message}}',
  restoreFailed: 'Could not restore; nothing was changed: {{message}}',
  invalid: 'This file cannot be restored; nothing was changed: {{message}}',
  'confirm.title': 'Restore this backup?',
  'confirm.warning': 'All current data will be replaced by the contents of this backup.',
  'confirm.safetyDesktop': 'Current data is backed up automatically before the restore.',
  'confirm.safetyBrowser': 'If needed, save current data first with "Back up now".',
  'confirm.file': 'File',
  'confirm.createdAt': 'Backed up at',
  'confirm.device': 'Made on device',
  'confirm.thisDevice': '(this device)',
  'confirm.otherDevice': '(another device)',
  'confirm.cluster': 'Cluster',
  'confirm.version': 'App / data version',
  'confirm.tables': 'Contents',
  'confirm.total': 'Total',
  'confirm.restore': 'Restore',
  'confirm.cancel': 'Cancel',
  'list.title': 'Automatic backups',
  'list.empty': 'No backup files yet.',
  'list.loading': 'Loading…',
  'list.at': 'When',
  'list.kind': 'Kind',
  'list.size': 'Size',
  'list.restore': 'Restore',
  'list.lastAuto': 'Last automatic backup: {{date}}',
  'kind.daily': 'Daily',
  'kind.before-restore': 'Before restore',
  'kind.before-upgrade': 'Before upgrade',
  'kind.manual': 'Manual',
  'table.history': 'History',
  'table.outbox': 'Pending changes',
  'table.settings': 'Settings',
  'table.prefs': 'Screen settings',
  'table.importLog': 'Import log',
  'table.monthCloses': 'Closed months',
  'startup.upgradeFailed':
    'Could not make the automatic backup before the data upgrade: {{message}}. Check Settings › Backup & restore',
  restoredWithProblem:
    'The restore finished (the data was replaced by the backup), but a later step failed: {{message}}',
  'confirm.newDevice':
    'After the restore this database takes a new device id and registers as a new device on its next sync (it never poses as the device that made the backup).',
  'confirm.upgraded':
    'This backup is of data version {{from}}; it is upgraded to this app’s data version {{to}} while restoring.',
  'confirm.unsentLost':
    '{{writes}} changes made on this device and not yet sent ({{records}} records) will not be sent after the restore:',
  'confirm.unsentSafety': 'The automatic backup made before the restore still holds them.',
  'confirm.unsentBrowser': 'To keep them, save them first with "Back up now".',
  'confirm.unsentMore': '… and {{n}} more',
  'confirm.unsentWrites': '{{n}} changes',
};

registerMessages(BACKUP_NS, { ko: ko as Record<BackupMessageKey, string>, en });

export type BackupT = (key: BackupMessageKey, params?: Record<string, string | number>) => string;

export function useBackupT(): BackupT {
  return useTranslation(BACKUP_NS).t as unknown as BackupT;
}

/** Translates outside React (startup code), in the current or a given language. */
export function backupT(
  key: BackupMessageKey,
  params: Record<string, string | number> = {},
  lang?: Lang,
): string {
  return i18n.t(key, { ns: BACKUP_NS, ...(lang ? { lng: lang } : {}), ...params });
}
