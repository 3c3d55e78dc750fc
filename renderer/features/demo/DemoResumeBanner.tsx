/**
 * Shown in the shell while a demo load is marked as interrupted (the app was closed, crashed or
 * the load was cancelled midway): says so and finishes it on one click. Hidden while a load runs.
 */
import { useTranslation } from 'react-i18next';
import { useSetting } from '../../db/hooks';
import { startDemoLoad, useDemoStore } from './store';

export function DemoResumeBanner() {
  const { t } = useTranslation();
  const interrupted = useSetting<boolean>('demoLoadInterrupted') === true;
  const busy = useDemoStore((s) => s.phase !== 'idle');
  if (!interrupted || busy) return null;
  return (
    <div className="demo-resume-banner" role="status" data-testid="demo-resume-banner">
      <span>{t('demo.interrupted')}</span>
      <button type="button" data-testid="demo-resume" onClick={() => void startDemoLoad()}>
        {t('demo.resume')}
      </button>
    </div>
  );
}
