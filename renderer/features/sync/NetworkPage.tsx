/** 공동활용 네트워크: what other clusters share, from the last pull, read-only, with its age. */
import { useLiveQuery } from 'dexie-react-hooks';
import { entityByName, enumLabel } from '../../../shared/registry';
import { getDb, useSetting } from '../../db';
import { useLang } from '../../i18n';
import { formatDateTime, recordTitle } from '../entities/display';
import { ageText, useSyncT, type SyncMessageKey } from './messages';
import { loadNetwork, NETWORK_ENTITIES, type NetworkEntity } from './networkModel';
import './sync.css';

const SECTION_TITLES: Record<NetworkEntity, SyncMessageKey> = {
  resource: 'net.resources',
  successCase: 'net.successCases',
  indicator: 'net.indicators',
};

export function NetworkPage() {
  const t = useSyncT();
  const lang = useLang();
  const ownCluster = useSetting<string>('clusterId');
  const lastPull = useSetting<number>('syncLastSuccessAt');
  const data = useLiveQuery(() => loadNetwork(getDb(), ownCluster), [ownCluster]);
  const now = Date.now();
  return (
    <section className="page" aria-labelledby="network-title" data-testid="page-network">
      <header className="page-header">
        <h1 id="network-title">{t('net.title')}</h1>
      </header>
      <p className="hint">{t('net.intro')}</p>
      <p data-testid="network-last-pull">
        {t('net.lastPull', {
          when: lastPull
            ? `${formatDateTime(new Date(lastPull).toISOString())} (${ageText(t, lastPull, now)})`
            : t('never'),
        })}
      </p>
      {data &&
        NETWORK_ENTITIES.map((entity) => {
          const def = entityByName[entity];
          const rows = data[entity];
          return (
            <section key={entity} className="sync-panel" data-testid={`network-${entity}`}>
              <h2>{t(SECTION_TITLES[entity])}</h2>
              {rows.length === 0 ? (
                <p className="hint">{t('net.empty')}</p>
              ) : (
                <table className="sync-table">
                  <thead>
                    <tr>
                      <th>{t('net.cluster')}</th>
                      <th>{t('net.name')}</th>
                      <th>{t('net.age')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const updated = Date.parse(String(r.updatedAt));
                      return (
                        <tr key={r.id} data-testid="network-row">
                          <td>{enumLabel('recordOwner', r.clusterId, lang)}</td>
                          <td>{recordTitle(def, r, lang)}</td>
                          <td title={formatDateTime(r.updatedAt)}>
                            {Number.isNaN(updated) ? '' : ageText(t, updated, now)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
    </section>
  );
}
