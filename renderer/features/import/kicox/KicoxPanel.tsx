/**
 * A KICOX workbook on the import page: one line per recognised sheet with its own counts, the
 * sheets not imported with their reason, the notes (withheld cells, totals that disagree,
 * revised 전분기 values), and one commit for the whole workbook.
 */
import { enumLabel, type Lang } from '../../../../shared/registry';
import { formatCount } from '../../../../shared/format/numbers';
import { navigate } from '../../../routing/route';
import { Button } from '../../../ui';
import { useKicoxT } from './messages';
import type { KicoxSession } from './useKicoxWorkbook';

const MAX_NOTES = 200;

export function KicoxPanel({ k, lang }: { k: KicoxSession; lang: Lang }) {
  const t = useKicoxT();
  const p = k.preview;
  if (!p) return null;
  const n = (v: number) => formatCount(v, '', lang);
  if (k.result) {
    const { created, updated } = k.result;
    return (
      <section className="import-result" data-testid="kicox-result" role="status">
        <p>{t('done', { n: n(created + updated), created: n(created), updated: n(updated) })}</p>
        <Button
          variant="primary"
          data-testid="kicox-open-grid"
          onClick={() => navigate('indicators')}
        >
          {t('open')}
        </Button>
      </section>
    );
  }
  const notes = p.sheets.flatMap((s) => s.notes);
  const writes = p.counts.new + p.counts.updated;
  return (
    <section className="import-step" aria-labelledby="kicox-title" data-testid="kicox-panel">
      <h2 id="kicox-title">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <table className="import-mapping" data-testid="kicox-sheets">
        <thead>
          <tr>
            {(
              [
                'sheet',
                'period',
                'metrics',
                'unit',
                'new',
                'updated',
                'unchanged',
                'withheld',
                'totals',
              ] as const
            ).map((c) => (
              <th key={c} scope="col">
                {t(`col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.sheets.map((s) => (
            <tr key={s.sheet} data-testid="kicox-sheet">
              <th scope="row">{s.sheet}</th>
              <td>{s.quarter}</td>
              <td>{s.metrics.map((m) => enumLabel('indicatorMetric', m, lang)).join(', ')}</td>
              <td>{s.unit ?? ''}</td>
              <td data-testid="kicox-sheet-new">{n(s.counts.new)}</td>
              <td>{n(s.counts.updated)}</td>
              <td>{n(s.counts.unchanged)}</td>
              <td>{n(s.counts.withheld)}</td>
              <td>
                {n(s.counts.totalsChecked)} ({n(s.counts.totalsMismatched)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="kicox-total">
        {t('total', {
          new: n(p.counts.new),
          updated: n(p.counts.updated),
          unchanged: n(p.counts.unchanged),
          withheld: n(p.counts.withheld),
        })}
      </p>
      {p.skipped.length > 0 && (
        <div className="import-warnings">
          <h3>{t('skippedTitle', { n: p.skipped.length })}</h3>
          <ul>
            {p.skipped.map((s) => (
              <li key={s.sheet} data-testid="kicox-skipped">
                [{s.sheet}] {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <div className="import-notes" data-testid="kicox-notes">
          <h3>{t('notesTitle', { n: n(notes.length) })}</h3>
          <ul className="import-note-list" tabIndex={0}>
            {notes.slice(0, MAX_NOTES).map((note, i) => (
              <li key={i}>{note.text}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">{t('policy')}</p>
      {k.saving && (
        <progress
          data-testid="kicox-progress"
          max={1}
          value={k.saving.total === 0 ? 1 : k.saving.done / k.saving.total}
        />
      )}
      <Button
        variant="primary"
        data-testid="kicox-commit"
        disabled={writes === 0 || k.saving !== null}
        onClick={() => void k.commit()}
      >
        {writes === 0 ? t('nothing') : t('commit', { n: n(writes) })}
      </Button>
    </section>
  );
}

/** Shown while the workbook is read, or when it failed. */
export function KicoxStatus({ k }: { k: KicoxSession }) {
  const t = useKicoxT();
  if (k.error) {
    return (
      <p className="import-message" role="alert" data-testid="kicox-message">
        {t(k.error.key, { message: k.error.message })}
      </p>
    );
  }
  if (!k.reading) return null;
  return (
    <div className="import-progress" role="status">
      <progress aria-label={t('reading')} />
      <span>{t('reading')}</span>
    </div>
  );
}
