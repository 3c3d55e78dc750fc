import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../shared/demo';
import {
  foldForIndex,
  foldKey,
  foldWithPositions,
  matchesQuickFilter,
  parseQuickFilter,
  RANK,
  SearchIndex,
  type SearchDoc,
} from '../../../../shared/korean/search';
import { realFilesPresent, realSkipReason } from '../import/helpers';

const realCsv = resolve(
  __dirname,
  '../../../../../shared/fixtures/real/hwaseong-complex-tenants-2023.csv',
);

/** Company names of the Hwaseong tenant list (column 회사명), as the public file spells them. */
function hwaseongNames(): string[] {
  const lines = readFileSync(realCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1);
  return lines.map((l) => l.split(',')[2] ?? '').filter((n) => n !== '');
}

const titlesOf = (index: SearchIndex, q: string, limit = 50) =>
  index.search(q, { limit }).hits.map((h) => h.title);

describe('folding', () => {
  it('ignores width, case, NFD, spacing and legal forms', () => {
    expect(foldKey('㈜한빛 테크')).toBe('한빛테크');
    expect(foldKey('주식회사 한빛테크')).toBe('한빛테크');
    expect(foldKey('한빛테크 (주) ')).toBe('한빛테크');
    expect(foldKey('재단법인 경북테크노파크')).toBe('경북테크노파크');
    expect(foldKey('(사)한국산업단지협회')).toBe('한국산업단지협회');
    expect(foldKey('ＬＧ Ｄｉｓｐｌａｙ')).toBe('lgdisplay');
    expect(foldKey('한국광기술원'.normalize('NFD'))).toBe('한국광기술원');
    expect(foldKey('（주）한빛')).toBe('한빛'); // full-width parentheses
  });

  it('the index fold (fast path) gives the same key and 초성 as the full fold', () => {
    const names = [
      '㈜한빛테크',
      '한빛테크㈜',
      '주식회사 렘퍼스',
      '(주)구미 전자',
      '재단법인 한국광기술원',
      'ＡＢＣ 전자',
      'Hanbit Co.,Ltd.',
      '(株)大韓',
      '한국광기술원(KOPTI)',
      '㈜',
      '주식회사',
      'ㅎㄱ 한빛',
      '\u1112\u1161\u11ab빛', // NFD 한
      '<script>alert(1)</script>',
      '=HYPERLINK("x")',
      '회사법인연구소',
    ];
    for (const name of names) {
      const full = foldWithPositions(name);
      expect(foldForIndex(name), name).toEqual({ key: full.key, cho: full.cho });
    }
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(foldKey('주식회사')).toBe('주식회사');
    expect(foldKey('주식회사', 'query')).toBe('');
  });
});

// The public files sit beside the repository (../shared/fixtures/real), not in it: a clone
// without them skips these cases and says why.
const realTitle = (name: string) =>
  realFilesPresent ? name : `${name} (skipped: ${realSkipReason})`;

describe.skipIf(!realFilesPresent)(
  realTitle('SearchIndex over the real Hwaseong tenant list'),
  () => {
    const names = realFilesPresent ? hwaseongNames() : [];
    const index = new SearchIndex();
    names.forEach((title, i) => index.upsert({ id: `h${i}`, version: 1, title }));

    it('reads the public file (1,735 rows, names with legal forms and trailing spaces)', () => {
      expect(names.length).toBe(1735);
      expect(names).toContain('주식회사 렘퍼스 ');
      expect(names).toContain('광흥에스피(주) ');
    });

    it('folds every name the same on the index fast path as with positions', () => {
      for (const name of names) expect(foldForIndex(name).key, name).toBe(foldKey(name));
    });

    it('finds names whatever legal form or spacing the user types', () => {
      expect(titlesOf(index, '렘퍼스')[0]).toBe('주식회사 렘퍼스 ');
      expect(titlesOf(index, '(주)렘퍼스')[0]).toBe('주식회사 렘퍼스 ');
      expect(titlesOf(index, '㈜ 광흥에스피')[0]).toBe('광흥에스피(주) ');
      expect(titlesOf(index, '광흥 에스피')[0]).toBe('광흥에스피(주) ');
      expect(titlesOf(index, '한일프라콘 동탄공장')).toContain('한일프라콘(주) 동탄공장');
    });

    it('ranks an exact name above names that start with it, above names holding it', () => {
      const hits = index.search('렘퍼스').hits;
      expect(hits[0]?.rank).toBe(RANK.exact);
      const inside = index.search('에스피').hits;
      const ranks = inside.map((h) => h.rank);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      expect(ranks).toContain(RANK.inside);
    });

    it('finds by initial consonants, also mixed with syllables', () => {
      const hits = index.search('ㄹㅍㅅ').hits;
      expect(hits.map((h) => h.title)).toContain('주식회사 렘퍼스 ');
      const lemp = hits.find((h) => h.title === '주식회사 렘퍼스 ');
      expect(lemp?.rank).toBe(RANK.choseong);
      // the highlight covers 렘퍼스 in the shown title, not the legal form
      expect(lemp?.span).toEqual({ start: 5, end: 8 });
      expect(titlesOf(index, '렘ㅍ스')).toContain('주식회사 렘퍼스 ');
    });
  },
);

describe('SearchIndex with demo data', () => {
  const demo = generateDemoData();
  const orgs = demo.find((d) => d.entity === 'organization')?.rows ?? [];
  const experts = demo.find((d) => d.entity === 'expert')?.rows ?? [];
  const docs: SearchDoc[] = [
    ...orgs.map((r) => ({
      id: r.id,
      version: 1,
      group: 'organization',
      title: String(r.values.name),
      numbers: [r.values.brn as string | undefined, r.values.crn as string | undefined],
      codes: r.values.ksic as string | undefined,
    })),
    ...experts.map((r) => ({
      id: r.id,
      version: 1,
      group: 'expert',
      title: String(r.values.name),
    })),
  ];
  const index = new SearchIndex();
  index.sync(docs);

  it('ㅎㄱㄱㅅ and 한ㄱ광 find 한국광기술원', () => {
    expect(titlesOf(index, 'ㅎㄱㄱㅅ', 10)).toContain('한국광기술원(KOPTI)');
    expect(titlesOf(index, '한ㄱ광')[0]).toBe('한국광기술원(KOPTI)');
    const hit = index.search('한ㄱ광').hits[0];
    expect(hit?.span).toEqual({ start: 0, end: 3 });
    expect(titlesOf(index, '광기술원')).toContain('한국광기술원(KOPTI)');
    expect(titlesOf(index, 'kopti')).toEqual(['한국광기술원(KOPTI)']);
  });

  it('finds a company by 사업자등록번호 and 법인등록번호, with or without hyphens', () => {
    const org = orgs.find((r) => typeof r.values.crn === 'string');
    const brn = String(org?.values.brn);
    const crn = String(org?.values.crn);
    expect(brn).toMatch(/^\d{3}-\d{2}-\d{5}$/);
    for (const q of [brn, brn.replace(/-/g, ''), crn, crn.replace(/-/g, '')]) {
      const hits = index.search(q).hits;
      expect(hits[0]?.id, q).toBe(org?.id);
      expect(hits[0]?.rank).toBe(RANK.exact);
      expect(hits[0]?.field).toBe('number');
    }
    expect(index.search(brn.replace(/-/g, '').slice(0, 6)).hits.map((h) => h.id)).toContain(
      org?.id,
    );
  });

  it('finds companies by a prefix of any of their KSIC codes', () => {
    const small = new SearchIndex();
    small.upsert({ id: 'a', version: 1, title: '구미전자', codes: '26, 261' });
    small.upsert({ id: 'b', version: 1, title: '구미기계', codes: '29222 ， 29223' });
    expect(small.search('261').hits.map((h) => h.id)).toEqual(['a']);
    expect(small.search('26').hits.map((h) => h.id)).toEqual(['a']);
    expect(small.search('29223').hits.map((h) => [h.id, h.field])).toEqual([['b', 'code']]);
    expect(small.search('61').hits).toEqual([]); // a prefix, not any digits inside
  });

  it('groups by entity and finds an expert by 초성', () => {
    const expert = experts[0];
    const name = String(expert?.values.name);
    const cho = [...name]
      .map(
        (c) =>
          'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'[Math.floor((c.charCodeAt(0) - 0xac00) / 588)],
      )
      .join('');
    const hits = index.search(cho, { group: 'expert', limit: 1000 }).hits;
    expect(hits.map((h) => h.id)).toContain(expert?.id);
    expect(hits.every((h) => h.group === 'expert')).toBe(true);
  });
});

describe('SearchIndex follows writes', () => {
  it('re-indexes only changed versions and drops removed records', () => {
    const index = new SearchIndex();
    expect(
      index.sync([
        { id: 'a', version: 1, title: '한빛정밀' },
        { id: 'b', version: 1, title: '구미전자' },
      ]),
    ).toBe(2);
    expect(
      index.sync([
        { id: 'a', version: 1, title: '한빛정밀' },
        { id: 'b', version: 2, title: '구미전자2' },
      ]),
    ).toBe(1);
    expect(index.search('구미전자2').hits.map((h) => h.id)).toEqual(['b']);
    // same version, new title: not re-indexed (the version is what says a record changed)
    expect(index.upsert({ id: 'a', version: 1, title: '다른이름' })).toBe(false);
    expect(index.sync([{ id: 'b', version: 2, title: '구미전자2' }])).toBe(1);
    expect(index.has('a')).toBe(false);
    expect(index.search('한빛').hits).toEqual([]);
  });

  it('treats hostile strings as plain text', () => {
    const index = new SearchIndex();
    index.upsert({ id: 'x', version: 1, title: '<img src=x onerror=alert(1)>(주)' });
    index.upsert({ id: 'y', version: 1, title: '=HYPERLINK("http://x")' });
    expect(index.search('<img').hits.map((h) => h.id)).toEqual(['x']);
    expect(index.search('=hyperlink(').hits.map((h) => h.id)).toEqual(['y']);
    expect(index.search('.*').hits).toEqual([]);
  });
});

describe('grid quick filter', () => {
  const row = (...cols: string[]) => cols.join('\n').toUpperCase(); // as AG Grid builds it
  const passes = (query: string, text: string) =>
    matchesQuickFilter(parseQuickFilter(query.toUpperCase()), text);

  it('agrees with the index on names, spacing, legal forms and 초성', () => {
    const text = row('주식회사 렘퍼스', '기업', '123-45-67890', '26, 261');
    expect(passes('렘퍼스', text)).toBe(true);
    expect(passes('㈜렘퍼스', text)).toBe(true);
    expect(passes('ㄹㅍㅅ', text)).toBe(true);
    expect(passes('렘 퍼스', text)).toBe(true);
    expect(passes('렘퍼스 기업', text)).toBe(true); // words in different columns
    expect(passes('렘퍼스 기관', text)).toBe(false);
    expect(passes('1234567890', text)).toBe(true);
    expect(passes('123-45', text)).toBe(true);
    expect(passes('261', text)).toBe(true);
    expect(passes('한빛', text)).toBe(false);
    expect(passes('', text)).toBe(true);
    expect(passes('(주)', text)).toBe(true); // a lone legal form asks for nothing
  });

  it('does not join columns into false matches', () => {
    expect(passes('퍼스기업', row('렘퍼스', '기업'))).toBe(false);
  });
});
