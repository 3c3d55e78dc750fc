/**
 * One chart from a ChartSpec (configured in chartConfig.ts), and a click on a bar or point opening the grid filtered to exactly the
 * records behind it. A table of the same values (with the same links) sits below for keyboard
 * and screen-reader use.
 */
import { useEffect, useRef } from 'react';
import type { Lang } from '../../../../shared/registry';
import { navigate } from '../../../routing/route';
import { chartConfig, fmt } from './chartConfig';
import { Chart } from './chartSetup';
import type { ChartSpec } from './chartSpec';
import { useChartsT } from './messages';

function openPoint(spec: ChartSpec, datasetIndex: number, index: number): void {
  const route = spec.series[datasetIndex]?.routes[index];
  if (route) navigate(route.path, [], route.query);
}

export function FigureChart({ spec, lang }: { spec: ChartSpec; lang: Lang }) {
  const t = useChartsT();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(
      canvas,
      chartConfig(spec, lang, (ds, i) => openPoint(spec, ds, i)),
    );
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
