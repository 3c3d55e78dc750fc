/**
 * Root component: the first-run dialog until the team chose its cluster, then the shell. When
 * the identity kept outside IndexedDB says this install had a database and it is gone (or came
 * back empty), DatabaseVanished replaces the first run: a lost database is not a first run.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoDialog } from '../features/demo/DemoDialog';
import { DatabaseVanished } from '../features/storage/DatabaseVanished';
import { rememberDatabase, usePresenceStore } from '../features/storage/presenceStore';
import { FirstRun } from './FirstRun';
import { Layout } from './Layout';
import { useFirstRunDue } from './useFirstRun';

export function App() {
  const { t } = useTranslation();
  const firstRunDue = useFirstRunDue();
  const presence = usePresenceStore((s) => s.status);
  const knownDatabase = usePresenceStore((s) => s.identity !== null);
  const vanished = presence === 'vanished' || (firstRunDue === true && knownDatabase);

  // The shell shows a set-up database: record its identity (first run done, or restored).
  useEffect(() => {
    if (firstRunDue !== false || presence !== 'ok') return;
    rememberDatabase().catch((e: unknown) => {
      console.error('[pumasi] could not record the database identity', e);
    });
  }, [firstRunDue, presence]);

  return (
    <>
      {vanished ? (
        <DatabaseVanished />
      ) : firstRunDue === undefined || presence === 'checking' ? (
        <p className="app-loading" role="status">
          {t('common.loading')}
        </p>
      ) : firstRunDue ? (
        <FirstRun />
      ) : (
        <Layout />
      )}
      <DemoDialog />
    </>
  );
}
