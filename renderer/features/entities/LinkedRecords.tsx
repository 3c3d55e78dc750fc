/**
 * Under a record's form: every record that points at it, grouped by entity and field, each a
 * deep link (`#/<path>/<id>`). Live: a difficulty added in another tab appears here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { entityByName, type EntityName, type Lang } from '../../../shared/registry';
import { getDb } from '../../db';
import { toHash } from '../../routing/route';
import { readLinkedRecords } from './linkedRecords';
import { useEntitiesT } from './messages';

export function LinkedRecords({
  entity,
  id,
  lang,
}: {
  entity: EntityName;
  id: string;
  lang: Lang;
}) {
  const t = useEntitiesT();
  const groups = useLiveQuery(
    () => readLinkedRecords(getDb(), entity, id, lang),
    [entity, id, lang],
  );
  if (!groups) return null;
  return (
    <section className="ef-links" aria-label={t('links.title')} data-testid="linked-records">
      <h3>{t('links.title')}</h3>
      {groups.length === 0 && <p className="hint">{t('links.none')}</p>}
      {groups.map((g) => {
        const def = entityByName[g.entity];
        const field = def.fields.find((f) => f.key === g.field);
        return (
          <div key={`${g.entity}.${g.field}`} data-testid={`links-${g.entity}-${g.field}`}>
            <h4>
              {def.label[lang]} · {field?.label[lang] ?? g.field} ({g.count})
            </h4>
            <ul>
              {g.items.map((item) => (
                <li key={item.id}>
                  <a href={toHash(g.path, [item.id])}>{item.title}</a>
                </li>
              ))}
            </ul>
            {g.count > g.items.length && (
              <p className="hint">{t('links.more', { n: g.count - g.items.length })}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
