/**
 * The Chart.js configuration of a ChartSpec: bars or lines in greyscale styles, values in Korean
 * units on the axes and in tooltips, no animation, decimation of long line series, and a click
 * on a bar or point reported as (series, index).
 */
import type { ActiveElement, ChartConfiguration, ChartEvent } from 'chart.js';
import type { Lang } from '../../../../shared/registry';
import { formatFigureValue } from '../../../../shared/report';
import { seriesStyle } from './chartSetup';
import type { ChartSpec, SeriesSpec } from './chartSpec';

/** Long line series are thinned (Chart.js decimation) above this many points. */
const DECIMATE_ABOVE = 60;

export const fmt = (s: SeriesSpec, v: number | null, lang: Lang) =>
  formatFigureValue(v, s.unit, lang, s.metric);

/** Called with the series and label index of a clicked bar or point. */
export type OnPoint = (datasetIndex: number, index: number) => void;

export function chartConfig(spec: ChartSpec, lang: Lang, onPoint: OnPoint): ChartConfiguration {
  const line = spec.type === 'line';
  const first = spec.series[0];
  const second = spec.series.find((s) => s.secondAxis);
  const datasets = spec.series.map((s, i) => {
    const st = seriesStyle(i);
    return {
      type: (s.line || line ? 'line' : 'bar') as 'bar',
      label: s.label,
      // Line series are {x, y} with parsing off: what the decimation plugin needs.
      data: (line ? s.values.map((y, x) => ({ x, y })) : s.values) as number[],
      yAxisID: s.secondAxis ? 'y1' : 'y',
      backgroundColor: line ? st.color : st.fill,
      borderColor: st.color,
      borderWidth: line ? 2 : 1,
      borderDash: st.dash,
      pointStyle: st.point,
      pointRadius: 4,
      spanGaps: false,
    };
  });
  const tick = (s: SeriesSpec | undefined) => (v: string | number) =>
    s ? fmt(s, Number(v), lang) : String(v);
  return {
    type: line ? 'line' : 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: lang === 'ko' ? 'ko-KR' : 'en-US',
      parsing: line ? false : undefined,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: line
          ? {
              type: 'linear',
              min: 0,
              max: Math.max(0, spec.labels.length - 1),
              ticks: { stepSize: 1, callback: (v) => spec.labels[Number(v)] ?? '' },
            }
          : { type: 'category' },
        y: { beginAtZero: true, ticks: { callback: tick(first) } },
        ...(second
          ? {
              y1: {
                position: 'right' as const,
                beginAtZero: true,
                grid: { drawOnChartArea: false },
                ticks: { callback: tick(second) },
              },
            }
          : {}),
      },
      plugins: {
        // Lines show their point shape, bars their fill (solid or hatched): both survive greyscale.
        legend: { labels: { usePointStyle: line } },
        decimation: {
          enabled: true,
          algorithm: 'lttb',
          samples: DECIMATE_ABOVE,
          threshold: DECIMATE_ABOVE,
        },
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const s = spec.series[item.datasetIndex];
              return s ? `${s.label}: ${fmt(s, s.values[item.dataIndex] ?? null, lang)}` : '';
            },
          },
        },
      },
      onClick: (_e: ChartEvent, elements: ActiveElement[]) => {
        const hit = elements[0];
        if (hit) onPoint(hit.datasetIndex, hit.index);
      },
      onHover: (e: ChartEvent, elements: ActiveElement[]) => {
        const target = e.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : '';
      },
    },
  } as ChartConfiguration;
}
