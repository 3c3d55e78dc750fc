/**
 * What a dashboard chart shows, as plain data: labels, series of figure values in their unit, and
 * for every point the route of the records behind it. Built by pure functions (the *Specs.ts
 * files) from the figure model, drawn by FigureChart; a click navigates to the point's route.
 */
import type { FigureRoute, FigureUnit } from '../../../../shared/report';

export interface SeriesSpec {
  label: string;
  /** one value per label; null = no value (drawn as a gap, never as 0) */
  values: Array<number | null>;
  /** the grid route listing the records behind each value; null = nothing to list */
  routes: Array<FigureRoute | null>;
  unit: FigureUnit;
  /** indicator metric, for metric units */
  metric?: string;
  /** a second value axis on the right (another unit in the same chart) */
  secondAxis?: boolean;
  /** a line over bars (e.g. a path to a target) */
  line?: boolean;
}

export interface ChartSpec {
  /** test id and key of the chart */
  id: string;
  title: string;
  /** the written definitions of the figures shown (tooltip of the title) */
  definition: string;
  type: 'bar' | 'line';
  labels: string[];
  series: SeriesSpec[];
}

/** `t` of the dashboard-charts namespace (see messages.ts). */
export type ChartsT = (key: string, vars?: Record<string, string | number>) => string;
