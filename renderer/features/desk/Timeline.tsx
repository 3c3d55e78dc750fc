/** A difficulty's 처리 이력: each change as "from → to", with who and when (timeline.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import { getEntity, type Lang, type StoredRecord } from '../../../shared/registry';
import { getDb, queryRecordHistory } from '../../db';
import { fieldText, formatDateTime, type TitleLookups } from '../entities/display';
import { buildTimeline, type TimelineItem } from './timeline';
import { deskMessages } from './messages';
import { enumLabel } from '../../../shared/registry';

const difficulty = getEntity('difficulty');

function valueText(item: TimelineItem, v: unknown, lang: Lang, titles?: TitleLookups): string {
  const field = difficulty.fields.find((f) => f.key === item.field);
  if (!field) return String(v ?? '');
  return fieldText(field, v, { lang, titles }) || deskMessages(lang).none;
}

export function Timeline({
  record,
  lang,
  titles,
}: {
  record: StoredRecord;
  lang: Lang;
  titles: TitleLookups | undefined;
}) {
  const m = deskMessages(lang);
  // Live: a move made in the panel shows at once. Reads through the v5 record index.
  const entries = useLiveQuery(
    () => queryRecordHistory(getDb(), 'difficulty', record.id),
    [record.id, record.version],
  );
  const items = entries ? buildTimeline(entries, record) : [];
  return (
    <section className="desk-timeline" aria-label={m.timeline} data-testid="desk-timeline">
      <h3>{m.timeline}</h3>
      {entries && items.length === 0 && <p className="hint">{m.timelineEmpty}</p>}
      <ol>
        {items.map((item, i) => {
          const label = item.field
            ? (difficulty.fields.find((f) => f.key === item.field)?.label[lang] ?? item.field)
            : '';
          let what: string;
          if (item.kind === 'created') {
            what = `${m.created} · ${valueText(item, item.to, lang, titles)}`;
          } else if (item.kind === 'changed') {
            what = `${label}: ${valueText(item, item.from, lang, titles)} → ${valueText(item, item.to, lang, titles)}`;
          } else {
            what = item.kind === 'deleted' ? m.deleted : m.restored;
          }
          const who = item.who
            ? `${item.who.name}${item.who.role ? ` (${enumLabel('staffRole', item.who.role, lang)})` : ''}`
            : m.unknownWho;
          return (
            <li key={`${item.id}-${i}`} data-testid="timeline-item">
              <span className="desk-timeline__what">{what}</span>
              <span className="desk-timeline__meta">
                {who} · {formatDateTime(item.at)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
