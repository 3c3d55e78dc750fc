/** 범위: the team's own cluster (default), one of its mini-clusters, or every cluster. */
import type { Scope } from '../../../../shared/report';
import { scopeParam } from '../dashboardQuery';
import { useChartsT } from './messages';

export function ScopePicker({
  scope,
  clusterName,
  miniClusters,
  onChange,
}: {
  scope: Scope;
  clusterName: string | null;
  miniClusters: ReadonlyArray<{ id: string; name: string }>;
  /** the `scope` query value; '' = own cluster */
  onChange: (param: string) => void;
}) {
  const t = useChartsT();
  return (
    <fieldset className="dash-picker" data-testid="scope-picker">
      <legend>{t('scope.label')}</legend>
      <select
        data-testid="scope-select"
        aria-label={t('scope.label')}
        value={scopeParam(scope)}
        onChange={(e) => onChange(e.target.value)}
      >
        {clusterName !== null && (
          <option value="">{t('scope.cluster', { name: clusterName })}</option>
        )}
        {miniClusters.map((mc) => (
          <option key={mc.id} value={`mc:${mc.id}`}>
            {t('scope.mc', { name: mc.name })}
          </option>
        ))}
        <option value="all">{t('scope.all')}</option>
      </select>
    </fieldset>
  );
}
