/**
 * The left navigation, in the order of the work (DOMAIN.md "What users expect on screen"):
 * 대시보드, the work entities, a smaller 기준정보 group (reference data), then the tools.
 * Entity items are generated from the registry, so a new entity appears without editing here.
 */
import type { EntityDef, EntityName, Lang } from '../../shared/registry';

/** Entities of the main work list; every other registry entity goes to 기준정보. */
export const WORK_ENTITIES: readonly EntityName[] = [
  'organization',
  'expert',
  'miniCluster',
  'difficulty',
  'activity',
  'resource',
  'plan',
  'indicator',
  'successCase',
];

export type NavGroup = 'main' | 'reference' | 'tools';

export interface NavItem {
  /** route page, also the `data-testid="nav-<path>"` suffix */
  path: string;
  group: NavGroup;
  /** i18n key of the label for shell pages; absent for entity pages (label comes from registry) */
  labelKey?: string;
  entity?: EntityDef;
}

export const DASHBOARD_PATH = 'dashboard';
export const SETTINGS_PATH = 'settings';
export const IMPORT_EXPORT_PATH = 'import-export';
export const REPORTS_PATH = 'reports';
export const SYNC_PATH = 'sync';
/** 기술애로 데스크 (issue 7): after the work entities, so Alt+1…9 keep their items */
export const DESK_PATH = 'desk';
/** 공동활용 네트워크: what other clusters share, from the last pull (renderer/features/sync) */
export const NETWORK_PATH = 'network';

/** Entities whose deep link `#/<path>/<id>` opens a detail page; `#/<path>/<id>/edit` the form. */
export const ENTITIES_WITH_PAGE: ReadonlySet<EntityName> = new Set<EntityName>(['miniCluster']);
export const EDIT_SEGMENT = 'edit';

const TOOL_ITEMS: NavItem[] = [
  { path: IMPORT_EXPORT_PATH, group: 'tools', labelKey: 'nav.importExport' },
  { path: REPORTS_PATH, group: 'tools', labelKey: 'nav.reports' },
  { path: SYNC_PATH, group: 'tools', labelKey: 'nav.sync' },
  { path: NETWORK_PATH, group: 'tools', labelKey: 'nav.network' },
  { path: SETTINGS_PATH, group: 'tools', labelKey: 'nav.settings' },
];

/** Builds the navigation from the registry's entities (any order in, navOrder order out). */
export function buildNav(registry: readonly EntityDef[]): NavItem[] {
  const byOrder = [...registry].sort((a, b) => a.navOrder - b.navOrder);
  const work = byOrder.filter((e) => WORK_ENTITIES.includes(e.name));
  const reference = byOrder.filter((e) => !WORK_ENTITIES.includes(e.name));
  return [
    { path: DASHBOARD_PATH, group: 'main', labelKey: 'nav.dashboard' },
    ...work.map((entity): NavItem => ({ path: entity.path, group: 'main', entity })),
    { path: DESK_PATH, group: 'main', labelKey: 'nav.desk' },
    ...reference.map((entity): NavItem => ({ path: entity.path, group: 'reference', entity })),
    ...TOOL_ITEMS,
  ];
}

export function navLabel(item: NavItem, lang: Lang, t: (key: string) => string): string {
  if (item.entity) return item.entity.label[lang];
  return t(item.labelKey ?? item.path);
}

/** Alt+1…9 reach the first nine items (대시보드 … 성과지표). */
export const MAX_NUMBERED_ITEMS = 9;
