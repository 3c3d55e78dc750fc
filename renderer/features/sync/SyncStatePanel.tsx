/** The engine's state in words, 지금 동기화 / 일시 중지 / 다시 시작, and the delete-guard prompt. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Dialog } from '../../ui';
import { getDb, queryKeptAside } from '../../db';
import { formatDateTime } from '../entities/display';
import {
  confirmDeletes,
  pauseSync,
  rejectDeletes,
  resumeSync,
  syncNow,
  useSyncStore,
} from '../../sync/runtime';
import { errorText, skewText, useSyncT } from './messages';

export function SyncStatePanel() {
  const t = useSyncT();
  const s = useSyncStore();
  const kept = useLiveQuery(() => queryKeptAside(getDb()).then((r) => r.length), []);
  const phaseKey = s.demoBlocked ? 'phase.demoBlocked' : (`phase.${s.phase}` as const);
  const paused = s.phase === 'paused';
  const when = (ms: number) => formatDateTime(new Date(ms).toISOString());
  return (
    <section className="sync-panel" data-testid="sync-state" aria-labelledby="sync-state-title">
      <h2 id="sync-state-title">{t('state.title')}</h2>
      <p data-testid="sync-phase" data-phase={s.demoBlocked ? 'demoBlocked' : s.phase}>
        {t(phaseKey)}
      </p>
      <p data-testid="sync-last-success" data-at={s.lastSuccessAt ?? ''}>
        {t('lastSuccess', { when: s.lastSuccessAt ? when(s.lastSuccessAt) : t('never') })}
      </p>
      {s.nextRunAt && s.phase === 'waiting' && (
        <p className="hint">{t('nextRun', { when: when(s.nextRunAt) })}</p>
      )}
      {s.lastError && (
        <p className="error-text" data-testid="sync-last-error">
          {t('lastError', { message: errorText(t, s.lastError.code) })}
        </p>
      )}
      {s.lastRun && <p className="hint">{t('lastRun', s.lastRun)}</p>}
      {s.skewWarning && s.skewMs !== null && (
        <p className="warning-text" data-testid="sync-skew-warning">
          {t('skewWarning', { skew: skewText(s.skewMs) })}
        </p>
      )}
      {kept !== undefined && kept > 0 && <p className="hint">{t('kept.body', { n: kept })}</p>}
      <div className="sync-actions">
        <Button
          variant="primary"
          onClick={() => void syncNow()}
          disabled={paused || s.phase === 'syncing' || s.phase === 'unconfigured' || s.demoBlocked}
          data-testid="sync-now"
        >
          {t('syncNow')}
        </Button>
        {paused ? (
          <Button onClick={() => void resumeSync()} data-testid="sync-resume">
            {t('resume')}
          </Button>
        ) : (
          <Button onClick={() => void pauseSync()} data-testid="sync-pause">
            {t('pause')}
          </Button>
        )}
      </div>
      {s.phase === 'confirmDeletes' && s.pendingDeletes && (
        <Dialog
          title={t('deletes.title')}
          placement="center"
          onRequestClose={() => void rejectDeletes()}
          data-testid="sync-delete-guard"
          footer={
            <>
              <Button
                variant="danger"
                onClick={() => void confirmDeletes()}
                data-testid="sync-deletes-apply"
              >
                {t('deletes.apply')}
              </Button>
              <Button onClick={() => void rejectDeletes()} data-testid="sync-deletes-reject">
                {t('deletes.reject')}
              </Button>
            </>
          }
        >
          <p>{t('deletes.body', s.pendingDeletes)}</p>
        </Dialog>
      )}
    </section>
  );
}
