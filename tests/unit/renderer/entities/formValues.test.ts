import { describe, expect, it } from 'vitest';
import { getEntity, validateRecord, type StoredRecord } from '../../../../shared/registry';
import {
  changedFieldKeys,
  errorsByField,
  formValuesToInput,
  groupThousands,
  normaliseDateText,
  normaliseNumberText,
  recordToFormValues,
  updatePatch,
} from '../../../../renderer/features/entities/formValues';

const organization = getEntity('organization');
const difficulty = getEntity('difficulty');
const expert = getEntity('expert');

const meta = {
  id: '01HZX',
  clusterId: 'gumi',
  version: 3,
  hlc: 'h',
  deviceId: 'd',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  deleted: 0 as const,
};

describe('number and date text', () => {
  it('groups thousands on the integer part only', () => {
    expect(groupThousands('1234567')).toBe('1,234,567');
    expect(groupThousands('-1234.5678')).toBe('-1,234.5678');
    expect(groupThousands('12')).toBe('12');
  });

  it('normalises typed numbers on blur, leaving non-numbers for the error to explain', () => {
    expect(normaliseNumberText('1234567')).toBe('1,234,567');
    expect(normaliseNumberText('1,234,567')).toBe('1,234,567');
    expect(normaliseNumberText('1.2억')).toBe('120,000,000');
    expect(normaliseNumberText('  ')).toBe('');
    expect(normaliseNumberText('많음')).toBe('많음');
  });

  it('normalises typed dates on blur', () => {
    expect(normaliseDateText('2006.4.1')).toBe('2006-04-01');
    expect(normaliseDateText('20060401')).toBe('2006-04-01');
    expect(normaliseDateText('2006-02-30')).toBe('2006-02-30'); // not a date: kept for the error
    expect(normaliseDateText('')).toBe('');
  });
});

describe('record → form values', () => {
  it('gives every field a value, blank ones empty', () => {
    const values = recordToFormValues(difficulty);
    expect(Object.keys(values)).toEqual(difficulty.fields.map((f) => f.key));
    expect(values.title).toBe('');
    expect(values.expertIds).toEqual([]);
    expect(values.supportTypes).toEqual([]);
  });

  it('shows numbers with separators, tags as comma text, booleans as booleans', () => {
    const record: StoredRecord = {
      ...meta,
      name: '김광수',
      expertise: ['LED', '광학설계'],
      patents: 12345,
      sharedWithNetwork: true,
    };
    const values = recordToFormValues(expert, record);
    expect(values.patents).toBe('12,345');
    expect(values.expertise).toBe('LED, 광학설계');
    expect(values.sharedWithNetwork).toBe(true);
    expect(values.email).toBe('');
  });
});

describe('form values → record input', () => {
  it('turns blanks into absent keys and number text into numbers', () => {
    const values = recordToFormValues(organization);
    values.name = '  (주)한빛정밀 ';
    values.kind = 'company';
    values.revenueKrw = '5,000,000,000';
    values.employees = '1,086';
    values.representative = '   ';
    const input = formValuesToInput(organization, values);
    expect(input).toEqual({
      name: '  (주)한빛정밀 ',
      kind: 'company',
      revenueKrw: 5_000_000_000,
      employees: 1086,
    });
    const check = validateRecord(organization, input, 'ko');
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.value.name).toBe('(주)한빛정밀');
  });

  it('passes unreadable numbers on so validation reports them in Korean', () => {
    const values = recordToFormValues(organization);
    values.name = 'A';
    values.kind = 'company';
    values.employees = '많음';
    const input = formValuesToInput(organization, values);
    expect(input.employees).toBe('많음');
    const check = validateRecord(organization, input, 'ko');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(errorsByField(check.errors).employees).toBe('종업원수에는 숫자를 입력하세요');
    }
  });

  it('normalises dates, splits tags and keeps lists', () => {
    const values = recordToFormValues(difficulty);
    values.receivedOn = '2006.4.1';
    values.expertIds = ['e1', 'e2'];
    values.supportTypes = [];
    const input = formValuesToInput(difficulty, values);
    expect(input.receivedOn).toBe('2006-04-01');
    expect(input.expertIds).toEqual(['e1', 'e2']);
    expect('supportTypes' in input).toBe(false);

    const ex = recordToFormValues(expert);
    ex.expertise = 'LED,  광학설계 ,, 조명';
    expect(formValuesToInput(expert, ex).expertise).toEqual(['LED', '광학설계', '조명']);
  });

  it('reports a required field left blank', () => {
    const check = validateRecord(
      organization,
      formValuesToInput(organization, recordToFormValues(organization)),
      'ko',
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(errorsByField(check.errors).name).toBe('기관명을(를) 입력하세요');
  });
});

describe('update patch', () => {
  const record: StoredRecord = {
    ...meta,
    name: '(주)한빛정밀',
    kind: 'company',
    employees: 120,
    phone: '054-123-4567',
  };

  it('holds only the changed fields; a cleared field is null, not left out', () => {
    const initial = recordToFormValues(organization, record);
    const current = { ...initial, employees: '1,200', phone: '' };
    expect(changedFieldKeys(organization, initial, current).sort()).toEqual(['employees', 'phone']);
    expect(updatePatch(organization, initial, current)).toEqual({ employees: 1200, phone: null });
  });

  it('is empty when nothing changed (re-formatting alone is no change)', () => {
    const initial = recordToFormValues(organization, record);
    expect(updatePatch(organization, initial, { ...initial })).toEqual({});
  });

  it('keeps the first error per field', () => {
    expect(
      errorsByField([
        { field: 'brn', message: 'first' },
        { field: 'brn', message: 'second' },
        { field: 'name', message: 'n' },
      ]),
    ).toEqual({ brn: 'first', name: 'n' });
  });
});
