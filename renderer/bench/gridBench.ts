/**
 * The baselines of the grid figures: a bare `toArray()` of the seeded app table fed to a bare AG
 * Grid (same columns, no app code), and a header-click sort on it. Also seeds the app database
 * so the driver can then open the real app on the same 100k companies.
 */
import {
  AllCommunityModule,
  ModuleRegistry,
  createGrid,
  type ColDef,
  type GridApi,
} from 'ag-grid-community';
import Dexie from 'dexie';
import { getEntity, type StoredRecord } from '../../shared/registry';
import { DEFAULT_DB_NAME, PumasiDb, entityTable, mutate, setSetting, type Mutation } from '../db';
import {
  GRID_SNAPSHOTS_TABLE,
  readLiveRecords,
  refreshGridSnapshot,
  writeGridSnapshot,
} from '../db/gridSnapshot';
import type { NameExtremes, SeedArgs } from './api';
import { generateCompanies, nameExtremes } from './rows';

ModuleRegistry.registerModules([AllCommunityModule]);

const organization = getEntity('organization');
const SEED_BATCH = 5_000;

/** Replaces the app database ('pumasi') with `rows` companies, a finished first run and their grid snapshot. */
export async function seedApp(args: SeedArgs): Promise<NameExtremes> {
  await Dexie.delete(DEFAULT_DB_NAME);
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    await setSetting(db, 'clusterId', args.clusterId);
    await setSetting(db, 'lang', 'ko');
    await setSetting(db, 'firstRunDone', true);
    const rows = generateCompanies(args.rows);
    for (let i = 0; i < rows.length; i += SEED_BATCH) {
      const mutations = rows.slice(i, i + SEED_BATCH).map((values): Mutation => ({
        entity: 'organization',
        op: 'create',
        values,
        clusterId: args.clusterId,
      }));
      // 'demo' origin: not queued for sync, like the demo loader.
      const result = await mutate(db, mutations, { origin: 'demo', lang: 'ko' });
      if (!result.ok) throw new Error(`seed rejected: ${JSON.stringify(result.errors[0])}`);
    }
    // The database as the app leaves it after a session: with the grid snapshot the app builds
    // in idle time after a read (renderer/db/gridSnapshot.ts), so the measured load is an
    // ordinary start, not the first one after an import.
    const read = await readLiveRecords(db, 'organization');
    await writeGridSnapshot(db, 'organization', read.records, read.revision);
    return nameExtremes(rows);
  } finally {
    db.close();
  }
}

export async function dropGridSnapshots(): Promise<void> {
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    await db.table(GRID_SNAPSHOTS_TABLE).clear();
  } finally {
    db.close();
  }
}

export async function rebuildGridSnapshot(): Promise<void> {
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    const read = await readLiveRecords(db, 'organization');
    await writeGridSnapshot(db, 'organization', read.records, read.revision);
  } finally {
    db.close();
  }
}

/**
 * The scenario for `grid_load_100k_cold`: the app database replaced by one holding only
 * the result of a 100,000-company import, committed as the import page commits it
 * (useImportSession): ONE mutate() of every row, origin 'import' (so every record is queued for
 * sync, as after a real import) with its import log, then refreshGridSnapshot as the commit ends.
 * The grid has not been opened since: the next app load is "the first open right after an
 * import". Returns the ms of the commit and of the snapshot refresh (logged, not the figure).
 */
export async function importApp(args: SeedArgs): Promise<{ commitMs: number; refreshMs: number }> {
  await Dexie.delete(DEFAULT_DB_NAME);
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    await setSetting(db, 'clusterId', args.clusterId);
    await setSetting(db, 'lang', 'ko');
    await setSetting(db, 'firstRunDone', true);
    const mutations = generateCompanies(args.rows).map((values): Mutation => ({
      entity: 'organization',
      op: 'create',
      values,
    }));
    const start = performance.now();
    const written = await mutate(db, mutations, {
      origin: 'import',
      lang: 'ko',
      importLog: {
        fileName: 'bench-companies.csv',
        checksum: 'bench',
        entity: 'organization',
        counts: { new: args.rows, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, error: 0 },
      },
    });
    if (!written.ok) throw new Error(`import rejected: ${JSON.stringify(written.errors[0])}`);
    const committed = performance.now();
    if (!(await refreshGridSnapshot(db, 'organization'))) throw new Error('no snapshot written');
    return { commitMs: committed - start, refreshMs: performance.now() - committed };
  } finally {
    db.close();
  }
}

export async function resetAppPrefs(): Promise<void> {
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    await db.prefs.clear();
  } finally {
    db.close();
  }
}

const columns: ColDef<StoredRecord>[] = organization.fields
  .filter((f) => !f.grid?.hide)
  .map((f) => ({
    field: f.key,
    colId: f.key,
    headerName: f.label.ko,
    width: f.grid?.width ?? 120,
    pinned: f.grid?.pinned ? 'left' : undefined,
    sortable: true,
  }));

let grid: { api: GridApi<StoredRecord>; host: HTMLElement } | undefined;

const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done));

function firstNameCell(host: HTMLElement): string | undefined {
  return host.querySelector('.ag-row[row-index="0"] [col-id="name"]')?.textContent?.trim();
}

export async function bareGridLoad(): Promise<{ rows: number; ms: number }> {
  grid?.api.destroy();
  grid?.host.remove();
  const host = document.createElement('div');
  host.style.cssText = 'width: 1200px; height: 700px;';
  document.body.append(host);
  const start = performance.now();
  const db = new PumasiDb(DEFAULT_DB_NAME);
  try {
    const rowData = await entityTable(db, 'organization').toArray();
    const api = createGrid<StoredRecord>(host, {
      columnDefs: columns,
      rowData,
      getRowId: (p) => p.data.id,
    });
    grid = { api, host };
    while (!firstNameCell(host)) await nextFrame();
    return { rows: rowData.length, ms: performance.now() - start };
  } finally {
    db.close();
  }
}

export async function bareGridSort(expected: NameExtremes): Promise<{ ms: number }> {
  if (!grid) throw new Error('bareGridLoad first');
  const header = grid.host.querySelector<HTMLElement>('.ag-header-cell[col-id="name"]');
  const label = header?.querySelector<HTMLElement>('.ag-header-cell-label') ?? header;
  if (!header || !label) throw new Error('bare grid has no name header');
  const start = performance.now();
  label.click();
  for (;;) {
    await nextFrame();
    const sort = header.getAttribute('aria-sort');
    const want =
      sort === 'ascending' ? expected.first : sort === 'descending' ? expected.last : null;
    if (want && firstNameCell(grid.host) === want) return { ms: performance.now() - start };
    if (performance.now() - start > 60_000) throw new Error(`bare sort did not settle (${sort})`);
  }
}
