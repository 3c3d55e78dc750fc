/** The status strip's sync part: last successful sync, last error in words, clock warning. */
import { useSyncStore } from '../../sync/runtime';
import { formatDateTime } from '../entities/display';
import { ageText, errorText, skewText, useSyncT } from './messages';

export function SyncStatus() {
  const t = useSyncT();
  const s = useSyncStore();
  if (s.phase === 'unconfigured' && !s.lastSuccessAt) return null;
  const at = s.lastSuccessAt;
  return (
    <>
      <span
        data-testid="status-last-sync"
        title={at ? formatDateTime(new Date(at).toISOString()) : undefined}
      >
        {at ? t('status.synced', { when: ageText(t, at, Date.now()) }) : t('status.neverSynced')}
      </span>
      {s.lastError && (
        <span data-testid="status-sync-error" className="error-text" role="alert">
          {t('status.error', { message: errorText(t, s.lastError.code) })}
        </span>
      )}
      {s.skewWarning && s.skewMs !== null && (
        <span data-testid="status-skew" className="warning-text">
          {t('status.skew', { skew: skewText(s.skewMs) })}
        </span>
      )}
    </>
  );
}
