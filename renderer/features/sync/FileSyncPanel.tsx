/** 파일로 동기화: 파일로 내보내기 / 파일 가져오기 / 받은 변경 파일로 내보내기, with progress and results. */
import { useEffect, useState } from 'react';
import { Button, Dialog } from '../../ui';
import { useSyncStore } from '../../sync/runtime';
import {
  exportChanges,
  exportReceived,
  failureText,
  importFile,
  pullTarget,
  type ConfirmDeletes,
  type FileOutcome,
  type Progress,
} from './fileSyncActions';
import { useSyncT } from './messages';
import { useSyncFileT, type SyncFileT } from './fileMessages';

type Action = (t: SyncFileT, progress: Progress, confirm: ConfirmDeletes) => Promise<FileOutcome>;

interface DeleteQuestion {
  count: number;
  live: number;
  answer: (apply: boolean) => void;
}

export function FileSyncPanel() {
  const t = useSyncFileT();
  const ts = useSyncT();
  const [question, setQuestion] = useState<DeleteQuestion | null>(null);
  // The same guardrail as the network pull: many deletions wait for the user's answer.
  const confirm: ConfirmDeletes = (count, live) =>
    new Promise((resolve) =>
      setQuestion({
        count,
        live,
        answer: (apply) => {
          setQuestion(null);
          resolve(apply);
        },
      }),
    );
  const connected = useSyncStore((s) => Boolean(s.connection?.endpoint && s.connection.hasToken));
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);
  /** finished actions: lets a test (or a screen reader user) tell this result from the last */
  const [runs, setRuns] = useState(0);
  const [target, setTarget] = useState<{ clusterId: string; after: string } | null>(null);

  useEffect(() => {
    void pullTarget().then(setTarget);
  }, [outcome]);

  const run = (first: string, action: Action) => async () => {
    setBusy(first);
    setOutcome(null);
    try {
      setOutcome(await action(t, setBusy, confirm));
    } catch (e) {
      setOutcome({ ok: false, lines: [failureText(t, e)] });
    } finally {
      setBusy(null);
      setRuns((n) => n + 1);
    }
  };

  return (
    <section
      className="sync-panel"
      data-testid="sync-file"
      data-runs={runs}
      aria-labelledby="sync-file-title"
    >
      <h2 id="sync-file-title">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <div className="sync-actions">
        <Button
          variant="primary"
          onClick={run(t('busyExport'), exportChanges)}
          disabled={busy !== null}
          data-testid="sync-file-export"
        >
          {t('export')}
        </Button>
        <Button
          onClick={run(t('busyImport', { done: 0, total: '…' }), importFile)}
          disabled={busy !== null}
          data-testid="sync-file-import"
        >
          {t('import')}
        </Button>
        {connected && (
          <Button
            onClick={run(t('busyPull', { n: 0 }), exportReceived)}
            disabled={busy !== null || !target}
            data-testid="sync-file-export-pull"
          >
            {t('exportPull')}
          </Button>
        )}
      </div>
      {connected && target && (
        <p className="hint" data-testid="sync-file-target">
          {t('pullTarget', { cluster: target.clusterId, after: target.after })}
        </p>
      )}
      {question && (
        <Dialog
          title={ts('deletes.title')}
          placement="center"
          onRequestClose={() => question.answer(false)}
          data-testid="sync-file-delete-guard"
          footer={
            <>
              <Button variant="danger" onClick={() => question.answer(true)}>
                {ts('deletes.apply')}
              </Button>
              <Button onClick={() => question.answer(false)}>{t('declineDeletes')}</Button>
            </>
          }
        >
          <p>{ts('deletes.body', { count: question.count, live: question.live })}</p>
        </Dialog>
      )}
      <div aria-live="polite">
        {busy && (
          <p data-testid="sync-file-progress">
            <progress aria-label={busy} /> {busy}
          </p>
        )}
        {outcome && (
          <div
            data-testid="sync-file-result"
            data-ok={outcome.ok}
            className={outcome.ok ? undefined : 'error-text'}
          >
            {outcome.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
