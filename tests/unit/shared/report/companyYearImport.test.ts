import { describe, expect, it } from 'vitest';
import { entityByName, validateRecord } from '../../../../shared/registry';
import { mapColumns } from '../../../../shared/import/mapping';

describe('company yearly figures are importable like every entity', () => {
  it('maps the headers a company survey uses to the registry fields', () => {
    const headers = ['업체명', '기준연도', '매출액', '수출액', '종업원수', '자료출처', '비고'];
    const mapped = mapColumns(headers, entityByName.companyYear).map((m) => m.field);
    expect(mapped).toEqual([
      'companyId',
      'year',
      'revenueKrw',
      'exportsUsd',
      'employees',
      'source',
      'notes',
    ]);
  });

  it('refuses a negative revenue and a year out of range, naming the field', () => {
    const bad = validateRecord(entityByName.companyYear, {
      companyId: 'org-1',
      year: 1800,
      revenueKrw: -5,
    });
    expect(bad.ok).toBe(false);
  });
});
