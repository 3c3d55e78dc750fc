/**
 * Drives the benchmarks: builds the renderer (unless told not to), serves dist/renderer on a
 * free port, opens bench.html in headless system Chromium and runs each benchmark in the page,
 * subject and baseline in the same run. Prints one JSON line per figure on stdout; progress and
 * the target check go to stderr so stdout stays machine-readable.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium';
import type {
  ImportBenchResult,
  ImportFormat,
  NameExtremes,
  PumasiBench,
  WriteBenchResult,
} from '../../renderer/bench/api';
import { TARGETS, latencyFigure, throughputFigure, type BenchFigure } from './figures';
import { measureAppGridLoad, measureAppGridSort } from './appGrid';
import { profileDir, profiled } from './profile';
import { runSearchBench } from './search';
import { pullBench } from './pull';
import { yearBench } from './year';

export interface BenchOptions {
  build: boolean;
  /** timed repetitions per side; the median is reported */
  reps: number;
  rows: number;
  batchSize: number;
  /** benchmark names to run; all when empty */
  only: string[];
  /**
   * timed repetitions of each import figure (one rep of import + baseline is 30–60 s at 100k
   * on the 2-core VM, so they get their own, lower count to keep a full run under ~10 minutes)
   */
  importReps: number;
  /** where the import's preview runs: the app's Web Worker (default) or the page's main thread */
  importVia: 'worker' | 'main';
  /** mutations replayed by the year-of-use bench (`--only year`); default 500,000 */
  yearMutations?: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  build: true,
  reps: 3,
  rows: 100_000,
  batchSize: 5_000,
  only: [],
  // One import + its baseline takes 30–60 s at 100k: one rep unless --import-reps (or
  // PUMASI_BENCH_IMPORT_REPS) asks for more.
  importReps: Number(process.env['PUMASI_BENCH_IMPORT_REPS']) || 1,
  importVia: 'worker',
};

const ROOT = resolve(import.meta.dirname, '../..');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void> | void;
}
interface StaticServerModule {
  startStaticServer(opts: { root: string; port: number; host: string }): Promise<StaticServer>;
}

async function startServer(): Promise<StaticServer> {
  // Owned by scripts/ (plain .mjs without types), hence the typed dynamic import.
  const href = pathToFileURL(resolve(ROOT, 'scripts/serve-static.mjs')).href;
  const mod = (await import(href)) as StaticServerModule;
  return mod.startStaticServer({
    root: resolve(ROOT, 'dist/renderer'),
    port: 0,
    host: '127.0.0.1',
  });
}

/** Calls one `window.pumasiBench` function in the page with a JSON-serialisable argument. */
export function callBench<K extends keyof PumasiBench, A, R>(
  page: Page,
  fn: K,
  arg: A,
): Promise<R> {
  return page.evaluate(
    async ([name, value]) => {
      const bench = (globalThis as unknown as { pumasiBench: PumasiBench }).pumasiBench;
      const call = bench[name] as unknown as (a: unknown) => Promise<unknown>;
      return call.call(bench, value);
    },
    [fn, arg] as const,
  ) as Promise<R>;
}

/** (Re)loads bench.html in `page` and waits for `window.pumasiBench`. */
async function openBenchDocument(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/bench.html`);
  await page.waitForFunction(() => 'pumasiBench' in globalThis, undefined, { timeout: 30_000 });
}

export async function openBenchPage(browser: Browser, baseUrl: string): Promise<Page> {
  // No service worker: the app page would install its offline precache during the measurement.
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await openBenchDocument(page, baseUrl);
  return page;
}

async function writeBench(page: Page, opts: BenchOptions, durability: 'strict' | 'relaxed') {
  const args = { rows: opts.rows, batchSize: opts.batchSize, durability };
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    // Alternate which side goes first so warm-up and disk state favour neither.
    const order =
      rep % 2 === 0 ? (['bulkPut', 'mutate'] as const) : (['mutate', 'bulkPut'] as const);
    for (const side of order) {
      const fn = side === 'mutate' ? 'mutateCompanies' : 'bulkPutCompanies';
      const result = await callBench<typeof fn, typeof args, { rows: number; ms: number }>(
        page,
        fn,
        args,
      );
      (side === 'mutate' ? subject : baseline).push(result.ms);
      log(
        `${durability} ${side} rep ${rep + 1}: ${result.rows} rows in ${result.ms.toFixed(0)} ms`,
      );
    }
  }
  return throughputFigure(
    `mutate_${sizeTag(opts.rows)}_${durability}`,
    opts.rows,
    subject,
    baseline,
  );
}

const IMPORT_FIGURES: ReadonlyArray<readonly [ImportFormat, string]> = [
  ['csv-cp949', 'import_csv_cp949'],
  ['xlsx', 'import_xlsx'],
];

/**
 * A generated file imported end to end (worker preview + one mutate()) against a raw bulkPut of
 * the records that import stored. The baseline needs those records, so the first rep runs the
 * import first; later reps alternate.
 */
async function importBench(page: Page, opts: BenchOptions, format: ImportFormat, name: string) {
  const subject: number[] = [];
  const baseline: number[] = [];
  const profiles = profileDir();
  // The profiler samples the page's main thread only: the preview moves there to be seen.
  const via = profiles ? 'main' : opts.importVia;
  const runImport = async (rep: number) => {
    const args = { rows: opts.rows, format, via };
    const call = () =>
      callBench<'importCompanies', typeof args, ImportBenchResult>(page, 'importCompanies', args);
    const r = profiles
      ? await profiled(page, profiles, `${name}-${rep + 1}`, call, log)
      : await call();
    subject.push(r.ms);
    log(
      `${name} rep ${rep + 1}: ${r.rows} rows (${(r.bytes / 1e6).toFixed(1)} MB) in ` +
        `${r.ms.toFixed(0)} ms = decode+parse+preview ${r.previewMs.toFixed(0)} ms ` +
        `(${via}) + commit ${r.commitMs.toFixed(0)} ms`,
    );
  };
  const runBaseline = async (rep: number) => {
    const args = { format, batchSize: opts.batchSize };
    const r = await callBench<'bulkPutImported', typeof args, WriteBenchResult>(
      page,
      'bulkPutImported',
      args,
    );
    baseline.push(r.ms);
    log(`${name} rep ${rep + 1}: bulkPut of the stored records ${r.ms.toFixed(0)} ms`);
  };
  const file = { rows: opts.rows, format };
  const { bytes } = await callBench<'prepareImport', typeof file, { bytes: number }>(
    page,
    'prepareImport',
    file,
  );
  log(`${name}: wrote the ${format} file, ${(bytes / 1e6).toFixed(1)} MB (untimed)`);
  for (let rep = 0; rep < opts.importReps; rep++) {
    if (rep % 2 === 0) {
      await runImport(rep);
      await runBaseline(rep);
    } else {
      await runBaseline(rep);
      await runImport(rep);
    }
  }
  return throughputFigure(name, opts.rows, subject, baseline);
}

/**
 * The same companies re-imported into a database that holds them (every row unchanged, nothing
 * written) against a bare toArray() of that table; needs importBench(csv) first on the page.
 */
async function reimportBench(page: Page, opts: BenchOptions, name: string) {
  const subject: number[] = [];
  const baseline: number[] = [];
  const args = { rows: opts.rows, format: 'csv-cp949' as const };
  for (let rep = 0; rep < opts.importReps; rep++) {
    const order =
      rep % 2 === 0 ? (['reimport', 'toArray'] as const) : (['toArray', 'reimport'] as const);
    for (const side of order) {
      const fn = side === 'reimport' ? 'reimportCompanies' : 'toArrayImported';
      const r = await callBench<typeof fn, typeof args, WriteBenchResult>(page, fn, args);
      (side === 'reimport' ? subject : baseline).push(r.ms);
      log(`${name} rep ${rep + 1}: ${side} ${r.ms.toFixed(0)} ms`);
    }
  }
  return throughputFigure(name, opts.rows, subject, baseline);
}

/** A grid sort under the CPU profiler when PUMASI_BENCH_PROFILE is set (app vs bare). */
function sortProfiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const dir = profileDir();
  return dir ? profiled(page, dir, name, work, log) : work();
}

type LoadResult = { rows: number; ms: number };

async function gridBench(browser: Browser, baseUrl: string, opts: BenchOptions) {
  const page = await openBenchPage(browser, baseUrl);
  const seed = { rows: opts.rows, clusterId: 'gumi' };
  const extremes = await callBench<'seedApp', typeof seed, NameExtremes>(page, 'seedApp', seed);
  log(`seeded ${opts.rows} companies; first ${extremes.first}, last ${extremes.last}`);
  const k = sizeTag(opts.rows);
  const loadBase: number[] = [];
  const sortBase: number[] = [];
  const loadApp: number[] = [];
  const sortApp: number[] = [];
  const noSnapshotApp: number[] = [];
  const noSnapshot = selected(opts, `grid_load_${k}_nosnapshot`);
  // One untimed open of the app first, as the bare side's page (bench.html) has already been
  // loaded several times: the first load of a script in a fresh browser profile compiles it
  // with no V8 code cache (the cache is made from the next loads on), which is no ordinary start.
  await openBenchDocument(page, baseUrl);
  await callBench<'resetAppPrefs', null, void>(page, 'resetAppPrefs', null);
  log(
    `grid warm-up: app load ${(await measureAppGridLoad(page, baseUrl, opts.rows)).toFixed(0)} ms (untimed)`,
  );
  // Bare and app runs alternate, so a busy spell on the machine hits both sides alike.
  for (let rep = 0; rep < opts.reps; rep++) {
    await openBenchDocument(page, baseUrl);
    const load = await callBench<'bareGridLoad', null, LoadResult>(page, 'bareGridLoad', null);
    const sort = await sortProfiled(page, `grid-sort-bare-${rep + 1}`, () =>
      callBench<'bareGridSort', typeof extremes, { ms: number }>(page, 'bareGridSort', extremes),
    );
    loadBase.push(load.ms);
    sortBase.push(sort.ms);
    // The app saves the grid's sort; start every rep unsorted so a click always sorts ascending.
    await openBenchDocument(page, baseUrl);
    await callBench<'resetAppPrefs', null, void>(page, 'resetAppPrefs', null);
    loadApp.push(await measureAppGridLoad(page, baseUrl, opts.rows));
    sortApp.push(
      await sortProfiled(page, `grid-sort-app-${rep + 1}`, () =>
        measureAppGridSort(page, extremes),
      ),
    );
    if (noSnapshot) {
      // No snapshot at all (a large write that did not rebuild it, a schema upgrade): the
      // open reads the table. Then the seeded snapshot is put back for the next rep.
      await openBenchDocument(page, baseUrl);
      await callBench<'resetAppPrefs', null, void>(page, 'resetAppPrefs', null);
      await callBench<'dropGridSnapshots', null, void>(page, 'dropGridSnapshots', null);
      noSnapshotApp.push(await measureAppGridLoad(page, baseUrl, opts.rows));
      await openBenchDocument(page, baseUrl);
      await callBench<'rebuildGridSnapshot', null, void>(page, 'rebuildGridSnapshot', null);
    }
    log(
      `grid rep ${rep + 1}: bare load ${load.ms.toFixed(0)} ms (${load.rows} rows), ` +
        `sort ${sort.ms.toFixed(0)} ms; app load ${loadApp.at(-1)?.toFixed(0)} ms, ` +
        `sort ${sortApp.at(-1)?.toFixed(0)} ms` +
        (noSnapshot ? `; no-snapshot load ${noSnapshotApp.at(-1)?.toFixed(0)} ms` : ''),
    );
  }
  const figures = [
    latencyFigure(`grid_load_${k}`, loadApp, loadBase),
    latencyFigure(`grid_sort_${k}`, sortApp, sortBase),
    // Same baseline as the ordinary load: toArray() of the table + a bare grid.
    ...(noSnapshot ? [latencyFigure(`grid_load_${k}_nosnapshot`, noSnapshotApp, loadBase)] : []),
  ];
  if (selected(opts, `grid_load_${k}_cold`))
    figures.push(await coldAfterImport(page, baseUrl, opts));
  await page.close();
  return figures;
}

/**
 * `grid_load_100k_cold`, the scenario: each rep commits a fresh 100,000-company import
 * (importApp: as the import page commits it, snapshot refresh included) and then opens the app
 * for the first time since. Its baseline is a bare load of the same imported table, in the same
 * rep, the two alternating which goes first. Runs last: it replaces the seeded database.
 */
async function coldAfterImport(page: Page, baseUrl: string, opts: BenchOptions) {
  const app: number[] = [];
  const bare: number[] = [];
  const seed = { rows: opts.rows, clusterId: 'gumi' };
  for (let rep = 0; rep < opts.reps; rep++) {
    await openBenchDocument(page, baseUrl);
    const imported = await callBench<
      'importApp',
      typeof seed,
      { commitMs: number; refreshMs: number }
    >(page, 'importApp', seed);
    const runBare = async () => {
      await openBenchDocument(page, baseUrl);
      bare.push((await callBench<'bareGridLoad', null, LoadResult>(page, 'bareGridLoad', null)).ms);
    };
    const runApp = async () => {
      await openBenchDocument(page, baseUrl); // no app page was open during the import
      app.push(await measureAppGridLoad(page, baseUrl, opts.rows));
    };
    if (rep % 2 === 0) {
      await runApp();
      await runBare();
    } else {
      await runBare();
      await runApp();
    }
    log(
      `grid cold rep ${rep + 1}: import commit ${imported.commitMs.toFixed(0)} ms + snapshot ` +
        `refresh ${imported.refreshMs.toFixed(0)} ms (untimed); first app open ` +
        `${app.at(-1)?.toFixed(0)} ms, bare load ${bare.at(-1)?.toFixed(0)} ms`,
    );
  }
  return latencyFigure(`grid_load_${sizeTag(opts.rows)}_cold`, app, bare);
}

/** `--only` takes names or prefixes (`grid`, `mutate_100k_strict`); nothing = everything. */
function selected(opts: BenchOptions, name: string): boolean {
  return opts.only.length === 0 || opts.only.some((prefix) => name.startsWith(prefix));
}

const sizeTag = (rows: number) => `${rows / 1000}k`;

function report(figure: BenchFigure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  // Targets are stated for 100k rows only; other sizes are for exploring.
  const target = TARGETS[figure.name];
  if (target)
    log(`${figure.name}: target ${target.text} → ${target.met(figure) ? 'met' : 'MISSED'}`);
}

export async function runBenchmarks(opts: BenchOptions): Promise<BenchFigure[]> {
  if (opts.build) {
    log('building the renderer (vite)…');
    const { build } = await import('vite');
    await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server = await startServer();
  const baseUrl = server.url.replace(/\/$/, '');
  log(`serving dist/renderer at ${baseUrl}`);
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  log(`Chromium ${browser.version()}`);
  const figures: BenchFigure[] = [];
  try {
    const durabilities = (['strict', 'relaxed'] as const).filter((d) =>
      selected(opts, `mutate_${sizeTag(opts.rows)}_${d}`),
    );
    if (durabilities.length > 0) {
      const page = await openBenchPage(browser, baseUrl);
      for (const durability of durabilities) {
        const figure = await writeBench(page, opts, durability);
        report(figure);
        figures.push(figure);
      }
      await page.close();
    }
    const k = sizeTag(opts.rows);
    const imports = IMPORT_FIGURES.map(
      ([format, base]) => [format, `${base}_${k}`] as const,
    ).filter(
      // The re-import needs the CSV import's stored records on the page.
      ([format, name]) =>
        selected(opts, name) || (format === 'csv-cp949' && selected(opts, `import_reimport_${k}`)),
    );
    if (imports.length > 0) {
      // A page of its own: it caches the files and 100k stored records per format.
      const page = await openBenchPage(browser, baseUrl);
      for (const [format, name] of imports) {
        const figure = await importBench(page, opts, format, name);
        report(figure);
        figures.push(figure);
      }
      // Re-import: the CSV's stored records are on this page now.
      const reimport = `import_reimport_${k}`;
      if (imports.some(([format]) => format === 'csv-cp949') && selected(opts, reimport)) {
        const figure = await reimportBench(page, opts, reimport);
        report(figure);
        figures.push(figure);
      }
      await page.close();
    }
    // The matcher is pure code: measured in Node (V8, the renderer's engine), fixed size
    // (100,000 companies + 10,000 experts) whatever --rows says.
    if (
      ['search_query_110k', 'search_index_build_110k', 'search_reindex_1000'].some((n) =>
        selected(opts, n),
      )
    ) {
      log('search: 100,000 companies + 10,000 experts (Node)…');
      for (const figure of runSearchBench(Math.max(opts.reps, 5))) {
        if (!selected(opts, figure.name)) continue;
        report(figure);
        figures.push(figure);
      }
    }
    const gridFigures = ['', '_cold', '_nosnapshot'].map((tail) => `grid_load_${k}${tail}`);
    if ([...gridFigures, `grid_sort_${k}`].some((name) => selected(opts, name))) {
      for (const figure of await gridBench(browser, baseUrl, opts)) {
        report(figure);
        figures.push(figure);
      }
    }
    const pullBackends = (['pglite', 'postgres'] as const).filter((b) =>
      selected(opts, `pull_${k}_${b}`),
    );
    // The year of use takes long (500,000 mutations): only when asked for by name.
    const year = opts.only.some((name) => name.startsWith('year'));
    if (pullBackends.length > 0 || year) {
      const page = await openBenchPage(browser, baseUrl);
      // The page functions are typed in renderer/bench/api.ts; pull.ts names them as strings.
      const call = <A, R>(p: Page, fn: string, arg: A) =>
        callBench<keyof PumasiBench, A, R>(p, fn as keyof PumasiBench, arg);
      const pullOpts = { rows: opts.rows, backends: [...pullBackends] };
      const yearOpts = {
        rows: opts.rows,
        backend: pullBackends[0] ?? 'pglite',
        ...(opts.yearMutations ? { mutations: opts.yearMutations } : {}),
      };
      const more = [
        ...(pullBackends.length > 0 ? await pullBench(page, call, pullOpts) : []),
        ...(year ? await yearBench(page, call, yearOpts) : []),
      ];
      for (const figure of more) {
        report(figure);
        figures.push(figure);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
