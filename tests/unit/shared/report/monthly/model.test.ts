import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, monthPeriod, type FigureRecord } from '../../../../../shared/report';
import { received, resolved } from '../../../../../shared/report/difficulties';
import {
  buildMonthlyReport,
  pageCount,
  paginateTable,
  printedRows,
  PRINT_ROWS_MAX,
  ROWS_PER_PAGE,
  TABLE_RULES,
  type ReportRecords,
} from '../../../../../shared/report/monthly';
import { demoRecords } from '../demoRecords';

const empty = (): ReportRecords => ({
  difficulty: [],
  activity: [],
  successCase: [],
  resource: [],
  plan: [],
  miniCluster: [],
  organization: [],
  indicator: [],
});

const rec = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  ...fields,
});

function small(): ReportRecords {
  return {
    ...empty(),
    organization: [rec('o1', { name: '구미전자(주)' })],
    miniCluster: [rec('m1', { name: '디스플레이 미니클러스터' })],
    difficulty: [
      rec('d1', {
        title: '금형 불량',
        companyId: 'o1',
        area: 'technology',
        status: 'resolved',
        receivedOn: '2006-02-10',
        resolvedOn: '2006-03-05',
      }),
      rec('d2', {
        title: '인증 지연',
        companyId: 'o1',
        status: 'received',
        receivedOn: '2006-03-20',
      }),
      rec('d3', {
        title: '작년 해결',
        status: 'followUp',
        receivedOn: '2005-03-01',
        resolvedOn: '2005-03-09',
      }),
      rec('d4', {
        title: '지운 애로',
        status: 'resolved',
        receivedOn: '2006-03-01',
        resolvedOn: '2006-03-02',
        deleted: 1,
      }),
      rec(
        'x1',
        {
          title: '다른 클러스터',
          status: 'resolved',
          receivedOn: '2006-03-01',
          resolvedOn: '2006-03-02',
        },
        'ulsan',
      ),
    ],
    activity: [
      rec('a1', {
        title: '3월 정기모임',
        miniClusterId: 'm1',
        date: '2006-03-15',
        attendance: 12,
        type: 'generalMeeting',
      }),
      rec('a2', { title: '기술 세미나', miniClusterId: 'm1', date: '2006-03-25' }),
      rec('a3', { title: '2월 모임', miniClusterId: 'm1', date: '2006-02-15', attendance: 5 }),
    ],
    successCase: [
      rec('s1', { title: '불량률 절반', year: 2006, companyId: 'o1' }),
      rec('s2', { title: '옛 사례', year: 2005 }),
    ],
    resource: [
      rec('r1', { name: '3차원 측정기', sharedWithNetwork: true }),
      rec('r2', { name: '사내 장비', sharedWithNetwork: false }),
    ],
    plan: [
      rec('p1', {
        title: '4월 교육',
        startOn: '2006-04-10',
        endOn: '2006-04-11',
        status: 'approved',
      }),
      rec('p2', { title: '연간 계획', startOn: '2006-01-01', status: 'inProgress' }),
      rec('p3', { title: '끝난 계획', startOn: '2006-04-01', endOn: '2006-04-30', status: 'done' }),
      rec('p4', {
        title: '5월 계획',
        startOn: '2006-05-01',
        endOn: '2006-05-30',
        status: 'approved',
      }),
    ],
    indicator: [
      rec('i1', { metric: 'production', period: '2006-03', value: 300, complex: '구미' }),
      rec('i2', { metric: 'production', period: '2006-02', value: 280, complex: '구미' }),
    ],
  };
}

const fig = (m: ReturnType<typeof buildMonthlyReport>, key: string) =>
  m.keyFigures.find((k) => k.key === key);
const table = (m: ReturnType<typeof buildMonthlyReport>, id: string) =>
  m.tables.find((t) => t.id === id);

describe('monthly report model, small case', () => {
  const m = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: small() });

  it('has the cover facts: cluster name and the month’s first and last day', () => {
    expect(m.cluster.ko).toContain('구미');
    expect([m.from, m.to]).toEqual(['2006-03-01', '2006-03-31']);
  });

  it('counts only the cluster’s live records, with change on last month and last year', () => {
    expect(fig(m, 'difficultiesResolved')).toMatchObject({
      value: 1,
      previous: 0,
      lastYear: 1,
      changePrevious: 1,
      changeLastYear: 0,
    });
    expect(fig(m, 'difficultiesReceived')).toMatchObject({
      value: 1,
      previous: 1,
      changePrevious: 0,
    });
    expect(fig(m, 'activities')).toMatchObject({ value: 2, previous: 1 });
    // Attendance left empty is unknown, not 0: only the 12 of a1 counts.
    expect(fig(m, 'attendance')).toMatchObject({ value: 12, previous: 5, changePrevious: 7 });
  });

  it('keeps unknown changes unknown, never 0', () => {
    expect(fig(m, 'attendance')).toMatchObject({ lastYear: null, changeLastYear: null });
  });

  it('lists in each table exactly the records behind its figure, with names looked up', () => {
    expect(table(m, 'difficultiesResolved')?.rows).toEqual([
      ['2006-03-05', '금형 불량', '구미전자(주)', '기술', '해결', 23],
    ]);
    expect(table(m, 'difficultiesReceived')?.rows.map((r) => r[1])).toEqual(['인증 지연']);
    expect(table(m, 'activities')?.rows.map((r) => r[2])).toEqual(['3월 정기모임', '기술 세미나']);
    expect(table(m, 'activitiesByMiniCluster')?.rows).toEqual([['디스플레이 미니클러스터', 2, 12]]);
    expect(table(m, 'successCases')?.rows.map((r) => r[1])).toEqual(['불량률 절반']);
    expect(table(m, 'resourcesShared')?.rows.map((r) => r[0])).toEqual(['3차원 측정기']);
    // Overlapping April, not done: the April course and the open-ended yearly plan.
    expect(table(m, 'nextMonthPlans')?.rows.map((r) => r[0])).toEqual(['연간 계획', '4월 교육']);
  });

  it('compares indicators with last month', () => {
    expect(m.indicators).toEqual([
      expect.objectContaining({
        metric: 'production',
        complex: '구미',
        value: 300,
        changePrevious: 20,
        changeLastYear: null,
      }),
    ]);
  });

  it('charts the 12 months ending with the report month', () => {
    expect(m.chart.map((c) => c.month)).toEqual([
      '2005-04',
      '2005-05',
      '2005-06',
      '2005-07',
      '2005-08',
      '2005-09',
      '2005-10',
      '2005-11',
      '2005-12',
      '2006-01',
      '2006-02',
      '2006-03',
    ]);
    expect(m.chart.at(-1)).toEqual({ month: '2006-03', received: 1, resolved: 1 });
  });

  it('puts every figure definition and every table rule in the appendix', () => {
    const keys = m.appendix.map((a) => a.key);
    for (const k of FIGURE_KEYS) expect(keys).toContain(k);
    for (const id of Object.keys(TABLE_RULES)) expect(keys).toContain(`table.${id}`);
    expect(m.appendix.every((a) => a.text.ko !== '' && a.text.en !== '')).toBe(true);
  });

  it('prints hostile text as given (escaping is the view’s job, not the model’s)', () => {
    const r = small();
    r.difficulty = [
      rec('h', { title: '=HYPERLINK("x")<b>', status: 'received', receivedOn: '2006-03-02' }),
    ];
    const h = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: r });
    expect(table(h, 'difficultiesReceived')?.rows[0]?.[1]).toBe('=HYPERLINK("x")<b>');
  });

  it('refuses a month that is not YYYY-MM with a Korean message', () => {
    expect(() =>
      buildMonthlyReport({ month: '2006-3', clusterId: 'gumi', records: empty() }),
    ).toThrow(/기간 형식/);
  });
});

describe('pagination', () => {
  it('splits a table into pages of ROWS_PER_PAGE rows and keeps one page for an empty table', () => {
    const rows = Array.from({ length: ROWS_PER_PAGE + 1 }, (_, i) => [String(i)]);
    const pages = paginateTable({ id: 'activities', title: { ko: '', en: '' }, columns: [], rows });
    expect(pages.map((p) => [p.part, p.parts, p.rows.length, p.omitted])).toEqual([
      [1, 2, ROWS_PER_PAGE, 0],
      [2, 2, 1, 0],
    ]);
    expect(
      paginateTable({ id: 'activities', title: { ko: '', en: '' }, columns: [], rows: [] }),
    ).toHaveLength(1);
  });

  it('prints at most PRINT_ROWS_MAX lines: the first rows, then "외 N건" for the rest', () => {
    const full = Array.from({ length: PRINT_ROWS_MAX }, (_, i) => [String(i)]);
    const t = (rows: string[][]) => ({
      id: 'activities' as const,
      title: { ko: '', en: '' },
      columns: [],
      rows,
    });
    // Exactly at the cap: every row, no note.
    expect(paginateTable(t(full)).map((p) => [p.rows.length, p.omitted])).toEqual([
      [ROWS_PER_PAGE, 0],
      [ROWS_PER_PAGE, 0],
    ]);
    // One more: the last line becomes the note, so two rows go to the annex.
    const over = [...full, ['x']];
    const pages = paginateTable(t(over));
    expect(pages.map((p) => [p.part, p.parts, p.rows.length, p.omitted])).toEqual([
      [1, 2, ROWS_PER_PAGE, 0],
      [2, 2, ROWS_PER_PAGE - 1, 2],
    ]);
    expect(printedRows(t(over)).rows.at(-1)).toEqual([String(PRINT_ROWS_MAX - 2)]);
    // 1,666 rows still print on two pages.
    const big = Array.from({ length: 1666 }, (_, i) => [String(i)]);
    expect(paginateTable(t(big)).map((p) => p.omitted)).toEqual([0, 1666 - PRINT_ROWS_MAX + 1]);
  });

  it('counts cover, figures, indicator, table, notes and appendix pages', () => {
    const m = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: small() });
    // 1 cover + 1 figures + 1 indicators + 7 tables of one page + 1 notes + 3 appendix pages.
    expect(m.tables).toHaveLength(7);
    expect(m.appendix.length).toBeGreaterThan(24);
    expect(pageCount(m)).toBe(1 + 1 + 1 + 7 + 1 + Math.ceil(m.appendix.length / 12));
  });
});

describe('demo data', () => {
  const records: ReportRecords = {
    difficulty: demoRecords('difficulty'),
    activity: demoRecords('activity'),
    successCase: demoRecords('successCase'),
    resource: demoRecords('resource'),
    plan: demoRecords('plan'),
    miniCluster: demoRecords('miniCluster'),
    organization: demoRecords('organization'),
    indicator: demoRecords('indicator'),
  };

  it('gives Gumi in March 2006 figures whose tables hold the same number of rows', () => {
    const m = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records });
    expect(fig(m, 'difficultiesReceived')?.value).toBeGreaterThan(0);
    expect(table(m, 'difficultiesReceived')?.rows).toHaveLength(
      fig(m, 'difficultiesReceived')?.value ?? -1,
    );
    expect(table(m, 'difficultiesResolved')?.rows).toHaveLength(
      fig(m, 'difficultiesResolved')?.value ?? -1,
    );
    expect(table(m, 'activities')?.rows).toHaveLength(fig(m, 'activities')?.value ?? -1);
    expect(m.indicators.some((i) => i.metric === 'exports' && i.value !== null)).toBe(true);
  });

  it('charts each month with exactly the received and resolved figures of that month', () => {
    const m = buildMonthlyReport({ month: '2006-12', clusterId: 'gumi', records });
    const scope = { kind: 'cluster', clusterId: 'gumi' } as const;
    expect(m.chart.some((p) => p.resolved > 0)).toBe(true);
    for (const p of m.chart) {
      const period = monthPeriod(p.month);
      expect([p.month, p.received, p.resolved]).toEqual([
        p.month,
        received(records.difficulty, period, scope).value,
        resolved(records.difficulty, period, scope).value,
      ]);
    }
  });

  it('a report without closed months has no corrections and no corrections page', () => {
    const m = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records });
    expect(m.corrections).toEqual([]);
  });
});
