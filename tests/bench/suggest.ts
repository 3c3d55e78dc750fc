/**
 * Expert-suggestion benchmark (issue 7): `suggestExperts` for one difficulty against 920 experts
 * and 10,000 past difficulties, generated deterministically here. Pure computation, so it runs in
 * Node (V8, the renderer's engine): `npx tsx tests/bench/suggest.ts [--reps 15]`, and from
 * `npm run bench` (scripts/bench.mjs). Baseline, same run: one pass over the same arrays
 * computing only the tag overlap (each expert's tags against the difficulty's text, each past
 * difficulty's title words against its keywords) — the least any ranking must do.
 * Prints one JSON line: {"name","value","unit","baseline","ratio"}.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { suggestExperts, type SuggestRow } from '../../shared/suggest';
import { keywordTokens } from '../../shared/suggest/text';
import { median, type BenchFigure } from './figures';

const TAGS = [
  '정밀가공',
  '금형',
  '사출',
  '표면처리',
  '열처리',
  '용접',
  '주조',
  '도금',
  '센서',
  '반도체',
  '디스플레이',
  '배터리',
  '모터',
  '제어',
  '로봇',
  'PLC',
  '품질관리',
  '인증',
  '특허',
  '수출',
  '마케팅',
  '자금',
  '인력',
  '소재',
  '복합재',
  '코팅',
  '레이저',
  '측정',
  '시험분석',
  '신뢰성',
];
const AREAS = ['technology', 'certification', 'marketing', 'finance', 'export', 'environment'];
const STATUSES = ['resolved', 'resolved', 'followUp', 'partlyResolved', 'received', 'inSupport'];
const KSIC = ['26', '261', '2612', '29', '2922', '24', '242', '20', '30', '303'];

/** Deterministic pseudo-random (xorshift), so every run ranks the same data. */
function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

export interface SuggestBenchData {
  experts: SuggestRow[];
  difficulties: SuggestRow[];
  organizations: Map<string, SuggestRow>;
  memberships: SuggestRow[];
}

export function makeSuggestData(experts = 920, difficulties = 10_000): SuggestBenchData {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const organizations = new Map<string, SuggestRow>();
  for (let i = 0; i < 2_000; i++)
    organizations.set(`o${i}`, { id: `o${i}`, ksic: `${pick(KSIC)}, ${pick(KSIC)}` });
  const expertRows: SuggestRow[] = Array.from({ length: experts }, (_, i) => ({
    id: `e${i}`,
    name: `전문가${i}`,
    expertise: Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(TAGS)),
    organizationId: `o${Math.floor(r() * 2_000)}`,
    unavailable: r() < 0.05,
  }));
  const memberships: SuggestRow[] = Array.from({ length: 3_000 }, (_, i) => ({
    id: `m${i}`,
    miniClusterId: `mc${Math.floor(r() * 60)}`,
    expertId: `e${Math.floor(r() * experts)}`,
  }));
  const difficultyRows: SuggestRow[] = Array.from({ length: difficulties }, (_, i) => ({
    id: `d${i}`,
    title: `${pick(TAGS)} ${pick(TAGS)} 공정 개선 ${i}`,
    description: `${pick(TAGS)} 관련 애로 상세 내용입니다. ${pick(TAGS)} 문의.`,
    techField: pick(TAGS),
    area: pick(AREAS),
    status: pick(STATUSES),
    satisfaction: String(1 + Math.floor(r() * 5)),
    companyId: `o${Math.floor(r() * 2_000)}`,
    miniClusterId: `mc${Math.floor(r() * 60)}`,
    expertIds: [`e${Math.floor(r() * experts)}`, `e${Math.floor(r() * experts)}`],
  }));
  return { experts: expertRows, difficulties: difficultyRows, organizations, memberships };
}

/** The baseline: tag overlap only, one pass over experts and one over past difficulties. */
function tagOverlapOnly(d: SuggestRow, data: SuggestBenchData): number {
  const text = `${String(d['title'])} ${String(d['techField'])} ${String(d['description'])}`;
  const keywords = new Set(keywordTokens(text));
  let hits = 0;
  for (const e of data.experts)
    for (const tag of e['expertise'] as string[]) if (text.includes(tag)) hits++;
  for (const p of data.difficulties)
    for (const k of keywordTokens(String(p['title']))) if (keywords.has(k)) hits++;
  return hits;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function runSuggestBench(reps = 15): BenchFigure {
  const data = makeSuggestData();
  const subject: number[] = [];
  const baseline: number[] = [];
  // A different target difficulty each round; round 0 is JIT warm-up and left out.
  for (let rep = 0; rep <= reps; rep++) {
    const d = data.difficulties[(rep * 613) % data.difficulties.length] as SuggestRow;
    const a = time(() => suggestExperts({ ...data, difficulty: d, asOf: '2026-12-01' }));
    const b = time(() => tagOverlapOnly(d, data));
    if (rep > 0) {
      subject.push(a);
      baseline.push(b);
    }
  }
  const value = median(subject);
  const base = median(baseline);
  return {
    name: 'suggest_experts_920x10k',
    value: Number(value.toFixed(2)),
    unit: 'ms',
    baseline: Number(base.toFixed(2)),
    ratio: Number((value / base).toFixed(2)),
  };
}

if (process.argv[1]?.endsWith('suggest.ts')) {
  const { values } = parseArgs({ options: { reps: { type: 'string' } }, strict: false });
  process.stdout.write(`${JSON.stringify(runSuggestBench(Number(values.reps ?? 15)))}\n`);
}
