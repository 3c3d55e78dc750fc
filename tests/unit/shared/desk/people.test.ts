import { describe, expect, it } from 'vitest';
import { asStaffList, checkPerson } from '../../../../shared/desk';

describe('people: profile and staff list', () => {
  it('accepts a name with a staffRole code, trimmed', () => {
    expect(checkPerson({ name: ' 김수석 ', role: 'chiefCoordinator' }, 'ko')).toEqual({
      ok: true,
      value: { name: '김수석', role: 'chiefCoordinator' },
    });
  });

  it('refuses a blank name and an unknown role, each on its field, Korean first', () => {
    expect(checkPerson({ name: '', role: 'boss' }, 'ko')).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: '이름을 입력하세요' },
        { field: 'role', message: '직책을 고르세요' },
      ],
    });
    const en = checkPerson({ name: 'x'.repeat(51), role: 'head' }, 'en');
    expect(en.ok === false && en.errors[0]?.message).toBe('A name has at most 50 characters');
  });

  it('keeps hostile names as plain text (rendered as text, exports guard formulas)', () => {
    const r = checkPerson({ name: '=HYPERLINK("x")<b>', role: 'coordinator' }, 'ko');
    expect(r.ok && r.value.name).toBe('=HYPERLINK("x")<b>');
  });

  it('reads a stored staff list, dropping malformed entries and repeated names', () => {
    expect(
      asStaffList([
        { name: '김단장', role: 'head' },
        { name: '김단장', role: 'coordinator' },
        { name: '', role: 'head' },
        'junk',
        { name: '이코디', role: 'coordinator' },
      ]),
    ).toEqual([
      { name: '김단장', role: 'head' },
      { name: '이코디', role: 'coordinator' },
    ]);
    expect(asStaffList(undefined)).toEqual([]);
  });
});
