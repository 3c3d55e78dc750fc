/**
 * The report benchmark's cluster: 10,000 companies, 20,000 difficulties over 2006, activities of
 * 50 mini-clusters and 12 months of indicators for three complexes, as stored rows (bookkeeping
 * included), deterministic so every run prints the same report.
 */
export const REPORT_BENCH_CLUSTER = 'gumi';
export const REPORT_BENCH_MONTH = '2006-12';

export type BenchRow = Record<string, unknown> & { id: string; clusterId: string };

function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const AREAS = ['technology', 'certification', 'marketing', 'finance', 'workforce', 'export'];
const STATUSES = ['received', 'reviewing', 'inSupport', 'resolved', 'resolved', 'followUp'];

function meta(id: string): BenchRow {
  const at = '2006-12-31T00:00:00.000Z';
  return {
    id,
    clusterId: REPORT_BENCH_CLUSTER,
    version: 1,
    hlc: `000000000001-0000-bench`,
    deviceId: 'bench',
    createdAt: at,
    updatedAt: at,
    deleted: 0,
  };
}

export interface ReportBenchData {
  organizations: BenchRow[];
  miniClusters: BenchRow[];
  difficulties: BenchRow[];
  activities: BenchRow[];
  indicators: BenchRow[];
}

export function makeReportBenchData(companies = 10_000, difficulties = 20_000): ReportBenchData {
  const r = rng(8);
  const day = (month: number) => `2006-${pad(month)}-${pad(1 + Math.floor(r() * 28))}`;
  const organizations = Array.from({ length: companies }, (_, i) => ({
    ...meta(`org${pad(i, 6)}`),
    name: `(주)벤치전자${i}`,
    kind: 'company',
  }));
  const miniClusters = Array.from({ length: 50 }, (_, i) => ({
    ...meta(`mc${pad(i)}`),
    name: `미니클러스터 ${i + 1}`,
  }));
  const diffs = Array.from({ length: difficulties }, (_, i) => {
    const month = 1 + (i % 12);
    const status = STATUSES[Math.floor(r() * STATUSES.length)] as string;
    const resolved = ['resolved', 'followUp'].includes(status);
    const resolvedMonth = Math.min(12, month + Math.floor(r() * 2));
    return {
      ...meta(`dif${pad(i, 6)}`),
      title: `벤치 기술애로 ${i} 공정 개선 요청`,
      companyId: `org${pad(Math.floor(r() * companies), 6)}`,
      area: AREAS[i % AREAS.length],
      status,
      miniClusterId: `mc${pad(i % 50)}`,
      receivedOn: `2006-${pad(month)}-01`,
      dueOn: `2006-${pad(month)}-28`,
      ...(resolved ? { resolvedOn: day(resolvedMonth) } : {}),
    };
  });
  const activities = Array.from({ length: 2_400 }, (_, i) => ({
    ...meta(`act${pad(i, 5)}`),
    title: `정기모임 ${i}`,
    type: 'generalMeeting',
    miniClusterId: `mc${pad(i % 50)}`,
    date: day(1 + (i % 12)),
    attendance: 5 + Math.floor(r() * 30),
  }));
  const indicators: BenchRow[] = [];
  for (const complex of ['구미1단지', '구미2단지', '구미3단지']) {
    for (const metric of ['production', 'exports', 'employment', 'tenants', 'operating']) {
      for (let m = 1; m <= 12; m++) {
        indicators.push({
          ...meta(`ind-${complex}-${metric}-${m}`),
          metric,
          periodType: 'month',
          period: `2006-${pad(m)}`,
          complex,
          value: Math.round(1_000_000 * (1 + r())),
        });
      }
    }
  }
  return { organizations, miniClusters, difficulties: diffs, activities, indicators };
}
