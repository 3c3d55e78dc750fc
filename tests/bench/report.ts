/**
 * Report benchmark (issue 8): the monthly report of a cluster with 10,000 companies, 20,000
 * difficulties and 12 months of indicators. Three figures, one JSON line each:
 * - report_model_20k: buildMonthlyReport alone, in Node (V8, the renderer's engine);
 * - report_pdf_20k: in the app (browser mode, system Chromium), from opening #/reports to the
 *   PDF's bytes: reading the records from IndexedDB, the model, rendering, printing;
 * both against the same-run baseline: Chromium printing a plain 20-page A4 table.
 * Target: report_pdf_20k under 3 s. Run with `npm run bench -- --only report` or
 * `npx tsx tests/bench/report.ts` (needs dist/renderer: `npx vite build`).
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildMonthlyReport, pageCount, type ReportRecords } from '../../shared/report/monthly';
import { chromiumLaunchOptions } from '../support/chromium';
import { latencyFigure, type BenchFigure } from './figures';
import {
  makeReportBenchData,
  REPORT_BENCH_CLUSTER,
  REPORT_BENCH_MONTH,
  type ReportBenchData,
} from './reportData';

const ROOT = resolve(import.meta.dirname, '../..');
const log = (message: string) => process.stderr.write(`[bench:report] ${message}\n`);

/**
 * The records as the app holds them: structured clones, as IndexedDB returns them (objects built
 * by spreading, as the generator does, are several times slower to scan in V8).
 */
function records(generated: ReportBenchData): ReportRecords {
  const data = structuredClone(generated);
  return {
    difficulty: data.difficulties,
    activity: data.activities,
    successCase: [],
    resource: [],
    plan: [],
    miniCluster: data.miniClusters,
    organization: data.organizations,
    indicator: data.indicators,
  };
}

/** Stores rows straight into the app's IndexedDB (the app has created it at its schema). */
async function seed(page: Page, data: ReportBenchData): Promise<void> {
  const stores: Record<string, unknown[]> = {
    organizations: data.organizations,
    miniClusters: data.miniClusters,
    difficulties: data.difficulties,
    activities: data.activities,
    indicators: data.indicators,
    settings: [
      { key: 'firstRunDone', value: true },
      { key: 'clusterId', value: REPORT_BENCH_CLUSTER },
    ],
  };
  await page.evaluate(
    (all) =>
      new Promise<void>((done, fail) => {
        type Req = {
          result: unknown;
          onsuccess: (() => void) | null;
          onerror: (() => void) | null;
        };
        type Db = {
          transaction(
            names: string[],
            mode: 'readwrite',
          ): {
            objectStore(n: string): { put(v: unknown): void; clear(): void };
            oncomplete: (() => void) | null;
            onerror: (() => void) | null;
          };
          close(): void;
        };
        const { indexedDB } = globalThis as unknown as { indexedDB: { open(n: string): Req } };
        const open = indexedDB.open('pumasi');
        open.onerror = () => fail(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result as Db;
          const tx = db.transaction([...Object.keys(all), 'gridSnapshots'], 'readwrite');
          // Written around mutate(), so the tables' revisions do not move: the disposable grid
          // snapshots of the empty tables must go, or the app would read those.
          tx.objectStore('gridSnapshots').clear();
          for (const [name, rows] of Object.entries(all)) {
            const store = tx.objectStore(name);
            for (const row of rows) store.put(row);
          }
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(new Error('write failed'));
        };
      }),
    stores,
  );
}

function baselineHtml(): string {
  const rows = Array.from(
    { length: 20 * 30 },
    (_, i) =>
      `<tr><td>2006-12-${String((i % 28) + 1).padStart(2, '0')}</td><td>기술애로 ${i} 공정 개선 요청</td><td>(주)벤치전자${i}</td><td>${i}</td></tr>`,
  ).join('');
  return `<!doctype html><html lang="ko"><head><style>
    @page { size: A4 portrait; margin: 16mm 15mm 18mm }
    table { width: 100%; border-collapse: collapse; font-size: 9pt }
    td { border: 0.6pt solid #444; height: 7.6mm } tr { break-inside: avoid }
  </style></head><body><table>${rows}</table></body></html>`;
}

const pagesOf = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

export async function runReportBench(opts: { reps: number }): Promise<BenchFigure[]> {
  const data = makeReportBenchData();
  log(
    `${data.organizations.length} companies, ${data.difficulties.length} difficulties, ` +
      `${data.indicators.length} indicator rows; report ${REPORT_BENCH_CLUSTER} ${REPORT_BENCH_MONTH}`,
  );
  const modelMs: number[] = [];
  const stored = records(data);
  let expectedPages = 0;
  for (let rep = 0; rep < opts.reps + 1; rep++) {
    const t0 = performance.now();
    const model = buildMonthlyReport({
      month: REPORT_BENCH_MONTH,
      clusterId: REPORT_BENCH_CLUSTER,
      records: stored,
    });
    // The first run warms V8 up and is not counted.
    if (rep > 0) modelMs.push(performance.now() - t0);
    expectedPages = pageCount(model);
  }

  const href = pathToFileURL(resolve(ROOT, 'scripts/serve-static.mjs')).href;
  const { startStaticServer } = (await import(href)) as {
    startStaticServer(o: { root: string; port: number; host: string }): Promise<{
      url: string;
      close(): Promise<void> | void;
    }>;
  };
  const server = await startStaticServer({
    root: resolve(ROOT, 'dist/renderer'),
    port: 0,
    host: '127.0.0.1',
  });
  const base = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const pdfMs: number[] = [];
  const baseMs: number[] = [];
  try {
    const page = await browser.newPage({ serviceWorkers: 'block', locale: 'ko-KR' });
    await page.goto(`${base}/index.html`);
    await page.getByTestId('first-run').waitFor();
    // The app has made the database; the rows go in from a blank page of the same origin, so no
    // app code can write (empty) grid snapshots back meanwhile.
    await page.route(`${base}/seed.html`, (route) =>
      route.fulfill({ body: '<!doctype html><title>seed</title>', contentType: 'text/html' }),
    );
    await page.goto(`${base}/seed.html`);
    await seed(page, data);
    const plain = await browser.newPage();
    for (let rep = 0; rep < opts.reps; rep++) {
      // Cold each time: a fresh load of the app, so the records come from IndexedDB.
      await page.goto(`${base}/index.html#/dashboard`);
      await page.reload();
      await page.getByTestId('status-strip').waitFor();
      const t0 = performance.now();
      await page.evaluate(
        (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
        `#/reports?month=${REPORT_BENCH_MONTH}&cluster=${REPORT_BENCH_CLUSTER}`,
      );
      await page.getByTestId('report-document').waitFor({ timeout: 60_000 });
      const shown = performance.now() - t0;
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      pdfMs.push(performance.now() - t0);
      // The capped tables must print exactly the pages the model counts (nothing overflows).
      if (pagesOf(pdf) !== expectedPages) {
        throw new Error(`the PDF has ${pagesOf(pdf)} pages, the model counts ${expectedPages}`);
      }

      await plain.setContent(baselineHtml());
      const b0 = performance.now();
      const basePdf = await plain.pdf({ format: 'A4', preferCSSPageSize: true });
      baseMs.push(performance.now() - b0);
      log(
        `rep ${rep + 1}: report ${pdfMs.at(-1)?.toFixed(0)} ms (${pagesOf(pdf)} pages; on screen ` +
          `after ${shown.toFixed(0)} ms), ` +
          `baseline ${baseMs.at(-1)?.toFixed(0)} ms (${pagesOf(basePdf)} pages)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const figures = [
    latencyFigure('report_model_20k', modelMs, baseMs),
    latencyFigure('report_pdf_20k', pdfMs, baseMs),
  ];
  const pdf = figures[1];
  if (pdf) log(`report_pdf_20k: target < 3,000 ms → ${pdf.value < 3000 ? 'met' : 'MISSED'}`);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3;
  for (const f of await runReportBench({ reps })) process.stdout.write(`${JSON.stringify(f)}\n`);
}
