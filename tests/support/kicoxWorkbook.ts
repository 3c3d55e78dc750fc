/**
 * Synthetic KICOX 국가산업단지 산업동향 workbooks (no real one may be kept in the repo). Each
 * table follows one variant of the published format: one or two header rows, merged group
 * headers, by-complex tables with a 구분(국가/일반) column, wide tables by 업종그룹 with 총계 first
 * or last, a tall table with complexes merged over their 업종 rows, units 억원 / 백만원 / 백만달러
 * / 개사 / 명 / %, 계 rows at the bottom, at the top or as 국가/일반 subtotals, `X` cells,
 * footnotes, and sheets that are not tables. Values come from one deterministic function of
 * (metric, complex, 업종그룹, quarter), so next quarter's 전분기 column repeats this quarter's
 * 당분기 unless a revision is asked for. `expected` lists what an import must store.
 */
import ExcelJS from 'exceljs';

export interface Quarter {
  year: number;
  quarter: number;
}

export interface ExpectedIndicator {
  metric: string;
  period: string;
  complex?: string;
  industryGroup?: string;
  /** in the metric's unit: KRW, USD, persons, companies, % */
  value: number;
}

export interface Revision {
  metric: string;
  complex: string;
  industryGroup?: string;
  /** added to the 전분기 figure as published (in the table's unit) */
  delta: number;
}

export interface KicoxWorkbookOptions extends Quarter {
  /** 전분기 figures published differently from last quarter's 당분기 */
  revisions?: Revision[];
  /** make the 계 row of the production table wrong by this much (억원) */
  productionTotalError?: number;
  /** hostile or unusual complex names to add as an extra row of the production table */
  extraComplex?: string;
}

export interface KicoxWorkbook {
  bytes: Uint8Array;
  expected: ExpectedIndicator[];
  /** sheet name → whether an import must recognise it */
  sheets: Record<string, boolean>;
  /** cells written as `X` */
  withheld: number;
}

export const COMPLEXES: Array<[name: string, type: '국가' | '일반']> = [
  ['창원', '국가'],
  ['구미', '국가'],
  ['반월', '국가'],
  ['시화', '국가'],
  ['울산미포', '국가'],
  ['명지녹산', '일반'],
];

/** KICOX 업종그룹 as the tables write them (some with a middle dot) → registry codes. */
export const GROUPS: Array<[label: string, code: string]> = [
  ['음식료', 'food'],
  ['섬유·의복', 'textile'],
  ['목재종이', 'woodPaper'],
  ['석유화학', 'petrochemical'],
  ['비금속', 'nonMetal'],
  ['철강', 'steel'],
  ['기계', 'machinery'],
  ['전기·전자', 'electronics'],
  ['운송장비', 'transport'],
  ['기타', 'other'],
  ['비제조', 'nonManufacturing'],
];

const code = (q: Quarter) => `${q.year}-Q${q.quarter}`;
const prev = (q: Quarter): Quarter =>
  q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
const lastYear = (q: Quarter): Quarter => ({ year: q.year - 1, quarter: q.quarter });

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 100_000;
}

/** The published figure, in the table's own unit. */
export function figure(metric: string, complex: string, group: string | null, q: Quarter): number {
  const t = (q.year - 2020) * 4 + q.quarter;
  const h = hash(`${metric}|${complex}|${group ?? ''}`);
  switch (metric) {
    case 'tenants':
      return 200 + (h % 3000) + t * 3;
    case 'operating':
      return Math.round(figure('tenants', complex, group, q) * 0.9);
    case 'operatingRate': {
      const tenants = figure('tenants', complex, group, q);
      return Math.round((figure('operating', complex, group, q) / tenants) * 1000) / 10;
    }
    case 'employment':
      return group ? 50 + (h % 2000) + t : 1000 + (h % 60_000) + t * 11;
    case 'production': // 억원
      return group ? 10 + (h % 3000) + t : 1000 + (h % 50_000) + t * 10;
    case 'exports': // 백만달러
      return group ? 1 + (h % 400) + t : 10 + (h % 4000) + t;
    default:
      throw new Error(metric);
  }
}

const STORAGE_FACTOR: Record<string, number> = { production: 1e8, exports: 1e6 };

type Cell = string | number | null;

class Builder {
  readonly wb = new ExcelJS.Workbook();
  readonly expected = new Map<string, ExpectedIndicator>();
  readonly sheets: Record<string, boolean> = {};
  withheld = 0;
  constructor(readonly opts: KicoxWorkbookOptions) {}

  get q(): Quarter {
    return this.opts;
  }

  title(n: number, text: string): string {
    return `[표${n}] ${this.q.year}년 ${this.q.quarter}분기 ${text}`;
  }

  /** The figure of a period column, revised where asked (전분기 only). */
  published(metric: string, complex: string, group: string | null, q: Quarter): number {
    const base = figure(metric, complex, group, q);
    const isPrevious = code(q) === code(prev(this.q));
    const r = this.opts.revisions?.find(
      (x) => x.metric === metric && x.complex === complex && (x.industryGroup ?? null) === group,
    );
    return isPrevious && r ? base + r.delta : base;
  }

  expect(metric: string, q: Quarter, complex: string | null, group: string | null, v: number) {
    const value = STORAGE_FACTOR[metric] ? Math.round(v * STORAGE_FACTOR[metric]!) : v;
    const e: ExpectedIndicator = {
      metric,
      period: code(q),
      ...(complex ? { complex } : {}),
      ...(group ? { industryGroup: group } : {}),
      value,
    };
    this.expected.set(`${metric}|${e.period}|${complex ?? ''}|${group ?? ''}`, e);
  }

  sheet(name: string, recognised: boolean): ExcelJS.Worksheet {
    this.sheets[name] = recognised;
    return this.wb.addWorksheet(name);
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }
}

const put = (ws: ExcelJS.Worksheet, row: number, cells: Cell[]) => {
  cells.forEach((v, i) => {
    if (v !== null) ws.getCell(row, i + 1).value = v;
  });
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** [표1]-like contents sheet: the quarter in its title, but no table. */
function contents(b: Builder) {
  const ws = b.sheet('목차', false);
  put(ws, 1, [`${b.q.year}년 ${b.q.quarter}분기 국가산업단지 산업동향`]);
  ['[표2] 단지별 입주 및 가동업체 현황', '[표3] 단지별 고용 현황', '[표4] 단지별 생산실적'].forEach(
    (t, i) => put(ws, i + 3, [t]),
  );
}

/** Two header rows, merged groups: 입주업체 | 가동업체 | 가동률 over 당분기 / 전분기 / 증감률. */
function companies(b: Builder) {
  const ws = b.sheet('표2 입주가동', true);
  put(ws, 1, [b.title(2, '단지별 입주 및 가동업체 현황')]);
  ws.mergeCells(1, 1, 1, 10);
  put(ws, 2, [null, null, null, null, null, null, null, null, null, '(단위 : 개사, %)']);
  put(ws, 3, ['산업단지', '구분', '입주업체', null, null, '가동업체', null, null, '가동률', null]);
  put(ws, 4, [
    null,
    null,
    '당분기',
    '전분기',
    '증감률',
    '당분기',
    '전분기',
    '증감률',
    '당분기',
    '전분기',
  ]);
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 4, 2);
  ws.mergeCells(3, 3, 3, 5);
  ws.mergeCells(3, 6, 3, 8);
  ws.mergeCells(3, 9, 3, 10);
  const quarters = [b.q, prev(b.q)];
  let r = 5;
  const totals = { tenants: [0, 0], operating: [0, 0] };
  for (const [name, type] of COMPLEXES) {
    const cells: Cell[] = [name, type];
    for (const metric of ['tenants', 'operating'] as const) {
      const [now, before] = quarters.map((q) => b.published(metric, name, null, q)) as [
        number,
        number,
      ];
      quarters.forEach((q, i) => b.expect(metric, q, name, null, [now, before][i]!));
      totals[metric][0]! += now;
      totals[metric][1]! += before;
      cells.push(now, before, `${(((now - before) / before) * 100).toFixed(1)}`);
    }
    for (const q of quarters) {
      const rate = b.published('operatingRate', name, null, q);
      b.expect('operatingRate', q, name, null, rate);
      cells.push(rate);
    }
    put(ws, r++, cells);
  }
  put(ws, r++, [
    '계',
    null,
    totals.tenants[0]!,
    totals.tenants[1]!,
    '0.1',
    totals.operating[0]!,
    totals.operating[1]!,
    '0.2',
    88.8,
    88.7,
  ]);
  put(ws, r + 1, ['주: 가동률 = 가동업체 수 / 입주업체 수 × 100']);
  put(ws, r + 2, ['자료: 한국산업단지공단']);
}

/** One header row with 전년동기, 합계 row at the top, one `X` cell. */
function employment(b: Builder) {
  const ws = b.sheet('표3 고용', true);
  put(ws, 1, [b.title(3, '단지별 고용 현황')]);
  put(ws, 2, ['(단위 : 명, %)']);
  put(ws, 3, ['산업단지', '구분', '당분기', '전분기', '전년 동기', '전년동기대비 증감률']);
  const quarters = [b.q, prev(b.q), lastYear(b.q)];
  const rows: Cell[][] = [];
  const totals = [0, 0, 0];
  COMPLEXES.forEach(([name, type], i) => {
    const vals = quarters.map((q) => b.published('employment', name, null, q));
    vals.forEach((v, k) => (totals[k]! += v));
    const cells: Cell[] = [name, type];
    vals.forEach((v, k) => {
      if (i === 2 && k === 0) {
        cells.push('X');
        b.withheld++;
      } else {
        cells.push(v);
        b.expect('employment', quarters[k]!, name, null, v);
      }
    });
    cells.push('1.2');
    rows.push(cells);
  });
  put(ws, 4, ['합계', null, ...totals, '0.5']);
  rows.forEach((cells, i) => put(ws, 5 + i, cells));
  put(ws, 6 + rows.length, ['※ X: 업체 수가 적어 공개하지 않음']);
}

/** One header row with a 누계 column; units 억원; the 계 row may be wrong on purpose. */
function production(b: Builder) {
  const ws = b.sheet('표4 생산', true);
  put(ws, 1, [b.title(4, '단지별 생산실적')]);
  put(ws, 2, [null, null, null, null, null, '(단위 : 억원, %)']);
  put(ws, 3, ['산업단지', '구분', '당분기', '전분기', `${b.q.year - 1} 누계`, '증감률']);
  const quarters = [b.q, prev(b.q)];
  const names: Array<[string, string]> = [...COMPLEXES];
  if (b.opts.extraComplex) names.push([b.opts.extraComplex, '일반']);
  const totals = [0, 0];
  let r = 4;
  for (const [name, type] of names) {
    const vals = quarters.map((q) => b.published('production', name, null, q));
    vals.forEach((v, k) => {
      totals[k]! += v;
      b.expect('production', quarters[k]!, name, null, v);
    });
    put(ws, r++, [name, type, vals[0]!.toLocaleString('en-US'), vals[1]!, vals[0]! * 3, '△1.5']);
  }
  put(ws, r++, [
    '계',
    null,
    totals[0]! + (b.opts.productionTotalError ?? 0),
    totals[1]!,
    null,
    null,
  ]);
  put(ws, r + 1, ['주1) 잠정치']);
}

/** Combined single-row headers (`수출 당분기`), 국가/일반 subtotals and a 합계 row; 백만달러. */
function exportsTable(b: Builder) {
  const ws = b.sheet('표5 수출', true);
  put(ws, 1, [b.title(5, '단지별 수출실적')]);
  put(ws, 2, ['(단위 : 백만달러, %)']);
  put(ws, 3, ['산업단지', '구분', '수출 당분기', '수출 전분기', '전분기대비']);
  const quarters = [b.q, prev(b.q)];
  let r = 4;
  const grand = [0, 0];
  for (const type of ['국가', '일반'] as const) {
    const sub = [0, 0];
    for (const [name] of COMPLEXES.filter(([, t]) => t === type)) {
      const vals = quarters.map((q) => b.published('exports', name, null, q));
      vals.forEach((v, k) => {
        sub[k]! += v;
        grand[k]! += v;
        b.expect('exports', quarters[k]!, name, null, v);
      });
      put(ws, r++, [`${name}${type === '일반' ? '1)' : ''}`, type, vals[0]!, vals[1]!, '2.0']);
    }
    put(ws, r++, [`${type} 소계`, null, sub[0]!, sub[1]!, null]);
  }
  put(ws, r++, ['합계', null, grand[0]!, grand[1]!, null]);
  put(ws, r + 1, ['1) 일반산업단지']);
}

/** Wide by 업종그룹 in 백만원, 총계 column last, one `X`. */
function productionByGroup(b: Builder) {
  const ws = b.sheet('표6 업종별 생산', true);
  put(ws, 1, [b.title(6, '단지별·업종별 생산실적')]);
  put(ws, 3, ['(단위 : 백만원)']);
  put(ws, 4, ['구분', ...GROUPS.map(([l]) => l), '총계']);
  let r = 5;
  const colTotals = GROUPS.map(() => 0);
  for (const [name] of COMPLEXES.slice(0, 4)) {
    const vals = GROUPS.map(([, g]) => b.published('production', name, g, b.q) * 100);
    vals.forEach((v, i) => (colTotals[i]! += v));
    const cells: Cell[] = [name];
    vals.forEach((v, i) => {
      if (name === '구미' && GROUPS[i]![1] === 'woodPaper') {
        cells.push('X');
        b.withheld++;
      } else {
        cells.push(v);
        b.expect('production', b.q, name, GROUPS[i]![1], v / 100);
      }
    });
    put(ws, r++, [...cells, sum(vals)]);
  }
  put(ws, r++, ['계', ...colTotals, sum(colTotals)]);
}

/** Wide by 업종그룹 with two header rows (group over 당분기 / 전분기), 총계 first; 백만달러. */
function exportsByGroup(b: Builder) {
  const ws = b.sheet('표7 업종별 수출', true);
  put(ws, 1, [b.title(7, '업종별 수출실적')]);
  put(ws, 2, ['(단위: 백만달러)']);
  const groups = GROUPS.slice(0, 5);
  const head1: Cell[] = ['산업단지', '총계', null];
  const head2: Cell[] = [null, '당분기', '전분기'];
  for (const [label] of groups) {
    head1.push(label, null);
    head2.push('당분기', '전분기');
  }
  put(ws, 3, head1);
  put(ws, 4, head2);
  ws.mergeCells(3, 1, 4, 1);
  for (let i = 0; i <= groups.length; i++) ws.mergeCells(3, 2 + i * 2, 3, 3 + i * 2);
  const quarters = [b.q, prev(b.q)];
  let r = 5;
  for (const [name] of COMPLEXES.slice(0, 3)) {
    const per = groups.map(([, g]) => quarters.map((q) => b.published('exports', name, g, q)));
    per.forEach((vals, i) =>
      vals.forEach((v, k) => b.expect('exports', quarters[k]!, name, groups[i]![1], v)),
    );
    const totals = quarters.map((_, k) => sum(per.map((v) => v[k]!)));
    put(ws, r++, [name, ...totals, ...per.flat()]);
  }
  put(ws, r + 1, ['주: 총계는 5개 업종의 합']);
}

/** Tall: complexes merged over their 업종 rows, each with its own 계 row; 명. */
function employmentTall(b: Builder) {
  const ws = b.sheet('표8 업종별 고용', true);
  put(ws, 1, [b.title(8, '단지별 업종별 고용')]);
  put(ws, 2, ['(단위 : 명)']);
  put(ws, 3, ['산업단지', '업종', '당분기', '전분기']);
  const groups = GROUPS.slice(5, 9);
  const quarters = [b.q, prev(b.q)];
  let r = 4;
  for (const [name] of COMPLEXES.slice(0, 2)) {
    const top = r;
    const totals = [0, 0];
    for (const [label, g] of groups) {
      const vals = quarters.map((q) => b.published('employment', name, g, q));
      vals.forEach((v, k) => {
        totals[k]! += v;
        b.expect('employment', quarters[k]!, name, g, v);
      });
      put(ws, r++, [r - 1 === top ? name : null, label, ...vals]);
    }
    put(ws, r++, [null, '계', ...totals]);
    ws.mergeCells(top, 1, r - 1, 1);
  }
}

/** A register-like sheet with no quarter in its title. */
function unrelated(b: Builder) {
  const ws = b.sheet('참고_입주기업', false);
  put(ws, 1, ['입주기업 현황']);
  put(ws, 2, ['업체명', '사업자등록번호', '대표자']);
  put(ws, 3, ['창원정밀', '123-45-67890', '김철수']);
}

export async function buildKicoxWorkbook(opts: KicoxWorkbookOptions): Promise<KicoxWorkbook> {
  const b = new Builder(opts);
  contents(b);
  companies(b);
  employment(b);
  production(b);
  exportsTable(b);
  productionByGroup(b);
  exportsByGroup(b);
  employmentTall(b);
  unrelated(b);
  return {
    bytes: await b.bytes(),
    expected: [...b.expected.values()],
    sheets: b.sheets,
    withheld: b.withheld,
  };
}
