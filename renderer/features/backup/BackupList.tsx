/** Desktop: the backup files in the backup folder (newest first), each restorable. */
import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { formatNumber } from '../../../shared/format/numbers';
import type { Lang } from '../../../shared/registry';
import { Button } from '../../ui';
import { formatDateTime } from '../entities/display';
import { useBackupT, type BackupMessageKey } from './messages';

export interface BackupListProps {
  list: () => Promise<BackupEntry[]>;
  /** changes whenever a backup was written or restored: the list reloads */
  refreshKey: number;
  busy: boolean;
  lang: Lang;
  onRestore: (entry: BackupEntry) => void;
}

/** `daily`, `before-restore`, `before-upgrade-v3`, `manual` → its kind (from the file name). */
export function backupKind(fileName: string): BackupMessageKey {
  if (fileName.includes('-before-upgrade')) return 'kind.before-upgrade';
  if (fileName.includes('-before-restore')) return 'kind.before-restore';
  if (fileName.includes('-daily')) return 'kind.daily';
  return 'kind.manual';
}

const sizeText = (bytes: number, lang: Lang) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, lang)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;

export function BackupList({ list, refreshKey, busy, lang, onRestore }: BackupListProps) {
  const t = useBackupT();
  const [entries, setEntries] = useState<BackupEntry[] | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    list().then(
      (found) => live && (setEntries(found), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [list, refreshKey]);

  return (
    <section className="backup-list" data-testid="backup-list" aria-labelledby="backup-list-title">
      <h3 id="backup-list-title">{t('list.title')}</h3>
      {error && <p role="alert">{error}</p>}
      {entries === undefined ? (
        !error && <p className="hint">{t('list.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="hint">{t('list.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('list.at')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.size')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.fileName} data-testid="backup-list-entry" title={e.fileName}>
                <td>{formatDateTime(e.createdAt)}</td>
                <td>{t(backupKind(e.fileName))}</td>
                <td>{sizeText(e.size, lang)}</td>
                <td>
                  <Button
                    data-testid="backup-list-restore"
                    disabled={busy}
                    onClick={() => onRestore(e)}
                  >
                    {t('list.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
