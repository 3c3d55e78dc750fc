/**
 * The generic screen of one registry entity: toolbar (title, count, search, new, columns),
 * the records grid, and the record form. A thin container: it reads the database through the
 * hooks and hands plain props to EntityGrid / EntityForm.
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { EntityDef, Lang } from '../../../shared/registry';
import { formatNumber } from '../../../shared/format/numbers';
import { buildRouteFilter } from '../../../shared/report';
import { useRecord, useRecords, useSetting } from '../../db';
import { useLang } from '../../i18n';
import {
  EDIT_SEGMENT,
  ENTITIES_WITH_PAGE,
  IMPORT_EXPORT_PATH,
  SETTINGS_PATH,
} from '../../routing/nav';
import { useShortcut } from '../../routing/useShortcut';
import { navigate, useRoute } from '../../routing/route';
import { Button, EmptyState } from '../../ui';
import { ExportMenu } from '../export/ExportMenu';
import { gridViewWithin } from '../export/gridApi';
import { ColumnChooser } from './ColumnChooser';
import { buildColumnDefs } from './columns';
import type { TitleLookups } from './display';
import { EntityForm } from './EntityForm';
import { useUnsentIds } from '../../sync/outboxIds';
import { EntityGrid, type EntityGridHandle } from './EntityGrid';
import { columnChoices } from './gridState';
import { useEntitiesT } from './messages';
import { RouteFilterChip } from './RouteFilterChip';
import { useGridPrefs } from './useGridPrefs';
import { useTitleLookups } from './useTitleLookups';
import './entities.css';

/** Which record the form shows: an id, or none for a new record. */
interface Editing {
  id: string | undefined;
}

export function EntityPage({ entity }: { entity: EntityDef }) {
  const t = useEntitiesT();
  const lang = useLang();
  const rows = useRecords(entity.name);
  const titles = useTitleLookups(entity, lang);
  const unsentIds = useUnsentIds(entity.name);
  const clusterId = useSetting<string>('clusterId');
  const columnDefs = useMemo(() => buildColumnDefs(entity, lang), [entity, lang]);
  const [prefs, setPrefs] = useGridPrefs(entity.name, columnDefs);
  const choices = useMemo(() => columnChoices(columnDefs, prefs), [columnDefs, prefs]);
  const [search, setSearch] = useState('');
  // Typing stays responsive while 100,000 rows are filtered behind it.
  const quickFilterText = useDeferredValue(search);
  const [shownCount, setShownCount] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<EntityGridHandle>(null);
  const pageRef = useRef<HTMLElement>(null);

  // An entity with its own detail page (a mini-cluster) opens it; the page's 편집 opens the form.
  const openRecord = useCallback(
    (id: string) =>
      ENTITIES_WITH_PAGE.has(entity.name) ? navigate(entity.path, [id]) : setEditing({ id }),
    [entity],
  );
  const openNew = useCallback(() => setEditing({ id: undefined }), []);
  // A deep link `#/<path>/<id>` (global search) opens that record's form, as Enter in the grid.
  const route = useRoute();
  const linkedId = route.params[0];
  // A filter from the address (`?status=…&resolvedIn=…`, a chart click): the grid gets only the
  // records behind the figure, so its count equals the chart's. Unknown keys are only noted.
  const routeFilter = useMemo(() => buildRouteFilter(entity, route.query), [entity, route.query]);
  const gridRows = useMemo(
    () =>
      rows && routeFilter && routeFilter.parts.length > 0
        ? rows.filter((r) => routeFilter.test(r))
        : rows,
    [rows, routeFilter],
  );
  useEffect(() => {
    if (linkedId) setEditing({ id: linkedId });
  }, [linkedId]);
  const closeForm = useCallback(() => {
    setEditing(null);
    // Drop the id from the address, so the same link opens the form again next time; a form
    // opened from a record's page (`…/<id>/edit`) goes back to that page.
    if (linkedId) navigate(entity.path, route.params[1] === EDIT_SEGMENT ? [linkedId] : []);
  }, [linkedId, entity.path, route.params]);
  const revealCreated = useCallback((id: string) => gridRef.current?.revealRecord(id), []);
  const newShortcut = () => {
    if (editing) return false;
    openNew();
  };
  // Insert everywhere; Ctrl+N too, where the browser lets a page have it (Electron does).
  useShortcut({ key: 'Insert', run: newShortcut });
  useShortcut({ key: 'n', ctrl: true, run: newShortcut });

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      gridRef.current?.focusFirstRow();
    } else if (e.key === 'Escape' && search !== '') {
      e.preventDefault();
      setSearch('');
    }
  };

  const total = rows?.length;
  const countText =
    total === undefined
      ? t('grid.loading')
      : shownCount !== null && shownCount !== total
        ? t('toolbar.countFiltered', {
            shown: formatNumber(shownCount, lang),
            n: formatNumber(total, lang),
          })
        : t('toolbar.count', { n: formatNumber(total, lang) });

  const empty =
    rows && rows.length === 0 ? (
      <EmptyState
        data-testid="entity-empty"
        title={t('empty.title', { entity: entity.label[lang] })}
        description={t('empty.description')}
        actions={
          <>
            <Button variant="primary" data-testid="empty-new" onClick={openNew}>
              {t('empty.new')}
            </Button>
            <Button data-testid="empty-demo" onClick={() => navigate(SETTINGS_PATH)}>
              {t('empty.demo')}
            </Button>
            <Button data-testid="empty-import" onClick={() => navigate(IMPORT_EXPORT_PATH)}>
              {t('empty.import')}
            </Button>
          </>
        }
      />
    ) : undefined;

  return (
    <section ref={pageRef} className="entity-page" data-testid={`entity-page-${entity.name}`}>
      <header className="entity-toolbar">
        <h1 className="entity-toolbar__title">{entity.label[lang]}</h1>
        <span className="entity-toolbar__count" data-testid="record-count" aria-live="polite">
          {countText}
        </span>
        <input
          type="search"
          className="entity-toolbar__search"
          data-testid="grid-search"
          aria-label={t('toolbar.searchLabel', { entity: entity.label[lang] })}
          placeholder={t('toolbar.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        <Button
          variant="primary"
          data-testid="record-new"
          title={t('toolbar.newTitle')}
          onClick={openNew}
        >
          {t('toolbar.new')}
        </Button>
        <span className="entity-toolbar__spacer" />
        <ColumnChooser
          label={t('toolbar.columns')}
          choices={choices}
          onToggle={(colId, visible) => gridRef.current?.setColumnVisible(colId, visible)}
        />
        <Button data-testid="grid-reset-columns" onClick={() => gridRef.current?.resetColumns()}>
          {t('toolbar.resetColumns')}
        </Button>
        <ExportMenu
          entity={entity}
          lang={lang}
          titles={titles}
          getView={() => gridViewWithin(pageRef.current)}
        />
      </header>
      {routeFilter && (
        <RouteFilterChip entity={entity} filter={routeFilter} lang={lang} titles={titles} />
      )}
      <EntityGrid
        handleRef={gridRef}
        rows={gridRows}
        columnDefs={columnDefs}
        lang={lang}
        titles={titles}
        unsentIds={unsentIds}
        quickFilterText={quickFilterText}
        savedPrefs={prefs}
        onPrefsChange={setPrefs}
        onOpenRecord={openRecord}
        onDisplayedCountChange={setShownCount}
        overlay={empty}
      />
      {editing && (
        <RecordFormHost
          entity={entity}
          editing={editing}
          titles={titles}
          clusterId={clusterId}
          lang={lang}
          onClose={closeForm}
          onCreated={revealCreated}
        />
      )}
    </section>
  );
}

interface RecordFormHostProps {
  entity: EntityDef;
  editing: Editing;
  titles: TitleLookups | undefined;
  clusterId: string | undefined;
  lang: Lang;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Loads the record being edited; the form mounts once it is there (fresh state per record). */
function RecordFormHost({
  entity,
  editing,
  titles,
  clusterId,
  lang,
  onClose,
  onCreated,
}: RecordFormHostProps) {
  const record = useRecord(entity.name, editing.id);
  if (editing.id !== undefined && record === undefined) return null; // still loading
  return (
    <EntityForm
      key={editing.id ?? 'new'}
      entity={entity}
      record={record}
      titles={titles}
      clusterId={clusterId}
      lang={lang}
      onClose={onClose}
      onCreated={onCreated}
    />
  );
}
