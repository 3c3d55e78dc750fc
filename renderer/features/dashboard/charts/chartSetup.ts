/**
 * Chart.js, registered with only the parts the dashboard uses (tree-shaken: no `chart.js/auto`),
 * and the house style: no animation (a report screen, and screenshots must be stable), Korean
 * fonts, and series told apart by grey level, dash and pattern so a greyscale print keeps them
 * apart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  Decimation,
);

Chart.defaults.animation = false;
Chart.defaults.font.family =
  "Pretendard, 'Noto Sans KR', 'Malgun Gothic', 'Apple SD Gothic Neo', system-ui, sans-serif";
Chart.defaults.color = '#333';

export { Chart };

/** Distinct grey levels, dark to light; each series also gets its own dash and point shape. */
const GREYS = ['#1f1f1f', '#707070', '#a6a6a6', '#cfcfcf'];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot'] as const;

export interface SeriesStyle {
  color: string;
  /** bar fill: a hatch for light series so they stay visible on paper */
  fill: string | CanvasPattern;
  dash: number[];
  point: (typeof POINTS)[number];
}

function hatch(color: string): CanvasPattern | string {
  if (typeof document === 'undefined') return color;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

export function seriesStyle(index: number): SeriesStyle {
  const i = index % GREYS.length;
  const color = GREYS[i] as string;
  return {
    color,
    // Odd series are hatched, even ones solid: neighbours differ even where greys look alike.
    fill: i % 2 === 1 ? hatch(color) : color,
    dash: DASHES[i] as number[],
    point: POINTS[i] as (typeof POINTS)[number],
  };
}

declare global {
  interface Window {
    /**
     * The live charts by test id: end-to-end tests read a bar's position from Chart.js itself
     * and click there (deterministic, no guessed coordinates). Holds chart objects only, no data
     * beyond what the chart shows.
     */
    __pumasiCharts?: Record<string, Chart>;
  }
}
