import { describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../../shared/demo/facts';
import {
  difficultyFigures as f,
  monthPeriod,
  type FigureRecord,
  type Scope,
} from '../../../../shared/report';
import { demoRecords } from './demoRecords';

const all: Scope = { kind: 'all' };
const d = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  receivedOn: '2006-03-01',
  status: 'received',
  ...fields,
});

describe('difficulty figures, small cases', () => {
  const march = monthPeriod('2006-03');

  it('count received and resolved by the stored calendar day at the month edges', () => {
    const rows = [
      d('first', { receivedOn: '2006-03-01' }),
      d('last', { receivedOn: '2006-03-31', status: 'resolved', resolvedOn: '2006-04-01' }),
      d('before', { receivedOn: '2006-02-28', status: 'resolved', resolvedOn: '2006-03-31' }),
      d('after', { receivedOn: '2006-04-01' }),
    ];
    expect(f.received(rows, march, all).ids).toEqual(['first', 'last']);
    expect(f.resolved(rows, march, all).ids).toEqual(['before']);
    expect(f.resolved(rows, monthPeriod('2006-04'), all).ids).toEqual(['last']);
  });

  it('count 해결 and 사후관리 as resolved, 부분해결 apart, and 보류 as still open', () => {
    const rows = [
      d('solved', { status: 'resolved', resolvedOn: '2006-03-10' }),
      d('follow', { status: 'followUp', resolvedOn: '2006-03-11' }),
      d('partly', { status: 'partlyResolved', resolvedOn: '2006-03-12' }),
      d('no', { status: 'unresolved', resolvedOn: '2006-03-13' }),
      d('hold', { status: 'onHold' }),
    ];
    expect(f.resolved(rows, march, all).ids).toEqual(['solved', 'follow']);
    expect(f.partlyResolved(rows, march, all).ids).toEqual(['partly']);
    expect(f.open(rows, march, all).ids).toEqual(['hold']);
    const rate = f.resolutionRate(rows, march, all);
    expect(rate.rate.value).toBe(40);
    expect(rate.rate.ids).toEqual(['solved', 'follow']);
  });

  it('keep a difficulty open until its resolution day, and overdue only after its due day', () => {
    const rows = [
      d('late', {
        receivedOn: '2006-03-01',
        dueOn: '2006-03-30',
        status: 'resolved',
        resolvedOn: '2006-04-05',
      }),
      d('due', { receivedOn: '2006-03-01', dueOn: '2006-03-31' }),
      d('nodue', { receivedOn: '2006-03-01' }),
    ];
    expect(f.open(rows, march, all).ids).toEqual(['late', 'due', 'nodue']);
    expect(f.overdue(rows, march, all).ids).toEqual(['late']);
    expect(f.open(rows, monthPeriod('2006-04'), all).ids).toEqual(['due', 'nodue']);
    expect(f.overdue(rows, monthPeriod('2006-04'), all).ids).toEqual(['due']);
  });

  it('show a resolved one without 해결일 apart: in the to-date rate, in no month', () => {
    const rows = [d('undated', { status: 'resolved' }), d('other', {})];
    expect(f.resolved(rows, march, all).value).toBe(0);
    expect(f.resolvedUndated(rows, all).ids).toEqual(['undated']);
    expect(f.resolutionRate(rows, march, all).rate.value).toBe(50);
    expect(f.open(rows, march, all).ids).toEqual(['other']);
  });

  it('have no rate and no median when there is nothing to compute from, never 0', () => {
    expect(f.resolutionRate([], march, all).rate.value).toBeNull();
    expect(f.medianDaysToResolve([d('x', {})], march, all).value).toBeNull();
  });

  it('take the median of calendar days to resolve', () => {
    const rows = [
      d('a', { receivedOn: '2006-02-27', status: 'resolved', resolvedOn: '2006-03-01' }),
      d('b', { receivedOn: '2006-03-01', status: 'resolved', resolvedOn: '2006-03-11' }),
      d('c', { receivedOn: '2006-03-01', status: 'followUp', resolvedOn: '2006-03-05' }),
      d('d', { receivedOn: '2006-03-01', status: 'resolved', resolvedOn: '2006-03-31' }),
    ];
    // 2, 10, 4, 30 days → median (4 + 10) / 2
    expect(f.medianDaysToResolve(rows, march, all).value).toBe(7);
  });

  it('count only the scope: one cluster, one mini-cluster, every cluster; never deleted rows', () => {
    const rows = [
      d('g1', { miniClusterId: 'mcA' }),
      d('g2', { miniClusterId: 'mcB' }),
      d('u1', { miniClusterId: 'mcU' }, 'ulsan'),
      { ...d('gone', {}), deleted: 1 as const },
    ];
    expect(f.received(rows, march, { kind: 'cluster', clusterId: 'gumi' }).ids).toEqual([
      'g1',
      'g2',
    ]);
    expect(
      f.received(rows, march, { kind: 'miniCluster', clusterId: 'gumi', miniClusterId: 'mcB' }).ids,
    ).toEqual(['g2']);
    expect(f.received(rows, march, all).ids).toEqual(['g1', 'g2', 'u1']);
  });
});

describe('difficulty figures over the demo data, against counts written here', () => {
  const rows = demoRecords('difficulty');
  const resolvedStatus = (s: unknown) => s === 'resolved' || s === 'followUp';

  it('reproduce the published 애로 해결률: 1,086 of 1,380 (78.7 %) by the end of 2006', () => {
    const rate = f.resolutionRate(rows, { kind: 'year', year: 2006 }, all);
    expect(rate.received.value).toBe(DEMO_FACTS.difficultiesReceived);
    expect(rate.resolved.value).toBe(DEMO_FACTS.difficultiesResolved);
    expect(Math.round((rate.rate.value ?? 0) * 10) / 10).toBe(78.7);
  });

  it('match an independent count per cluster and month, and the ids are the records counted', () => {
    for (const clusterId of ['gumi', 'ulsan', 'wonju']) {
      for (const month of ['2005-12', '2006-03', '2006-12']) {
        const mine = rows.filter((r) => r.clusterId === clusterId);
        const scope: Scope = { kind: 'cluster', clusterId };
        const p = monthPeriod(month);
        const rec = mine.filter((r) => String(r.receivedOn).slice(0, 7) === month);
        const res = mine.filter(
          (r) => resolvedStatus(r.status) && String(r.resolvedOn ?? '').slice(0, 7) === month,
        );
        expect(f.received(rows, p, scope).ids).toEqual(rec.map((r) => r.id));
        expect(f.resolved(rows, p, scope).ids).toEqual(res.map((r) => r.id));
      }
    }
  });

  it('split received and resolved by 애로분야 and mini-cluster into parts that add up', () => {
    const year = { kind: 'year' as const, year: 2006 };
    const total = f.received(rows, year, all).value;
    for (const field of ['area', 'miniClusterId'] as const) {
      const parts = f.byField(f.received, field, rows, year, all);
      expect(parts.reduce((n, p) => n + (p.figure.value ?? 0), 0)).toBe(total);
      const tech = parts.find(
        (p) => p.group === (field === 'area' ? 'technology' : rows[0]?.miniClusterId),
      );
      const expected = rows.filter(
        (r) => r[field] === tech?.group && String(r.receivedOn).startsWith('2006'),
      ).length;
      expect(tech?.figure.value).toBe(expected);
    }
  });

  it('keep received to date = resolved + other closed + open at every month end', () => {
    for (const m of f.monthlyDifficulties(rows, { kind: 'year', year: 2006 }, all)) {
      const p = monthPeriod(m.month);
      const toDate = f.receivedToDate(rows, p, all).value ?? 0;
      const day = `${m.month}-31`;
      const otherClosed = rows.filter(
        (r) =>
          (r.status === 'partlyResolved' || r.status === 'unresolved') &&
          String(r.resolvedOn) <= day,
      ).length;
      expect((f.resolvedToDate(rows, p, all).value ?? 0) + otherClosed + (m.open.value ?? 0)).toBe(
        toDate,
      );
      expect(m.overdue.ids.every((id) => m.open.ids.includes(id))).toBe(true);
    }
  });
});
