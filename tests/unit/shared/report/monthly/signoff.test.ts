import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNOFF_ROLES,
  parseSignoffLabels,
  signoffNames,
  signoffRoles,
} from '../../../../../shared/report/monthly';

describe('결재란 (sign-off box)', () => {
  it('uses the stored roles when valid and the defaults when the setting is damaged', () => {
    expect(signoffRoles([{ label: '검토' }])).toEqual([{ label: '검토' }]);
    expect(signoffRoles(undefined)).toEqual(DEFAULT_SIGNOFF_ROLES);
    expect(signoffRoles('담당')).toEqual(DEFAULT_SIGNOFF_ROLES);
    expect(signoffRoles([])).toEqual(DEFAULT_SIGNOFF_ROLES);
  });

  it('parses typed labels, keeping the staff link of a known label', () => {
    expect(parseSignoffLabels('담당 · 검토, 단장', DEFAULT_SIGNOFF_ROLES)).toEqual([
      { label: '담당', staffRole: 'coordinator' },
      { label: '검토' },
      { label: '단장', staffRole: 'head' },
    ]);
  });

  it('refuses an empty or too long list with a Korean message first', () => {
    expect(() => parseSignoffLabels(' , ', [])).toThrow(/^결재란 직위는/);
    expect(() => parseSignoffLabels('a,b,c,d,e,f,g', [])).toThrow(/Use 1–6 roles/);
    expect(() => parseSignoffLabels('아주아주아주아주긴직위이름', [])).toThrow(/10자/);
  });

  it('takes names from the staff list by role and leaves blanks for anything unexpected', () => {
    const staff = [
      { name: '김담당', role: 'coordinator' },
      { name: '박단장 ', role: 'head' },
      { role: 'chiefCoordinator' },
      'garbage',
    ];
    expect(signoffNames(DEFAULT_SIGNOFF_ROLES, staff)).toEqual(['김담당', '', '박단장']);
    expect(signoffNames(DEFAULT_SIGNOFF_ROLES, undefined)).toEqual(['', '', '']);
    expect(signoffNames(DEFAULT_SIGNOFF_ROLES, { staff: 1 })).toEqual(['', '', '']);
  });
});
