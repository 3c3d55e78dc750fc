import { describe, expect, it } from 'vitest';
import { fieldText } from '../../../../renderer/features/entities/display';
import { columnsForEntity, exportCell } from '../../../../shared/export';
import { entities, getEntity } from '../../../../shared/registry';

const ctx = { lang: 'ko' as const, titles: undefined };

// "2,006" reads as an amount: years, codes and ids keep their digits as written.
describe('plain digits (years, codes)', () => {
  it('every integer field that holds a year is marked plainDigits', () => {
    const years = entities.flatMap((e) =>
      e.fields.filter((f) => f.kind === 'integer' && /year$/i.test(f.key)),
    );
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (const f of years) expect(f.plainDigits, f.key).toBe(true);
  });

  it('the grid and form text of a year has no thousands separator; amounts keep theirs', () => {
    const year = getEntity('target').fields.find((f) => f.key === 'year')!;
    expect(fieldText(year, 2013, ctx)).toBe('2013');
    const count = { ...year, plainDigits: undefined, key: 'count' };
    expect(fieldText(count, 2013, ctx)).toBe('2,013');
  });

  it('exports a year as a number cell with the plain "0" format', () => {
    const col = columnsForEntity(getEntity('successCase'), 'ko', ['year'])[0]!;
    expect(exportCell(col, 2006, { lang: 'ko' })).toEqual({
      type: 'number',
      value: 2006,
      numFmt: '0',
    });
  });
});

describe('plain digits in the form', () => {
  it('shows and normalises a year without separators', async () => {
    const { toFormValue, normaliseNumberText } =
      await import('../../../../renderer/features/entities/formValues');
    const year = getEntity('target').fields.find((f) => f.key === 'year')!;
    expect(toFormValue(year, 2013)).toBe('2013');
    expect(normaliseNumberText('2,013', true)).toBe('2013');
    expect(normaliseNumberText('1234567')).toBe('1,234,567');
  });
});

describe('the 사업자등록번호 example the form shows', () => {
  it('is itself a valid number (a hint that fails its own check digit misleads)', async () => {
    const { isValidBrn } = await import('../../../../shared/korean/ids');
    const { validationMessages } = await import('../../../../shared/i18n/validation');
    const help = getEntity('organization').fields.find((f) => f.kind === 'brn')!.help!;
    const texts = [
      help.ko,
      help.en,
      ...Object.values(validationMessages).map((m) => m['validation.brnLength']),
    ];
    for (const text of texts) {
      const example = /\d{3}-\d{2}-\d{5}/.exec(text ?? '')?.[0];
      expect(example, text).toBeDefined();
      expect(isValidBrn(example!), example).toBe(true);
    }
  });
});
