/**
 * Benchmark figures: what `npm run bench` prints (one JSON line each) and the targets the
 * project holds itself to (docs/BENCHMARKS.md). Pure, so the maths is easy to check.
 */

export interface BenchFigure {
  name: string;
  value: number;
  unit: 'rows/s' | 'ms';
  /** the same work done the bare way, measured in the same run */
  baseline: number;
  /** value / baseline */
  ratio: number;
}

export interface BenchTarget {
  /** human text for the report */
  text: string;
  met: (figure: BenchFigure) => boolean;
}

export const TARGETS: Readonly<Record<string, BenchTarget>> = {
  mutate_100k_strict: { text: '≥ 0.5× bulkPut', met: (f) => f.ratio >= 0.5 },
  mutate_100k_relaxed: { text: '≥ 0.5× bulkPut', met: (f) => f.ratio >= 0.5 },
  import_csv_cp949_100k: { text: '≥ 0.3× bulkPut', met: (f) => f.ratio >= 0.3 },
  import_xlsx_100k: { text: '≥ 0.3× bulkPut', met: (f) => f.ratio >= 0.3 },
  grid_load_100k: { text: '≤ 1,500 ms', met: (f) => f.value <= 1500 },
  grid_sort_100k: {
    text: '≤ 300 ms and ≤ the bare grid',
    met: (f) => f.value <= 300 && f.ratio <= 1,
  },
  grid_load_100k_cold: { text: '≤ 1,500 ms', met: (f) => f.value <= 1500 },
  search_query_110k: { text: '≤ 30 ms', met: (f) => f.value <= 30 },
  search_index_build_110k: { text: '≤ 1,000 ms', met: (f) => f.value <= 1000 },
  search_reindex_1000: { text: '≤ 50 ms', met: (f) => f.value <= 50 },
  suggest_experts_920x10k: { text: '≤ 50 ms', met: (f) => f.value <= 50 },
  pull_100k_pglite: { text: '≥ 0.4× bulkPut', met: (f) => f.ratio >= 0.4 },
  pull_100k_postgres: { text: '≥ 0.4× bulkPut', met: (f) => f.ratio >= 0.4 },
  year_500k_mutate_aged: { text: '≥ 0.8× the fresh database', met: (f) => f.ratio >= 0.8 },
};

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** A throughput figure (higher is better) from timed runs of `rows` rows each. */
export function throughputFigure(
  name: string,
  rows: number,
  subjectMs: readonly number[],
  baselineMs: readonly number[],
): BenchFigure {
  const value = rows / (median(subjectMs) / 1000);
  const baseline = rows / (median(baselineMs) / 1000);
  return {
    name,
    value: Math.round(value),
    unit: 'rows/s',
    baseline: Math.round(baseline),
    ratio: round(value / baseline, 3),
  };
}

/** A latency figure (lower is better). */
export function latencyFigure(
  name: string,
  subjectMs: readonly number[],
  baselineMs: readonly number[],
): BenchFigure {
  const value = median(subjectMs);
  const baseline = median(baselineMs);
  return {
    name,
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(value / baseline, 3),
  };
}
