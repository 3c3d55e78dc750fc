/**
 * Step 3: what the commit would do — counts per row status, every error (the first
 * MAX_SHOWN_ERRORS on screen, all of them in the downloadable report), per-row notes (capped by
 * the pipeline), warnings, the note that
 * this very file was imported before, and the commit button that states its policy.
 */
import { formatCount } from '../../../shared/format/numbers';
import type { RowStatus } from '../../../shared/import';
import type { Lang } from '../../../shared/registry';
import { Button } from '../../ui';
import { useImportT, type ImportMessageKey } from './messages';
import { canCommit, commitButtonText, commitSummary, formatImportedAt } from './policy';
import { PossibleMatches, SameForAllList, UpdatesList } from './PreviewDetails';
import type { PreviewSummary } from './protocol';

export const MAX_SHOWN_ERRORS = 200;
const STATUSES: RowStatus[] = ['new', 'updated', 'unchanged', 'duplicate', 'skipped', 'error'];

export interface PreviewPanelProps {
  preview: PreviewSummary;
  lang: Lang;
  stale: boolean;
  busy: boolean;
  /** ISO time of an earlier import of the same file (by checksum), if any */
  importedBefore: string | undefined;
  /** rows the user merged with an existing record (row → id) */
  sameAs: Readonly<Record<number, string>>;
  onSameAs: (row: number, id: string | null) => void;
  onCommit: () => void;
  onErrorReport: () => void;
}

export function PreviewPanel(props: PreviewPanelProps) {
  const { preview, lang, stale, busy, importedBefore } = props;
  const t = useImportT();
  const shown = preview.errors.slice(0, MAX_SHOWN_ERRORS);
  const enabled = canCommit(preview.counts, stale) && !busy;

  return (
    <section className="import-preview" data-testid="import-preview" aria-busy={stale}>
      <h2>{t('step.preview')}</h2>
      {importedBefore && (
        <p className="import-note" data-testid="import-already" role="status">
          {t('already.imported', { at: formatImportedAt(importedBefore) })}
        </p>
      )}
      {stale && <p className="hint">{t('preview.stale')}</p>}
      <dl className="import-counts">
        {STATUSES.map((s) => (
          <div key={s} className={`import-count import-count--${s}`}>
            <dt>{t(`count.${s}` as ImportMessageKey)}</dt>
            <dd data-testid={`import-count-${s}`}>
              {formatCount(preview.counts[s], undefined, lang)}
            </dd>
          </div>
        ))}
      </dl>

      <SameForAllList items={preview.sameForAll} />
      <PossibleMatches
        items={preview.possibleMatches}
        total={preview.possibleMatchesTotal}
        sameAs={props.sameAs}
        disabled={busy}
        onChoose={props.onSameAs}
      />
      <UpdatesList items={preview.updates} total={preview.counts.updated} lang={lang} />

      {preview.warnings.length > 0 && (
        <div className="import-warnings">
          <h3>{t('warnings.title')}</h3>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="import-errors" data-testid="import-errors">
        <h3>{t('errors.title', { n: formatCount(preview.errors.length, '', lang) })}</h3>
        {preview.errors.length === 0 ? (
          <p className="hint">{t('errors.none')}</p>
        ) : (
          <>
            <ul className="import-error-list" tabIndex={0}>
              {shown.map((e, i) => (
                <li key={i} data-testid="import-error">
                  {e.text}
                </li>
              ))}
            </ul>
            {preview.errors.length > shown.length && (
              <p className="hint">{t('errors.capped', { shown: shown.length })}</p>
            )}
            <Button data-testid="import-error-report" onClick={props.onErrorReport}>
              {t('errors.report')}
            </Button>
          </>
        )}
      </div>

      {preview.notes.length > 0 && (
        <div className="import-notes" data-testid="import-notes">
          <h3>{t('notes.title', { n: formatCount(preview.notesTotal, '', lang) })}</h3>
          <ul className="import-note-list" tabIndex={0}>
            {preview.notes.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
          {preview.notesTotal > preview.notes.length && (
            <p className="hint">{t('notes.capped', { shown: preview.notes.length })}</p>
          )}
        </div>
      )}

      <p className="import-commit-summary" data-testid="import-commit-summary">
        {commitSummary(preview.counts, lang)}
      </p>
      <p className="hint">{t('commit.policy')}</p>
      <Button
        variant="primary"
        data-testid="import-commit"
        disabled={!enabled}
        onClick={props.onCommit}
      >
        {commitButtonText(preview.counts, lang)}
      </Button>
    </section>
  );
}
