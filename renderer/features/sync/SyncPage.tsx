/** 동기화: connection settings, state and controls, the conflict inbox. */
import { toHash } from '../../routing/route';
import { NETWORK_PATH } from '../../routing/nav';
import { ConflictInbox } from './ConflictInbox';
import { ConnectionPanel } from './ConnectionPanel';
import { FileSyncPanel } from './FileSyncPanel';
import { useSyncT } from './messages';
import { SyncStatePanel } from './SyncStatePanel';
import './sync.css';

export function SyncPage() {
  const t = useSyncT();
  return (
    <section className="page" aria-labelledby="sync-title" data-testid="page-sync">
      <header className="page-header">
        <h1 id="sync-title">{t('title')}</h1>
      </header>
      <p className="hint">{t('intro')}</p>
      <div className="sync-grid">
        <ConnectionPanel />
        <SyncStatePanel />
      </div>
      <FileSyncPanel />
      <ConflictInbox />
      <p>
        <a href={toHash(NETWORK_PATH)} data-testid="sync-network-link">
          {t('networkLink')}
        </a>
      </p>
    </section>
  );
}
