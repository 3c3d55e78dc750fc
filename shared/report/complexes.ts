/** Indicator comparisons for every complex that reports a metric (the per-complex charts). */
import { compareIndicator, complexesOf, type IndicatorComparison } from './indicators';
import type { Period } from './period';
import type { FigureRecord, Scope } from './scope';

export interface ComplexComparison extends IndicatorComparison {
  /** `indicator.complex`; '' = cluster-wide rows */
  complex: string;
}

/** value, previous period and same period last year of one metric, per complex, sorted. */
export function indicatorsByComplex(
  records: readonly FigureRecord[],
  metric: string,
  p: Period,
  s: Scope,
): ComplexComparison[] {
  return complexesOf(records, metric, s).map((complex) => ({
    complex,
    ...compareIndicator(records, { metric, complex }, p, s),
  }));
}
