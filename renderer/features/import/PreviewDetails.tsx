/**
 * Parts of the preview that explain what the commit does to each record: the values every row
 * gets ("모든 행에 같은 값"), rows that may be existing records (the user merges or keeps them
 * new; never merged silently), and every updated record's changed fields as before → after.
 */
import { formatCount } from '../../../shared/format/numbers';
import type {
  PreviewPossibleMatch,
  PreviewSameForAll,
  PreviewUpdate,
} from '../../../shared/import';
import type { Lang } from '../../../shared/registry';
import { useImportT } from './messages';

export function SameForAllList({ items }: { items: readonly PreviewSameForAll[] }) {
  const t = useImportT();
  if (items.length === 0) return null;
  return (
    <div className="import-same-for-all" data-testid="import-same-for-all">
      <h3>{t('sameForAll.title')}</h3>
      <ul>
        {items.map((d) => (
          <li key={d.field}>
            {d.text}
            {d.reason && (
              <span className="hint"> ({t('defaults.suggested', { reason: d.reason })})</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PossibleMatches(props: {
  items: readonly PreviewPossibleMatch[];
  total: number;
  sameAs: Readonly<Record<number, string>>;
  disabled: boolean;
  onChoose: (row: number, id: string | null) => void;
}) {
  const t = useImportT();
  if (props.items.length === 0) return null;
  return (
    <div className="import-maybe" data-testid="import-maybe-same">
      <h3>{t('maybe.title', { n: props.total })}</h3>
      <ul>
        {props.items.map((m) => (
          <li key={m.row} data-testid="import-maybe-row">
            <span>{m.text}</span>{' '}
            <select
              data-testid={`import-maybe-${m.row}`}
              aria-label={t('maybe.label', { row: m.row, title: m.title })}
              disabled={props.disabled}
              value={props.sameAs[m.row] ?? ''}
              onChange={(e) => props.onChoose(m.row, e.target.value || null)}
            >
              <option value="">{t('maybe.keepNew')}</option>
              {m.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('maybe.merge', { title: c.title })}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function UpdatesList(props: { items: readonly PreviewUpdate[]; total: number; lang: Lang }) {
  const t = useImportT();
  if (props.items.length === 0) return null;
  return (
    <div className="import-updates" data-testid="import-updates">
      <h3>{t('updates.title', { n: formatCount(props.total, '', props.lang) })}</h3>
      <ul className="import-update-list" tabIndex={0}>
        {props.items.map((u) => (
          <li key={u.row} data-testid="import-update">
            <strong>{t('updates.row', { row: u.row, title: u.title })}</strong>
            <ul>
              {u.changes.map((c) => (
                <li key={c.field} data-testid="import-change">
                  {c.label}: <del>{c.beforeText}</del> → <ins>{c.afterText}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {props.total > props.items.length && (
        <p className="hint">{t('updates.capped', { shown: props.items.length })}</p>
      )}
    </div>
  );
}
