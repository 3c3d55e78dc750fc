/**
 * Dashboard charts as the app draws them: the live Chart.js objects the app keeps in
 * `window.__pumasiCharts` (renderer/features/dashboard/charts/chartSetup.ts). Reading a bar's
 * position from Chart.js makes a click land on it on every machine, with no guessed pixels.
 */
import type { Page } from '@playwright/test';

/** The few Chart.js members the probe reads (tests are typechecked without the DOM lib). */
interface ProbeChart {
  data: { labels?: unknown[]; datasets: Array<{ data: unknown[] }> };
  canvas: { getBoundingClientRect(): { left: number; top: number } };
  getDatasetMeta(i: number): {
    data: Array<{ getProps(keys: string[], final: boolean): Record<string, number> }>;
  };
}

type ProbeWindow = { __pumasiCharts?: Record<string, ProbeChart> };

/** The last label of a chart, or null while it is not drawn. */
export function lastLabel(page: Page, chartId: string): Promise<unknown> {
  return page.evaluate((id) => {
    const chart = (globalThis as unknown as ProbeWindow).__pumasiCharts?.[id];
    return chart?.data.labels?.at(-1) ?? null;
  }, chartId);
}

/** Page coordinates of the middle of a bar, and its value; null if there is no such bar. */
export function barPoint(
  page: Page,
  chartId: string,
  dataset: number,
  label: string,
): Promise<{ x: number; y: number; value: number } | null> {
  return page.evaluate(
    ({ chartId, dataset, label }) => {
      const chart = (globalThis as unknown as ProbeWindow).__pumasiCharts?.[chartId];
      if (!chart) return null;
      const index = (chart.data.labels ?? []).indexOf(label);
      const bar = chart.getDatasetMeta(dataset).data[index];
      if (!bar) return null;
      const { x = 0, y = 0, base = 0 } = bar.getProps(['x', 'y', 'base'], true);
      const rect = chart.canvas.getBoundingClientRect();
      return {
        x: rect.left + x,
        // the middle of the bar, whatever its height
        y: rect.top + (y + base) / 2,
        value: Number(chart.data.datasets[dataset]?.data[index]),
      };
    },
    { chartId, dataset, label },
  );
}

/** Goes to a hash route as a typed address would (hashchange, no reload). */
export function setHash(page: Page, hash: string): Promise<void> {
  return page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}
