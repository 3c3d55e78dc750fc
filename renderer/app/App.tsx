/** Root component: the first-run dialog until the team chose its cluster, then the shell. */
import { useTranslation } from 'react-i18next';
import { DemoDialog } from '../features/demo/DemoDialog';
import { FirstRun } from './FirstRun';
import { Layout } from './Layout';
import { useFirstRunDue } from './useFirstRun';

export function App() {
  const { t } = useTranslation();
  const firstRunDue = useFirstRunDue();
  return (
    <>
      {firstRunDue === undefined ? (
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
