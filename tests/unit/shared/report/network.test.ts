import { describe, expect, it } from 'vitest';
import {
  monthPeriod,
  resourcesShared,
  successCases,
  yearsOf,
  type FigureRecord,
} from '../../../../shared/report';

const r = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  ...fields,
});

describe('success cases and shared resources', () => {
  it('count success cases by the years a period touches', () => {
    const rows = [
      r('a', { year: 2005 }),
      r('b', { year: 2006 }),
      r('c', { year: 2006 }, 'ulsan'),
      r('d', { year: '2006' }),
      r('e', { year: 2006, deleted: 1 }),
    ];
    const gumi = { kind: 'cluster' as const, clusterId: 'gumi' };
    expect(successCases(rows, monthPeriod('2006-03'), gumi).ids).toEqual(['b']);
    expect(successCases(rows, monthPeriod('2006-03'), { kind: 'all' }).ids).toEqual(['b', 'c']);
    const span = { kind: 'range' as const, from: '2005-11-01', to: '2006-02-28' };
    expect(yearsOf(span)).toEqual([2005, 2006]);
    expect(successCases(rows, span, gumi)).toEqual({
      key: 'successCases',
      value: 2,
      ids: ['a', 'b'],
    });
  });

  it('count only resources marked as shared with the network', () => {
    const rows = [
      r('yes', { sharedWithNetwork: true }),
      r('no', { sharedWithNetwork: false }),
      r('unset', {}),
      r('text', { sharedWithNetwork: 'true' }),
    ];
    expect(resourcesShared(rows, { kind: 'all' }).ids).toEqual(['yes']);
  });
});
