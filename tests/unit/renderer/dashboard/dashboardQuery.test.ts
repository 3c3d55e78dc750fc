import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  readDashboardQuery,
  scopeParam,
} from '../../../../renderer/features/dashboard/dashboardQuery';

const fallback = () => ({ kind: 'year' as const, year: 1999 });

describe('dashboard query', () => {
  it('opens on the month of the latest difficulty received, never a future one', () => {
    const rows = [
      { id: 'a', clusterId: 'gumi', receivedOn: '2006-03-05' },
      { id: 'b', clusterId: 'gumi', receivedOn: '2006-11-30' },
      { id: 'c', clusterId: 'gumi', receivedOn: '2099-01-01' },
      { id: 'd', clusterId: 'gumi' },
    ];
    expect(defaultPeriod(rows, '2026-12-02')).toEqual({ kind: 'month', year: 2006, month: 11 });
    expect(defaultPeriod([], '2026-12-02')).toEqual({ kind: 'month', year: 2026, month: 12 });
  });

  it('reads period, scope and metric, defaulting to the own cluster', () => {
    expect(readDashboardQuery({ period: '2006-Q1' }, 'gumi', fallback)).toEqual({
      period: { kind: 'quarter', year: 2006, quarter: 1 },
      scope: { kind: 'cluster', clusterId: 'gumi' },
      metric: 'exports',
    });
    expect(readDashboardQuery({ scope: 'all', metric: 'production' }, 'gumi', fallback)).toEqual({
      period: fallback(),
      scope: { kind: 'all' },
      metric: 'production',
    });
    const mc = readDashboardQuery({ scope: 'mc:m1' }, 'gumi', fallback).scope;
    expect(mc).toEqual({ kind: 'miniCluster', clusterId: 'gumi', miniClusterId: 'm1' });
    expect(scopeParam(mc)).toBe('mc:m1');
    expect(scopeParam({ kind: 'cluster', clusterId: 'gumi' })).toBe('');
  });

  it('falls back on a hand-typed bad period instead of failing', () => {
    expect(readDashboardQuery({ period: '2006-13' }, undefined, fallback)).toEqual({
      period: fallback(),
      scope: { kind: 'all' },
      metric: 'exports',
    });
  });
});
