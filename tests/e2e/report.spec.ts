/**
 * Acceptance of the monthly report: the demo month printed to PDF in Chromium, read back with
 * poppler-utils. Every key figure in the PDF's text must equal a count made here, straight over
 * the IndexedDB rows (not through shared/report); the pages must be A4, as many as the tables
 * need, numbered "n / N", with the Korean font embedded as CID TrueType and no Type 3 font.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { readStoreRows } from './pages/idbRows';

type Row = Record<string, unknown> & { id: string; clusterId: string; deleted?: number };

const CLUSTER = 'gumi';
const MONTH = '2006-03';
const ROWS_PER_PAGE = 30;
const DEFINITIONS_PER_PAGE = 12;
/** The print cap (docs/ARCHITECTURE.md "Monthly report"): a table prints at most 60 lines. */
const PRINT_ROWS_MAX = 60;

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is missing: install poppler-utils (apt-get install poppler-utils) to run the PDF acceptance test`,
      );
    }
    throw error;
  }
}

async function live(page: Page, store: string): Promise<Row[]> {
  const rows = await readStoreRows<Row>(page, store);
  return rows.filter((r) => r.clusterId === CLUSTER && r.deleted !== 1);
}

const inMonth = (v: unknown, month: string) => typeof v === 'string' && v.startsWith(month);
const isResolved = (r: Row) => r['status'] === 'resolved' || r['status'] === 'followUp';
const fmt = (n: number | null) => (n === null ? '–' : n.toLocaleString('ko-KR'));
const change = (a: number | null, b: number | null) => {
  if (a === null || b === null) return '–';
  const n = a - b;
  return n === 0 ? '0' : n > 0 ? `+${fmt(n)}` : `−${fmt(-n)}`;
};
/**
 * Pages of a table of n rows: one per 30 (an empty table keeps one). Over the cap it prints its
 * first 59 rows and the line "외 N건 — 부록 XLSX 참조", so two pages whatever n.
 */
const pages = (n: number) =>
  n > PRINT_ROWS_MAX ? PRINT_ROWS_MAX / ROWS_PER_PAGE : Math.max(1, Math.ceil(n / ROWS_PER_PAGE));
/** The "외 N건" a table of n rows prints, or null under the cap. */
const moreLine = (n: number) =>
  n > PRINT_ROWS_MAX ? `외 ${fmt(n - (PRINT_ROWS_MAX - 1))}건 — 부록 XLSX 참조` : null;

test('the report of a demo month prints to an A4 PDF whose figures match an independent count', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun(CLUSTER, 'demo');
  await shell.finishDemoLoad();
  await shell.open(`reports?month=${MONTH}&cluster=${CLUSTER}`);
  await expect(page.getByTestId('report-document')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('report-notes').fill('3월 특이사항: 시험 인쇄 <b>굵게</b>');
  await expect(page.getByTestId('report-notes-page')).toContainText('<b>굵게</b>');
  // The page says when the notes are in the database (not before the write commits).
  await expect(page.getByTestId('report-notes-status')).toHaveText('저장됨');
  // Notes are kept per month: back after a reload, and another month starts empty.
  await shell.reload();
  await expect(page.getByTestId('report-notes')).toHaveValue('3월 특이사항: 시험 인쇄 <b>굵게</b>');
  await shell.open(`reports?month=2006-04&cluster=${CLUSTER}`);
  await expect(page.getByTestId('report-notes')).toBeEnabled();
  await expect(page.getByTestId('report-notes')).toHaveValue('');
  await shell.open(`reports?month=${MONTH}&cluster=${CLUSTER}`);
  await expect(page.getByTestId('report-notes')).toHaveValue('3월 특이사항: 시험 인쇄 <b>굵게</b>');
  await page.screenshot({ path: testInfo.outputPath('report-screen.png') });

  // ---- the independent count, over the stored rows ----
  const difficulties = await live(page, 'difficulties');
  const activities = await live(page, 'activities');
  const count = (month: string) => ({
    received: difficulties.filter((d) => inMonth(d['receivedOn'], month)).length,
    resolved: difficulties.filter((d) => isResolved(d) && inMonth(d['resolvedOn'], month)).length,
    activities: activities.filter((a) => inMonth(a['date'], month)).length,
    // A month without any reported attendance is unknown (–), not 0.
    attendance: activities
      .filter((a) => inMonth(a['date'], month) && typeof a['attendance'] === 'number')
      .reduce<number | null>((n, a) => (n ?? 0) + (a['attendance'] as number), null),
  });
  const now = count(MONTH);
  const prev = count('2006-02');
  const lastYear = count('2005-03');
  expect(now.received).toBeGreaterThan(0);
  expect(now.resolved).toBeGreaterThan(0);

  const successCases = (await live(page, 'successCases')).filter((s) => s['year'] === 2006);
  const resources = (await live(page, 'resources')).filter((r) => r['sharedWithNetwork'] === true);
  const plans = (await live(page, 'plans')).filter(
    (p) =>
      !['done', 'cancelled'].includes(String(p['status'])) &&
      typeof p['startOn'] === 'string' &&
      p['startOn'] !== '' &&
      p['startOn'] <= '2006-04-30' &&
      (typeof p['endOn'] !== 'string' || p['endOn'] === '' || p['endOn'] >= '2006-04-01'),
  );
  const METRICS = ['production', 'exports', 'employment', 'tenants', 'operating', 'operatingRate'];
  const indicatorLines = new Set(
    (await live(page, 'indicators'))
      .filter((i) => METRICS.includes(String(i['metric'])))
      .map((i) => `${String(i['metric'])}:${String(i['complex'] ?? '')}`),
  ).size;
  const miniClusters = new Set(
    activities.filter((a) => inMonth(a['date'], MONTH)).map((a) => a['miniClusterId']),
  ).size;
  const appendixEntries = await page.locator('.report-appendix dt').count();
  const expectedPages =
    1 + // cover
    1 + // key figures and chart
    pages(indicatorLines) +
    pages(now.resolved) +
    pages(now.received) +
    pages(miniClusters) +
    pages(now.activities) +
    pages(successCases.length) +
    pages(resources.length) +
    pages(plans.length) +
    1 + // notes
    Math.ceil(appendixEntries / DEFINITIONS_PER_PAGE);

  // ---- print ----
  // The bundled Pretendard must be loaded, or the PDF would embed a fallback font.
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
    };
    await document.fonts.ready;
  });
  await page.emulateMedia({ media: 'print' });
  const dir = testInfo.outputPath('report');
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, `report-${CLUSTER}-${MONTH}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });

  const info = poppler('pdfinfo', [pdf]);
  // Chromium writes A4 as 594.96 x 841.92 pt (210 x 297 mm through CSS pixels): 595 x 842 rounded.
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  expect(size?.slice(1).map((v) => Math.round(Number(v)))).toEqual([595, 842]);
  const pageTotal = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pageTotal).toBe(expectedPages);

  const text = poppler('pdftotext', ['-layout', pdf, '-']);
  const printed = text.split('\f').filter((p) => p.trim() !== '');
  expect(printed).toHaveLength(expectedPages);
  printed.forEach((p, i) => expect(p).toContain(`${i + 1} / ${expectedPages}`));

  /** The cells of a key figure's row, as pdftotext lays them out. */
  const row = (label: string) => {
    const line = text.split('\n').find((l) => l.trimStart().startsWith(label));
    expect(line, `no line for ${label}`).toBeDefined();
    return (line ?? '')
      .trim()
      .slice(label.length)
      .trim()
      .split(/\s{2,}/);
  };
  const expectRow = (label: string, key: keyof typeof now) =>
    expect(row(label)).toEqual([
      fmt(now[key]),
      fmt(prev[key]),
      change(now[key], prev[key]),
      fmt(lastYear[key]),
      change(now[key], lastYear[key]),
    ]);
  expectRow('접수 건수', 'received');
  expectRow('해결 건수', 'resolved');
  expectRow('활동 건수', 'activities');
  expectRow('참여 연인원', 'attendance');
  expect(text).toContain('2006년 3월 월간 실적 보고서');
  expect(text).toContain('구미');
  expect(text).toContain('<b>굵게</b>');
  // Every capped listing says how many rows went to the XLSX annex; none when under the cap.
  const more = [now.resolved, now.received, now.activities].map(moreLine);
  for (const line of more) if (line) expect(text).toContain(line);
  expect(text.split('부록 XLSX 참조').length - 1).toBe(more.filter(Boolean).length);

  const fonts = poppler('pdffonts', [pdf]);
  const fontLines = fonts
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(
    fontLines.some((l) => /Pretendard/.test(l) && /CID TrueType/.test(l) && /\byes\b/.test(l)),
  ).toBe(true);
  expect(fonts).not.toMatch(/Type 3/);

  const pngBase = join(dir, 'page');
  poppler('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, pngBase]);
  const png = readdirPng(dir);
  await testInfo.attach('report-page-1.png', { body: readFileSync(png), contentType: 'image/png' });
  await testInfo.attach('report.pdf', { path: pdf, contentType: 'application/pdf' });
});

function readdirPng(dir: string): string {
  const out = readdirSync(dir).find((f) => f.endsWith('.png'));
  if (!out) throw new Error(`pdftoppm wrote no PNG into ${dir}`);
  return join(dir, out);
}
