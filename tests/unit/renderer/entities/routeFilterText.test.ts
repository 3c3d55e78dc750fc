import { describe, expect, it } from 'vitest';
import { entityByName } from '../../../../shared/registry';
import { buildRouteFilter } from '../../../../shared/report';
import { routeFilterText } from '../../../../renderer/features/entities/routeFilter';

const text = (
  name: keyof typeof entityByName,
  query: Record<string, string>,
  lang: 'ko' | 'en' = 'ko',
) => {
  const filter = buildRouteFilter(entityByName[name], query);
  if (!filter) throw new Error('no filter');
  const titles = { miniCluster: new Map([['mc-1', '스마트 부품 MC']]) };
  return routeFilterText(filter, lang, titles);
};

describe('route filter chip text', () => {
  it('names the cluster, statuses and period in Korean, in that order whatever the query order', () => {
    expect(
      text('difficulty', { clusterId: 'gumi', resolvedIn: '2006-03', status: 'resolved,followUp' }),
    ).toBe('구미 · 해결, 사후관리 · 2006-03');
    expect(text('difficulty', { status: 'resolved', resolvedIn: '2006-03' })).toBe(
      '해결 · 2006-03',
    );
    expect(
      text('difficulty', { clusterId: 'gumi', status: 'resolved,followUp', resolvedIn: '2006-03' }),
    ).toBe('구미 · 해결, 사후관리 · 2006-03');
    expect(text('difficulty', { status: 'resolved', resolvedIn: '2006-03' }, 'en')).toBe(
      'Resolved · 2006-03',
    );
  });

  it('shows mini-cluster names, empty groups, booleans, days and id lists readably', () => {
    expect(text('difficulty', { miniClusterId: 'mc-1' })).toBe('스마트 부품 MC');
    expect(text('difficulty', { area: '' })).toBe('(없음)');
    expect(text('resource', { sharedWithNetwork: 'true' })).toMatch(/: 예$/);
    expect(text('difficulty', { overdueOn: '2006-03-31' })).toBe('2006-03-31 기한 경과');
    expect(text('organization', { ids: 'a,b,c' })).toBe('지정한 3건');
  });

  it('keeps hostile text as plain text (React renders it as text, never HTML)', () => {
    expect(text('difficulty', { title: '<img src=x onerror=alert(1)>' })).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});
