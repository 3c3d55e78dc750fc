/** Enum codes are stored; labels and synonyms are what users type and spreadsheets hold. */
import { describe, expect, it } from 'vitest';
import { enums, enumLabel, enumCode } from '../../../../shared/registry';
import { CENTRAL_OFFICE_CODE, type EnumOption } from '../../../../shared/registry/enums';

const all = Object.entries(enums) as Array<[string, EnumOption[]]>;
/** The same forgiving comparison enumCode falls back to (spaces, dots, slashes, case). */
const loose = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s·・.,/_-]/g, '')
    .toLowerCase();

describe('enums', () => {
  it.each(all)('%s has unique codes and Korean labels', (_, options) => {
    expect(options.length).toBeGreaterThan(1);
    for (const pick of [(o: EnumOption) => o.code, (o: EnumOption) => o.label.ko]) {
      const values = options.map(pick);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it.each(all)('%s maps every spelling to exactly one option', (_, options) => {
    const owner = new Map<string, string>();
    for (const o of options) {
      for (const s of new Set([o.code, o.label.ko, o.label.en, ...(o.synonyms ?? [])].map(loose))) {
        expect(owner.get(s), `"${s}" of ${o.code} and ${owner.get(s)}`).toBeUndefined();
        owner.set(s, o.code);
      }
    }
  });

  it.each(all)('%s: code, labels and synonyms all map back to the code', (_, options) => {
    for (const o of options) {
      for (const spelling of [o.code, o.label.ko, o.label.en, ...(o.synonyms ?? [])]) {
        expect(enumCode(options, spelling)).toBe(o.code);
      }
    }
  });
});

describe('enumCode', () => {
  const area = enums.difficultyArea;
  it('reads labels, synonyms and loose spellings of the 애로분야', () => {
    expect(enumCode(area, '인증·규제')).toBe('certification');
    expect(enumCode(area, '인증/규제')).toBe('certification');
    expect(enumCode(area, ' 인증 규제 ')).toBe('certification');
    expect(enumCode(area, '판로')).toBe('marketing');
    expect(enumCode(area, 'R&D')).toBe('technology');
    expect(enumCode(area, 'MARKETING AND SALES')).toBe('marketing');
  });

  it('reads numeric codes that spreadsheets store as numbers', () => {
    expect(enumCode(enums.satisfaction, 5)).toBe('5');
    expect(enumCode(enums.ksicRevision, 10)).toBe('10');
    expect(enumCode(enums.ksicRevision, '10차')).toBe('10');
  });

  it('returns unknown values unchanged for the validator to reject', () => {
    expect(enumCode(area, '우주개발')).toBe('우주개발');
    expect(enumCode(area, null)).toBeNull();
  });
});

describe('enumLabel', () => {
  it('shows the label of the current language, or the code when unknown', () => {
    expect(enumLabel('clusterCode', 'banwol-sihwa', 'ko')).toBe('반월·시화');
    expect(enumLabel('clusterCode', 'banwol-sihwa', 'en')).toBe('Banwol-Sihwa');
    expect(enumLabel('difficultyStatus', 'gone', 'ko')).toBe('gone');
    expect(enumLabel('noSuchEnum', 'x', 'ko')).toBe('x');
  });

  it('covers the seven pilot clusters of 2005', () => {
    expect(enums.clusterCode.map((o) => o.code)).toEqual([
      'changwon',
      'gumi',
      'ulsan',
      'banwol-sihwa',
      'gwangju',
      'wonju',
      'gunsan',
    ]);
  });
});

describe('record owners', () => {
  it('are the seven clusters plus the central office, which is not a cluster to choose', () => {
    expect(enums.recordOwner.map((o) => o.code)).toEqual([
      ...enums.clusterCode.map((o) => o.code),
      CENTRAL_OFFICE_CODE,
    ]);
    expect(enums.clusterCode.some((o) => o.code === CENTRAL_OFFICE_CODE)).toBe(false);
    expect(enumLabel('recordOwner', 'central', 'ko')).toBe('사무국');
    expect(enumLabel('recordOwner', 'gumi', 'ko')).toBe('구미');
  });
});
