/** The recent imports of this install, newest first, from the import log. */
import { useLiveQuery } from 'dexie-react-hooks';
import { formatCount } from '../../../shared/format/numbers';
import { getEntity, type Lang } from '../../../shared/registry';
import { getDb } from '../../db';
import { queryRecentImports } from '../../db/importLog';
import { useImportT } from './messages';
import { formatImportedAt } from './policy';

const SHOWN = 10;

export function ImportLogList({ lang }: { lang: Lang }) {
  const t = useImportT();
  const entries = useLiveQuery(() => queryRecentImports(getDb(), SHOWN), []);
  const n = (v: number) => formatCount(v, '', lang);
  return (
    <section className="import-log" data-testid="import-log">
      <h2>{t('log.title')}</h2>
      {entries && entries.length === 0 && <p className="hint">{t('log.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('log.at')}</th>
              <th scope="col">{t('log.file')}</th>
              <th scope="col">{t('log.entity')}</th>
              <th scope="col">{t('log.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="import-log-entry">
                <td>{formatImportedAt(e.at)}</td>
                <td>{e.fileName}</td>
                <td>{entityLabel(e.entity, lang)}</td>
                <td>
                  {n(e.counts.new)} / {n(e.counts.updated)} / {n(e.counts.error)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function entityLabel(name: Parameters<typeof getEntity>[0], lang: Lang): string {
  try {
    return getEntity(name).label[lang];
  } catch {
    return name; // an entity removed from the registry since the import
  }
}
