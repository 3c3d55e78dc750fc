/**
 * Search benchmark (issue 13): the Korean matcher over 100,000 companies + 10,000 experts, with
 * a same-run baseline (a plain `includes` scan over the same names). Pure computation, so it runs
 * in Node (V8, the renderer's engine): part of `npm run bench` (`--only search`), or alone with
 * `npx tsx tests/bench/search.ts [--reps 15]`.
 * Prints one JSON line per figure: {"name","value","unit","baseline","ratio"}.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SearchIndex, type SearchDoc } from '../../shared/korean/search';
import { brnCheckDigit } from '../../shared/korean/ids';
import { median, type BenchFigure } from './figures';

const SYLLABLES =
  '가나다라마바사아자차카타파하한국광기술원전자정밀테크산업화학금속기계소재에너지바이오'.split('');
const FORMS = ['㈜', '주식회사 ', '', '(주)', ''];
const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍'.split('');

/** Deterministic pseudo-random (xorshift), so every run indexes the same names. */
function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

function makeDocs(companies: number, experts: number, seed = 13): SearchDoc[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const docs: SearchDoc[] = [];
  for (let i = 0; i < companies; i++) {
    const core = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(SYLLABLES)).join('');
    const first9 = String(100_000_000 + i * 7919).slice(0, 9);
    const brn = `${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${brnCheckDigit(first9)}`;
    docs.push({
      id: `c${i}`,
      version: 1,
      group: 'organization',
      title: `${pick(FORMS)}${core}`,
      numbers: [brn],
      codes: pick(['26, 261', '29222 ， 29223', '20', '24, 242']),
    });
  }
  for (let i = 0; i < experts; i++) {
    const name = pick(SURNAMES) + pick(SYLLABLES) + pick(SYLLABLES);
    docs.push({ id: `e${i}`, version: 1, group: 'expert', title: name });
  }
  return docs;
}

const QUERIES = [
  'ㅎㄱㄱㅅ',
  '한국광',
  '전자',
  'ㅈㅁ',
  '기술원',
  '1000',
  '261',
  '김ㅈ',
  '테크 산업',
];

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const figure = (name: string, value: number, baseline: number): BenchFigure => ({
  name,
  value: Number(value.toFixed(2)),
  unit: 'ms',
  baseline: Number(baseline.toFixed(2)),
  ratio: Number((value / baseline).toFixed(2)),
});

export function runSearchBench(reps = 15): BenchFigure[] {
  const docs = makeDocs(100_000, 10_000);
  const names = docs.map((d) => d.title);
  const index = new SearchIndex();
  const build = time(() => docs.forEach((d) => index.upsert(d)));
  const buildBaseline = time(() => names.map((n) => n.toLowerCase()));

  const query: number[] = [];
  const scan: number[] = [];
  // The first query of each kind is left out (JIT warm-up), as the target says.
  for (let rep = 0; rep <= reps; rep++) {
    for (const q of QUERIES) {
      const a = time(() => index.search(q, { limit: 50 }));
      const lower = q.toLowerCase();
      const b = time(() => names.filter((n) => n.toLowerCase().includes(lower)).slice(0, 50));
      if (rep > 0) {
        query.push(a);
        scan.push(b);
      }
    }
  }

  // A 1,000-record import as the app sees it: the live list now holds every indexed record plus
  // 1,000 new ones, and the index is brought up to date by id + version (what
  // renderer/features/search/searchDocs.ts syncEntity does), re-folding only the new ones.
  // Baseline: the bare minimum of any diff by id, one Map lookup per record of the same list.
  // A fresh import per rep (new ids), alternating sides; the median is reported.
  const versions = new Map<string, string | number>(docs.map((d) => [d.id, d.version]));
  const reindex: number[] = [];
  const reindexBaseline: number[] = [];
  let list: SearchDoc[] = docs;
  for (let rep = 0; rep < Math.max(3, Math.min(reps, 7)); rep++) {
    const imported = makeDocs(1_000, 0, 29 + rep).map((d) => ({ ...d, id: `i${rep}-${d.id}` }));
    list = [...list, ...imported];
    const subject = () => {
      let reindexed = 0;
      for (const d of list) {
        if (index.isCurrent(d.id, d.version)) continue;
        index.upsert(d);
        reindexed++;
      }
      if (reindexed !== imported.length) throw new Error(`re-indexed ${reindexed}, not 1,000`);
    };
    const bare = () => {
      let unchanged = 0;
      for (const d of list) if (versions.get(d.id) === d.version) unchanged++;
      for (const d of imported) versions.set(d.id, d.version);
      return unchanged;
    };
    if (rep % 2 === 0) {
      reindex.push(time(subject));
      reindexBaseline.push(time(bare));
    } else {
      reindexBaseline.push(time(bare));
      reindex.push(time(subject));
    }
  }

  return [
    figure('search_query_110k', median(query), median(scan)),
    figure('search_index_build_110k', build, buildBaseline),
    figure('search_reindex_1000', median(reindex), median(reindexBaseline)),
  ];
}

if (process.argv[1]?.endsWith('search.ts')) {
  const { values } = parseArgs({ options: { reps: { type: 'string' } }, strict: false });
  for (const f of runSearchBench(Number(values.reps ?? 15)))
    process.stdout.write(`${JSON.stringify(f)}\n`);
}
