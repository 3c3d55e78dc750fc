/**
 * One chart from a ChartSpec: bars or lines in greyscale styles, values in Korean units on the
 * axis and in tooltips, and a click on a bar or point opening the grid filtered to exactly the
 * records behind it. A table of the same values (with the same links) sits below for keyboard
 * and screen-reader use.
 */
import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartEvent, ActiveElement } from 'chart.js';
import { formatFigureValue } from '../../../../shared/report';
import type { Lang } from '../../../../shared/registry';
import { navigate } from '../../../routing/route';
import { Chart, seriesStyle } from './chartSetup';
import type { ChartSpec, SeriesSpec } from './chartSpec';
import { useChartsT } from './messages';

/** Long line series are thinned (Chart.js decimation) above this many points. */
const DECIMATE_ABOVE = 60;

const fmt = (s: SeriesSpec, v: number | null, lang: Lang) =>
  formatFigureValue(v, s.unit, lang, s.metric);

function openPoint(spec: ChartSpec, datasetIndex: number, index: number): void {
  const route = spec.series[datasetIndex]?.routes[index];
  if (route) navigate(route.path, [], route.query);
}

function config(spec: ChartSpec, lang: Lang): ChartConfiguration {
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
        if (hit) openPoint(spec, hit.datasetIndex, hit.index);
      },
      onHover: (e: ChartEvent, elements: ActiveElement[]) => {
        const target = e.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : '';
      },
    },
  } as ChartConfiguration;
}

export function FigureChart({ spec, lang }: { spec: ChartSpec; lang: Lang }) {
  const t = useChartsT();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, config(spec, lang));
    const registry = (window.__pumasiCharts ??= {});
    registry[spec.id] = chart;
    return () => {
      if (registry[spec.id] === chart) delete registry[spec.id];
      chart.destroy();
    };
  }, [spec, lang]);

  return (
    <figure className="figure-chart" data-testid={spec.id}>
      <figcaption className="figure-chart__title" title={spec.definition}>
        {spec.title}
      </figcaption>
      <div className="figure-chart__canvas">
        <canvas ref={canvasRef} role="img" aria-label={spec.title} />
      </div>
      <details className="figure-chart__table">
        <summary>{t('table.show')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {spec.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {spec.series.map((s, si) => {
                  const route = s.routes[i];
                  const text = fmt(s, s.values[i] ?? null, lang);
                  return (
                    <td key={s.label}>
                      {route ? (
                        <button
                          type="button"
                          className="link-button"
                          title={t('table.open', { label: `${label} ${s.label}`, value: text })}
                          onClick={() => openPoint(spec, si, i)}
                        >
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
