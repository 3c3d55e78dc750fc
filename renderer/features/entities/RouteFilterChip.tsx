/**
 * The visible, removable sign that the grid shows a filtered list from the route (a chart click):
 * "필터: 해결 · 2006-03 ✕". Removing it goes back to the whole list. Query keys the grid does not
 * understand are named in a note and otherwise ignored.
 */
import type { EntityDef, Lang } from '../../../shared/registry';
import type { RouteFilter } from '../../../shared/report';
import { navigate } from '../../routing/route';
import type { TitleLookups } from './display';
import { useEntitiesT } from './messages';
import { routeFilterText } from './routeFilter';

export function RouteFilterChip({
  entity,
  filter,
  lang,
  titles,
}: {
  entity: EntityDef;
  filter: RouteFilter;
  lang: Lang;
  titles: TitleLookups | undefined;
}) {
  const t = useEntitiesT();
  return (
    <div className="route-filter" data-testid="route-filter">
      {filter.parts.length > 0 && (
        <span className="route-filter__chip" data-testid="route-filter-chip">
          <span>{t('routeFilter.label', { text: routeFilterText(filter, lang, titles) })}</span>
          <button
            type="button"
            className="route-filter__remove"
            data-testid="route-filter-remove"
            aria-label={t('routeFilter.remove')}
            title={t('routeFilter.remove')}
            onClick={() => navigate(entity.path)}
          >
            ✕
          </button>
        </span>
      )}
      {filter.ignored.length > 0 && (
        <span className="route-filter__note" data-testid="route-filter-ignored" role="note">
          {t('routeFilter.ignored', { keys: filter.ignored.join(', ') })}
        </span>
      )}
    </div>
  );
}
