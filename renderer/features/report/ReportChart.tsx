/**
 * The report's chart: received and resolved difficulties per month as paired bars in static SVG.
 * No canvas and no animation, so it prints sharp and complete on the first frame; the two series
 * differ in fill pattern (solid / hatched), not only colour, so they read in greyscale.
 */
import type { ChartPoint } from '../../../shared/report/monthly';
import { useReportT } from './messages';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 40 };

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function ReportChart({ points }: { points: readonly ChartPoint[] }) {
  const t = useReportT();
  const max = niceMax(Math.max(0, ...points.flatMap((p) => [p.received, p.resolved])));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(points.length, 1);
  const bar = Math.max(2, slot * 0.34);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <figure className="report-chart" data-testid="report-chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartTitle')}>
        <defs>
          <pattern id="report-hatch" width="4" height="4" patternUnits="userSpaceOnUse">
            <path d="M0,4 L4,0" stroke="#000" strokeWidth="1" />
          </pattern>
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#bbb" />
            <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" fontSize="10">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={p.month}>
              <rect
                x={x - bar}
                y={y(p.received)}
                width={bar}
                height={y(0) - y(p.received)}
                fill="#555"
              />
              <rect
                x={x}
                y={y(p.resolved)}
                width={bar}
                height={y(0) - y(p.resolved)}
                fill="url(#report-hatch)"
                stroke="#000"
                strokeWidth="0.6"
              />
              <text x={x} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="10">
                {p.month.slice(2).replace('-', '.')}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${PAD.left}, ${H - 4})`} fontSize="10">
          <rect x={0} y={-8} width={10} height={8} fill="#555" />
          <text x={14} y={0}>
            {t('received')}
          </text>
          <rect
            x={60}
            y={-8}
            width={10}
            height={8}
            fill="url(#report-hatch)"
            stroke="#000"
            strokeWidth="0.6"
          />
          <text x={74} y={0}>
            {t('resolved')}
          </text>
        </g>
      </svg>
    </figure>
  );
}
