import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../shared/korean/search';
import {
  exactRef,
  searchRefs,
  syncRefIndex,
} from '../../../../renderer/features/entities/widgets/refSearch';

describe('reference pickers use the Korean matcher', () => {
  const experts = new Map([
    ['e1', '강기우'],
    ['e2', '김민준'],
    ['e3', '박기우'],
  ]);
  const orgs = new Map([
    ['o1', '㈜한빛테크'],
    ['o2', '한국광기술원(KOPTI)'],
    ['o3', '주식회사 렘퍼스'],
  ]);

  it('finds an expert by 초성 and a company whatever its legal form', () => {
    expect(searchRefs(experts, 'ㄱㅁㅈ').options.map((o) => o.id)).toEqual(['e2']);
    expect(searchRefs(experts, 'ㄱㅇ').options.map((o) => o.id)).toEqual(['e1', 'e3']);
    expect(searchRefs(orgs, '(주)렘퍼스').options.map((o) => o.id)).toEqual(['o3']);
    expect(searchRefs(orgs, '한빛 테크').options.map((o) => o.id)).toEqual(['o1']);
    expect(searchRefs(orgs, '한ㄱ광').options[0]).toEqual({
      id: 'o2',
      title: '한국광기술원(KOPTI)',
      span: { start: 0, end: 3 },
    });
  });

  it('orders an empty query by name without the legal form', () => {
    expect(searchRefs(orgs, '').options.map((o) => o.title)).toEqual([
      '주식회사 렘퍼스',
      '한국광기술원(KOPTI)',
      '㈜한빛테크',
    ]);
  });

  it('follows changed titles without rebuilding', () => {
    const index = syncRefIndex(new SearchIndex(), experts);
    const changed = new Map(experts);
    changed.set('e2', '김서연');
    changed.delete('e3');
    syncRefIndex(index, changed);
    expect(index.size).toBe(2);
    expect(searchRefs(changed, 'ㄱㅅㅇ', new Set(), 50, index).options.map((o) => o.id)).toEqual([
      'e2',
    ]);
    expect(searchRefs(changed, '박기우', new Set(), 50, index).options).toEqual([]);
  });
});

describe('a company picker finds a company by 사업자등록번호', () => {
  const titles = new Map([
    ['o1', '㈜한빛테크'],
    ['o2', '구미전자'],
    ['o3', '주식회사 구미전자'],
  ]);
  const numbers = new Map([
    ['o1', ['123-45-67890']],
    ['o2', ['220-81-12345']],
  ]);

  it('with or without hyphens, by prefix while typing; a full number picks on blur', () => {
    const index = syncRefIndex(new SearchIndex(), titles, numbers);
    for (const q of ['1234567890', '123-45-67890', '12345'])
      expect(searchRefs(titles, q, new Set(), 50, index).options.map((o) => o.id)).toEqual(['o1']);
    expect(exactRef(titles, '2208112345', new Set(), index)).toBe('o2');
    expect(exactRef(titles, '22081', new Set(), index)).toBeUndefined();
    // without numbers the number finds nothing
    expect(searchRefs(titles, '1234567890').options).toEqual([]);
  });

  it('follows a changed number, and an exact title typed by the matcher’s rules', () => {
    const index = syncRefIndex(new SearchIndex(), titles, numbers);
    syncRefIndex(index, titles, new Map([['o1', ['999-45-67890']]]));
    expect(searchRefs(titles, '1234567890', new Set(), 50, index).options).toEqual([]);
    expect(searchRefs(titles, '9994567890', new Set(), 50, index).options[0]?.id).toBe('o1');
    expect(exactRef(titles, '(주) 한빛테크', new Set(), index)).toBe('o1');
    // 구미전자 and 주식회사 구미전자 fold alike: ambiguous, so nothing is picked silently
    expect(exactRef(titles, '구미전자', new Set(), index)).toBeUndefined();
    expect(exactRef(titles, '구미전자', new Set(['o3']), index)).toBe('o2');
  });
});
