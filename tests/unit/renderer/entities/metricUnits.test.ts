import { describe, expect, it } from 'vitest';
import { fieldText } from '../../../../renderer/features/entities/display';
import { fieldColumn } from '../../../../renderer/features/entities/columns';
import { getEntity, metricUnitOf, metricUnitWord } from '../../../../shared/registry';
import { METRIC_MONEY_UNIT } from '../../../../shared/import/metricUnits';

const ctx = { lang: 'ko' as const, titles: undefined };
const value = (entity: 'indicator' | 'target') =>
  getEntity(entity).fields.find((f) => f.key === 'value')!;

// 성과지표 값 and 목표값 mean 원, 달러, 명 or % depending on the row's metric: show which.
describe('a value whose unit the metric decides', () => {
  it('reads exports in 달러, production in 원, employment in 명, a rate in %', () => {
    const f = value('indicator');
    expect(fieldText(f, 685_000_000, ctx, { metric: 'exports' })).toBe('685,000,000달러');
    expect(fieldText(f, 1_200_000, ctx, { metric: 'production' })).toBe('1,200,000원');
    expect(fieldText(f, 1234, ctx, { metric: 'employment' })).toBe('1,234명');
    expect(fieldText(f, 78.7, ctx, { metric: 'operatingRate' })).toMatch(/^78\.7\s?%$/);
    expect(fieldText(f, 1234, { ...ctx, lang: 'en' }, { metric: 'tenants' })).toBe(
      '1,234 companies',
    );
  });

  it('falls back to a plain number without a record or with an unknown metric', () => {
    const f = value('target');
    expect(fieldText(f, 1234.5, ctx)).toBe('1,234.5');
    expect(fieldText(f, 1234.5, ctx, { metric: 'somethingNew' })).toBe('1,234.5');
  });

  it('the grid cell formats with its row', () => {
    const col = fieldColumn(value('target'), 'ko');
    const format = col.valueFormatter as (p: unknown) => string;
    expect(format({ value: 194_000_000_000, data: { metric: 'exports' }, context: {} })).toBe(
      '194,000,000,000달러',
    );
  });

  it('the form shows the unit word after the input; the import uses the same currencies', () => {
    const unit = metricUnitOf('metric', { metric: 'exports' });
    expect(metricUnitWord(unit, 'ko')).toBe('달러');
    expect(metricUnitWord(metricUnitOf('metric', { metric: 'employment' }), 'ko')).toBe('명');
    expect(metricUnitWord(metricUnitOf('metric', {}), 'ko')).toBe('');
    expect(METRIC_MONEY_UNIT).toEqual({ production: 'KRW', exports: 'USD' });
  });
});
