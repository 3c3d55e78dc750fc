/**
 * Strings of the storage guard (namespace `storage`), Korean first: free-space refusals, storage
 * errors with what is still there, the vanished-database screen, the offline service worker.
 */
import { useTranslation } from 'react-i18next';
import { i18n, registerMessages, type Lang } from '../../i18n';

export const STORAGE_NS = 'storage';

const ko = {
  'space.refused':
    '저장 공간이 부족해 {{what}} 작업을 시작하지 않았습니다. 필요한 공간은 약 {{needed}}, 남은 공간은 {{free}}입니다 ({{where}}). 아무것도 바뀌지 않았습니다. 공간을 비운 뒤 다시 시도하세요.',
  'where.quota': '이 앱에 허용된 브라우저 저장 공간',
  'where.disk': '데이터 폴더가 있는 디스크',
  'what.import': '가져오기',
  'what.restore': '복원',
  'what.demo': '예시 자료 넣기',
  'cause.quota': '저장 공간이 부족합니다',
  'cause.aborted': '저장이 중간에 취소되었습니다',
  'cause.closed': '데이터베이스에 더 이상 쓸 수 없습니다',
  'cause.stalled':
    '저장이 {{seconds}}초 동안 진행되지 않아 중단했습니다. 디스크 공간이 부족할 수 있습니다',
  'cause.other': '{{message}}',
  'outcome.rolledBack':
    '{{what}}에 실패했습니다: {{cause}}. 이번 자료는 하나도 저장되지 않았고, 기존 자료 {{count}}건은 그대로 있습니다.',
  'outcome.lost':
    '{{what}}에 실패했습니다: {{cause}}. 브라우저가 이 앱의 데이터베이스를 지웠습니다. 백업에서 복원하세요.',
  'outcome.unverified':
    '{{what}}에 실패했습니다: {{cause}}. 무엇이 저장되었는지 확인하지 못했습니다. 목록을 확인하고, 필요하면 백업에서 복원하세요.',
  'vanished.title': '데이터베이스가 사라졌습니다',
  'vanished.body':
    '이 컴퓨터에서 쓰던 품앗이 데이터베이스를 찾을 수 없습니다. 디스크 공간이 부족할 때 브라우저(Chromium)가 데이터베이스를 지우는 일이 있습니다. 처음부터 시작하기 전에 백업에서 되살리세요.',
  'vanished.known': '마지막으로 확인한 때: {{date}} · 클러스터: {{cluster}}',
  'vanished.newest': '가장 최근 백업: {{name}} ({{date}}, {{size}})',
  'vanished.noBackup': '자동 백업 파일이 없습니다.',
  'vanished.restoreNewest': '가장 최근 백업으로 복원',
  'vanished.restoreFile': '백업 파일에서 복원…',
  'vanished.browserHint':
    '브라우저에서는 자동 백업이 없습니다. 설정 › 백업·복원에서 내려받은 백업 파일(.zip)을 고르세요.',
  'vanished.startFresh': '복원하지 않고 처음부터 시작',
  'vanished.confirmFresh':
    '백업 없이 빈 데이터베이스로 시작합니다. 사라진 자료는 되살릴 수 없게 됩니다. 계속할까요?',
  'vanished.cancel': '취소',
  'vanished.restoring': '복원하는 중…',
  'vanished.failed': '복원하지 못했습니다: {{message}}',
  'vanished.restored': '{{date}} 백업에서 {{n}}건을 되살렸습니다.',
  'sw.updateReady': '새 버전이 준비되었습니다. 품앗이 창을 모두 닫았다가 다시 열면 적용됩니다.',
} as const;

export type StorageMessageKey = keyof typeof ko;

const en: Record<StorageMessageKey, string> = {
  'space.refused':
    'Not enough storage space, so the {{what}} did not start. It needs about {{needed}}; {{free}} is free ({{where}}). Nothing was changed. Free some space and try again.',
  'where.quota': 'browser storage allowed for this app',
  'where.disk': 'disk holding the data folder',
  'what.import': 'import',
  'what.restore': 'restore',
  'what.demo': 'demo data load',
  'cause.quota': 'the storage is full',
  'cause.aborted': 'the write was aborted',
  'cause.closed': 'the database can no longer be written',
  'cause.stalled':
    'the write made no progress for {{seconds}} s and was stopped. The disk may be full',
  'cause.other': '{{message}}',
  'outcome.rolledBack':
    'The {{what}} failed: {{cause}}. None of it was saved, and the {{count}} records already stored are intact.',
  'outcome.lost':
    'The {{what}} failed: {{cause}}. The browser deleted this app’s database. Restore it from a backup.',
  'outcome.unverified':
    'The {{what}} failed: {{cause}}. Could not check what was saved. Check the lists and restore a backup if needed.',
  'vanished.title': 'The database has disappeared',
  'vanished.body':
    'The Pumasi database used on this computer cannot be found. Chromium may delete a database when the disk is full. Restore a backup before starting over.',
  'vanished.known': 'Last seen: {{date}} · cluster: {{cluster}}',
  'vanished.newest': 'Newest backup: {{name}} ({{date}}, {{size}})',
  'vanished.noBackup': 'There are no automatic backup files.',
  'vanished.restoreNewest': 'Restore the newest backup',
  'vanished.restoreFile': 'Restore from a backup file…',
  'vanished.browserHint':
    'A browser keeps no automatic backups. Choose a backup file (.zip) downloaded from Settings › Backup & restore.',
  'vanished.startFresh': 'Start over without restoring',
  'vanished.confirmFresh':
    'This starts with an empty database; the lost records can then no longer be restored. Continue?',
  'vanished.cancel': 'Cancel',
  'vanished.restoring': 'Restoring…',
  'vanished.failed': 'Could not restore: {{message}}',
  'vanished.restored': 'Restored {{n}} records from the backup of {{date}}.',
  'sw.updateReady': 'A new version is ready. It is used once every Pumasi window was closed.',
};

export const storageMessages = { ko: ko as Record<StorageMessageKey, string>, en };
registerMessages(STORAGE_NS, storageMessages);

export type StorageT = (key: StorageMessageKey, params?: Record<string, string | number>) => string;

export function useStorageT(): StorageT {
  return useTranslation(STORAGE_NS).t as unknown as StorageT;
}

/** Translates outside React, in the current or a given language. */
export function storageT(
  key: StorageMessageKey,
  params: Record<string, string | number> = {},
  lang?: Lang,
): string {
  return i18n.t(key, { ns: STORAGE_NS, ...(lang ? { lng: lang } : {}), ...params });
}
