/**
 * Progress of the demo-data load: a progress bar with a cancel button (DOMAIN.md: a long task
 * shows both), then what was added. Rendered once by the shell; opened by `startDemoLoad()`.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { entityByName, type EntityName } from '../../../shared/registry';
import { formatCount } from '../../../shared/format/numbers';
import { useLang } from '../../i18n';
import { sumCounts, type DemoLoadResult } from './loader';
import { cancelDemoLoad, closeDemoDialog, useDemoStore } from './store';

export function DemoDialog() {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = useId();
  const { phase, done, total, result } = useDemoStore();
  const actionRef = useRef<HTMLButtonElement>(null);

  // Focus follows the one available action: 취소 while running, 닫기 at the end.
  useEffect(() => {
    if (phase !== 'idle') actionRef.current?.focus();
  }, [phase]);

  if (phase === 'idle') return null;
  const running = phase === 'preparing' || phase === 'running';

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !running) closeDemoDialog();
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="demo-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('demo.title')}</h2>
        {running ? (
          <>
            <p>{phase === 'preparing' ? t('demo.preparing') : t('demo.writing')}</p>
            {/* No value while generating: an indeterminate bar, not a misleading 0%. */}
            <progress
              data-testid="progress"
              max={Math.max(total, 1)}
              value={phase === 'running' ? done : undefined}
              aria-label={t('demo.progress')}
            />
            <p className="progress-text" aria-live="polite">
              {phase === 'running' &&
                `${formatCount(done, '', lang)} / ${formatCount(total, { ko: '건', en: 'rows' }, lang)}`}
            </p>
            <div className="button-row">
              <button
                ref={actionRef}
                type="button"
                data-testid="demo-cancel"
                onClick={cancelDemoLoad}
              >
                {t('demo.cancel')}
              </button>
            </div>
            <p className="hint">{t('demo.cancelHint')}</p>
          </>
        ) : (
          <>
            {result && <DemoResult result={result} />}
            <div className="button-row">
              <button
                ref={actionRef}
                type="button"
                className="primary"
                data-testid="demo-close"
                onClick={closeDemoDialog}
              >
                {t('demo.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function DemoResult({ result }: { result: DemoLoadResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = Object.keys({ ...result.skipped, ...result.created }) as EntityName[];
  const created = sumCounts(result.created);
  const skipped = sumCounts(result.skipped);
  const count = (n: number) => formatCount(n, undefined, lang);

  return (
    <div data-testid="demo-result" data-status={result.status}>
      <p role="status">
        {t(`demo.status.${result.status}`)}{' '}
        {t('demo.summary', { created: count(created), skipped: count(skipped) })}
      </p>
      {result.error && (
        <p className="form-error">
          {t('demo.failedDetail')} {result.error}
        </p>
      )}
      {names.length > 0 && (
        <table className="dense-table">
          <thead>
            <tr>
              <th scope="col">{t('demo.col.entity')}</th>
              <th scope="col">{t('demo.col.created')}</th>
              <th scope="col">{t('demo.col.skipped')}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <tr key={name} data-testid={`demo-count-${name}`}>
                <th scope="row">{entityByName[name]?.label[lang] ?? name}</th>
                <td className="num">{count(result.created[name] ?? 0)}</td>
                <td className="num">{count(result.skipped[name] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
