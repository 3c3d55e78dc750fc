import { describe, expect, it } from 'vitest';
import type { FigureRecord } from '../../../../../shared/report';
import {
  closeRefusal,
  figuresOfModel,
  findCorrections,
  makeMonthClose,
  monthFigures,
  nextRevision,
  printsDifferently,
  type MonthClose,
} from '../../../../../shared/report/close';
import {
  buildMonthlyReport,
  pageCount,
  type ReportRecords,
} from '../../../../../shared/report/monthly';
import { demoRecords } from '../demoRecords';

const rec = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  ...fields,
});

function records(resolvedInMarch: number): ReportRecords {
  const difficulty = Array.from({ length: resolvedInMarch }, (_, i) =>
    rec(`d${i}`, {
      title: `애로 ${i}`,
      status: 'resolved',
      receivedOn: '2006-02-01',
      resolvedOn: '2006-03-10',
    }),
  );
  difficulty.push(
    rec('late', { title: '늦은 애로', status: 'received', receivedOn: '2006-03-02' }),
  );
  return {
    difficulty,
    activity: [],
    successCase: [],
    resource: [],
    plan: [],
    miniCluster: [],
    organization: [],
    indicator: [
      rec('i1', { metric: 'production', period: '2006-03', value: 300, complex: '구미' }),
    ],
  };
}

let seq = 0;
/** Closes a month the way the app does: the model (with its corrections) over the stored closes. */
function close(all: MonthClose[], r: ReportRecords, month: string, clusterId = 'gumi') {
  const model = buildMonthlyReport({ month, clusterId, records: r, closes: all });
  const row = makeMonthClose({
    id: `01J${String(++seq).padStart(23, '0')}`,
    model,
    closes: all,
    closedAt: `2007-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    closedBy: { name: '김담당', role: 'manager' },
    lang: 'ko',
    signoff: [{ label: '담당', name: '김담당' }],
    notes: '',
  });
  all.push(row);
  return row;
}

const resolved = (corrections: ReturnType<typeof findCorrections>) =>
  corrections
    .filter((c) => c.key === 'difficultiesResolved')
    .map((c) => [c.month, c.before, c.after]);

describe('month close: stored figures', () => {
  it('stores exactly the figures the model printed, equal to the ones recomputed from records', () => {
    const r: ReportRecords = {
      difficulty: demoRecords('difficulty'),
      activity: demoRecords('activity'),
      successCase: demoRecords('successCase'),
      resource: demoRecords('resource'),
      plan: demoRecords('plan'),
      miniCluster: demoRecords('miniCluster'),
      organization: demoRecords('organization'),
      indicator: demoRecords('indicator'),
    };
    const model = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: r });
    const stored = figuresOfModel(model);
    expect(stored.find((f) => f.key === 'difficultiesResolved')?.value).toBeGreaterThan(0);
    expect(stored.some((f) => f.key.startsWith('indicator:'))).toBe(true);
    expect(monthFigures(r, '2006-03', 'gumi')).toEqual(stored);
  });

  it('numbers revisions per cluster and month', () => {
    const all: MonthClose[] = [];
    expect(close(all, records(2), '2006-03').revision).toBe(1);
    expect(close(all, records(2), '2006-03').revision).toBe(2);
    expect(close(all, records(2), '2006-04').revision).toBe(1);
    expect(close(all, records(2), '2006-03', 'ulsan').revision).toBe(1);
    expect(nextRevision(all, 'gumi', '2006-03')).toBe(3);
  });
});

describe('month close: corrections', () => {
  it('shows a later edit of a closed month in the next report, never silently', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    const april = buildMonthlyReport({
      month: '2006-04',
      clusterId: 'gumi',
      records: records(42),
      closes: all,
    });
    expect(resolved(april.corrections)).toEqual([['2006-03', 41, 42]]);
    expect(april.corrections.find((c) => c.key === 'difficultiesResolved')?.label.ko).toBe(
      '해결 건수',
    );
    // Unchanged records: nothing to correct.
    expect(findCorrections(all, records(41), '2006-04', 'gumi')).toEqual([]);
  });

  it('never compares a month with itself or a later month, nor another cluster', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    expect(findCorrections(all, records(42), '2006-03', 'gumi')).toEqual([]);
    expect(findCorrections(all, records(42), '2006-02', 'gumi')).toEqual([]);
    expect(findCorrections(all, records(42), '2006-04', 'ulsan')).toEqual([]);
  });

  it('prints a correction once: after the report that printed it is closed, not again', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    const april = close(all, records(42), '2006-04');
    expect(resolved(april.model.corrections)).toEqual([['2006-03', 41, 42]]);
    expect(resolved(findCorrections(all, records(42), '2006-05', 'gumi'))).toEqual([]);
    // A second edit is compared with the corrected value (42), not the first close's 41.
    expect(resolved(findCorrections(all, records(43), '2006-05', 'gumi'))).toEqual([
      ['2006-03', 42, 43],
    ]);
  });

  it('closing a month again (new revision) prints the same corrections as the first close', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    close(all, records(42), '2006-04');
    const again = close(all, records(42), '2006-04');
    expect(again.revision).toBe(2);
    expect(resolved(again.model.corrections)).toEqual([['2006-03', 41, 42]]);
  });

  it('compares with the latest revision of the closed month', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    close(all, records(42), '2006-03'); // closed again after the fix
    expect(resolved(findCorrections(all, records(42), '2006-04', 'gumi'))).toEqual([]);
  });

  it('a re-close after a later month corrected it counts from the re-close', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    close(all, records(42), '2006-04'); // prints 41 → 42
    close(all, records(44), '2006-03'); // March closed again with 44
    expect(resolved(findCorrections(all, records(44), '2006-05', 'gumi'))).toEqual([]);
    expect(resolved(findCorrections(all, records(45), '2006-05', 'gumi'))).toEqual([
      ['2006-03', 44, 45],
    ]);
  });

  it('reports an indicator line that disappeared as now unknown', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    const r = records(41);
    r.indicator = [];
    const c = findCorrections(all, r, '2006-04', 'gumi');
    expect(c).toEqual([
      expect.objectContaining({
        month: '2006-03',
        key: 'indicator:production:구미',
        before: 300,
        after: null,
      }),
    ]);
  });

  it('adds a corrections page to the printed report only when there are corrections', () => {
    const all: MonthClose[] = [];
    close(all, records(41), '2006-03');
    const same = buildMonthlyReport({
      month: '2006-04',
      clusterId: 'gumi',
      records: records(41),
      closes: all,
    });
    const corrected = buildMonthlyReport({
      month: '2006-04',
      clusterId: 'gumi',
      records: records(42),
      closes: all,
    });
    expect(same.corrections).toEqual([]);
    expect(pageCount(corrected)).toBe(pageCount(same) + 1);
  });

  it('compares percentages and days as printed (one decimal)', () => {
    expect(printsDifferently('percent', 78.71, 78.74)).toBe(false);
    expect(printsDifferently('percent', 78.71, 78.76)).toBe(true);
    expect(printsDifferently('count', 41, 42)).toBe(true);
    expect(printsDifferently('count', null, 0)).toBe(true);
    expect(printsDifferently('count', null, null)).toBe(false);
  });
});

describe('month close: when', () => {
  it('refuses a month that is not over yet, in Korean', () => {
    expect(closeRefusal('2006-03', '2006-04-01', 'ko')).toBeNull();
    expect(closeRefusal('2006-03', '2006-03-31', 'ko')).toMatch(/아직 끝나지 않은 달/);
    expect(closeRefusal('2006-03', '2006-03-31', 'en')).toMatch(/not over/);
  });
});
