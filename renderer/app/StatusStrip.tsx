import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../shared/registry';
import { formatNumber } from '../../shared/format/numbers';
import { usePendingCount, useSetting } from '../db/hooks';
import { useLang } from '../i18n';
import { LangSwitch } from '../ui/LangSwitch';
import { useOnline } from './useOnline';
import { SyncStatus } from '../features/sync/SyncStatus';

/** Bottom strip: the team's cluster, online/offline, changes waiting to sync, sync state, language. */
export function StatusStrip() {
  const { t } = useTranslation();
  const lang = useLang();
  const clusterId = useSetting<string>('clusterId');
  const online = useOnline();
  const pending = usePendingCount();

  return (
    <footer className="status-strip" data-testid="status-strip">
      <span data-testid="status-cluster">
        {clusterId
          ? t('status.cluster', { name: enumLabel('recordOwner', clusterId, lang) })
          : t('status.noCluster')}
      </span>
      <span
        data-testid="status-online"
        className={online ? 'status-online' : 'status-offline'}
        role="status"
      >
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="status-pending" title={t('status.pendingHelp')}>
        {t('status.pending', { n: formatNumber(pending ?? 0, lang) })}
      </span>
      <SyncStatus />
      <span className="status-spacer" />
      <LangSwitch />
    </footer>
  );
}
