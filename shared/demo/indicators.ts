/**
 * 성과지표 and 목표: monthly figures per cluster for 2005-04 … 2006-12 (production, exports,
 * employment, tenants, operating, operating rate) with plausible growth and seasons, the yearly
 * figures the article published (Wonju exports, Gwangju production), and the goals: the national
 * 67.0 → 194.0 bn USD exports and Banwol-Sihwa's 150 firms over 100 bn KRW by 2013.
 */
import { monthsBetween } from './dates';
import { CENTRAL_OFFICE_CLUSTER_ID, CLUSTER_FACTS, DEMO_FACTS } from './facts';
import { demoId } from './ids';
import { Rng } from './random';
import type { ClusterFact, DemoRow } from './types';

const MONTHS = monthsBetween(DEMO_FACTS.monthlyPeriods.from, DEMO_FACTS.monthlyPeriods.to);
/** Jan … Dec: the Lunar New Year dip in February, the summer holidays in August. */
const SEASON = [0.96, 0.9, 1.03, 1, 1, 1.01, 0.98, 0.95, 1, 1.02, 1.03, 1.04];
const SOURCE = '한국산업단지공단 산업단지 동향 (데모)';
const NATIONAL_COMPLEX = '7개 시범단지 합계';

type MoneyMetric = 'production' | 'exports';

function indicatorRow(
  cluster: string,
  metric: string,
  periodType: string,
  period: string,
  value: number,
  complex: string,
  source: string,
): DemoRow {
  return {
    id: demoId('indicator', `${cluster}:${metric}:${period}`),
    clusterId: cluster,
    values: { metric, periodType, period, value, complex, source },
  };
}

/**
 * A money series that grows smoothly, then is scaled per year so the months add up to the
 * published yearly figure (prorated for 2005, which starts in April); the rounding remainder
 * goes to the year's last month so the sums are exact.
 */
function moneySeries(rng: Rng, fact: ClusterFact, metric: MoneyMetric): number[] {
  const base = metric === 'production' ? fact.baseline.productionKrw : fact.baseline.exportsUsd;
  const growth =
    metric === 'production' ? fact.baseline.productionGrowth : fact.baseline.exportsGrowth;
  const step = metric === 'production' ? 1_000_000 : 1_000;
  const raw = MONTHS.map((m, t) => {
    const month = Number(m.slice(5));
    return (
      base * Math.pow(1 + growth, t / 12) * (SEASON[month - 1] ?? 1) * (0.98 + rng.float() * 0.04)
    );
  });
  const annual = fact.annual[metric] ?? {};
  const years = Object.keys(annual).sort();
  const factor = new Map<string, number>();
  for (const y of years) {
    const idx = MONTHS.flatMap((m, i) => (m.startsWith(y) ? [i] : []));
    const sum = idx.reduce((s, i) => s + (raw[i] ?? 0), 0);
    factor.set(y, ((annual[y] ?? 0) * idx.length) / 12 / sum);
  }
  // Years without a published figure follow the nearest year that has one.
  const factorOf = (y: string) =>
    factor.get(y) ??
    factor.get([...years].sort((a, b) => Math.abs(+a - +y) - Math.abs(+b - +y))[0] ?? '') ??
    1;
  const out = raw.map(
    (v, i) => Math.round((v * factorOf((MONTHS[i] ?? '').slice(0, 4))) / step) * step,
  );
  for (const y of years) {
    const idx = MONTHS.flatMap((m, i) => (m.startsWith(y) ? [i] : []));
    const target = Math.round(((annual[y] ?? 0) * idx.length) / 12 / step) * step;
    const last = idx[idx.length - 1];
    if (last !== undefined)
      out[last] = (out[last] ?? 0) + target - idx.reduce((s, i) => s + (out[i] ?? 0), 0);
  }
  return out;
}

function clusterIndicators(fact: ClusterFact): DemoRow[] {
  const rng = new Rng(`indicator:${fact.code}`);
  const rows: DemoRow[] = [];
  const production = moneySeries(rng, fact, 'production');
  const exports = moneySeries(rng, fact, 'exports');
  const b = fact.baseline;
  MONTHS.forEach((period, t) => {
    const tenants = Math.round(b.tenants * (1 + (0.03 * t) / 12));
    const rate = Math.min(99, b.operatingRate + (1.5 * t) / 20 + (rng.float() - 0.5) * 1.6);
    const operating = Math.round((tenants * rate) / 100);
    const employment = Math.round(
      b.employment * (1 + (0.02 * t) / 12) * (0.997 + rng.float() * 0.006),
    );
    const add = (metric: string, value: number) =>
      rows.push(indicatorRow(fact.code, metric, 'month', period, value, fact.complex, SOURCE));
    add('production', production[t] ?? 0);
    add('exports', exports[t] ?? 0);
    add('employment', employment);
    add('tenants', tenants);
    add('operating', operating);
    // Derived from the two counts so the three figures always agree (one decimal).
    add('operatingRate', Math.round((operating / tenants) * 1000) / 10);
  });
  for (const [metric, years] of Object.entries(fact.annual)) {
    for (const [year, value] of Object.entries(years ?? {})) {
      rows.push(
        indicatorRow(
          fact.code,
          metric,
          'year',
          year,
          value,
          fact.complex,
          '2006년 혁신클러스터 보도 (2006년은 예상치)',
        ),
      );
    }
  }
  return rows;
}

export function buildIndicators(): DemoRow[] {
  const national = DEMO_FACTS.nationalExportsUsd;
  return [
    ...CLUSTER_FACTS.flatMap(clusterIndicators),
    indicatorRow(
      CENTRAL_OFFICE_CLUSTER_ID,
      'exports',
      'year',
      String(national.baseYear),
      national.base,
      NATIONAL_COMPLEX,
      '혁신클러스터 추진계획 (7개 시범단지 수출 실적)',
    ),
  ];
}

function targetRow(
  cluster: string,
  metric: string,
  year: number,
  value: number,
  complex: string,
  notes: string,
): DemoRow {
  return {
    id: demoId('target', `${cluster}:${metric}:${year}`),
    clusterId: cluster,
    values: { metric, year, value, complex, notes },
  };
}

/** The national exports goal, split over the clusters by their 2006 exports (sums exactly). */
export function buildTargets(indicators: readonly DemoRow[]): DemoRow[] {
  const national = DEMO_FACTS.nationalExportsUsd;
  const exports2006 = CLUSTER_FACTS.map((f) =>
    indicators
      .filter(
        (r) =>
          r.clusterId === f.code &&
          r.values.metric === 'exports' &&
          String(r.values.period).startsWith('2006-'),
      )
      .reduce((s, r) => s + Number(r.values.value), 0),
  );
  const total = exports2006.reduce((a, b) => a + b, 0);
  const step = 100_000_000; // 1억 달러
  const shares = exports2006.map((e) =>
    Math.max(step, Math.round((national.target * e) / total / step) * step),
  );
  const largest = shares.indexOf(Math.max(...shares));
  shares[largest] = (shares[largest] ?? 0) + national.target - shares.reduce((a, b) => a + b, 0);
  const big = DEMO_FACTS.banwolSihwaBigRevenueFirmsTarget;
  const wonju = CLUSTER_FACTS.find((f) => f.code === 'wonju');
  const banwol = CLUSTER_FACTS.find((f) => f.code === 'banwol-sihwa');
  return [
    targetRow(
      CENTRAL_OFFICE_CLUSTER_ID,
      'exports',
      national.targetYear,
      national.target,
      NATIONAL_COMPLEX,
      '7개 시범단지 수출 목표: 670억 달러(2003) → 1,940억 달러(2013)',
    ),
    ...CLUSTER_FACTS.map((f, i) =>
      targetRow(
        f.code,
        'exports',
        national.targetYear,
        shares[i] ?? 0,
        f.complex,
        '국가 목표(1,940억 달러)의 단지별 배분',
      ),
    ),
    targetRow(
      'wonju',
      'exports',
      2006,
      DEMO_FACTS.wonjuExportsUsd[2006],
      wonju?.complex ?? '',
      '수출 2,600만 달러(2005) → 8,200만 달러(2006)',
    ),
    targetRow(
      'banwol-sihwa',
      'bigRevenueFirms',
      big.year,
      big.value,
      banwol?.complex ?? '',
      '매출 1,000억원 이상 기업 150개 육성',
    ),
  ];
}
