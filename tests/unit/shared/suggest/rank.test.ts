import { describe, expect, it } from 'vitest';
import { suggestExperts, type SuggestInput, type SuggestRow } from '../../../../shared/suggest';
import { keywordTokens, ksicCodes, sharedKsicPrefix } from '../../../../shared/suggest/text';

const orgs = new Map<string, SuggestRow>([
  ['company', { id: 'company', name: '구미정밀', ksic: '29222' }],
  ['lab', { id: 'lab', name: '금오공대', ksic: '2922, 85' }],
  ['far', { id: 'far', name: '먼기관', ksic: '10' }],
]);

const difficulty: SuggestRow = {
  id: 'd-new',
  title: 'CNC 정밀가공 불량률 개선',
  description: '금형 표면 거칠기가 기준을 넘습니다.',
  area: 'technology',
  techField: '정밀가공',
  companyId: 'company',
  miniClusterId: 'mc1',
  status: 'received',
};

function input(overrides: Partial<SuggestInput> = {}): SuggestInput {
  return {
    difficulty,
    experts: [
      { id: 'e-best', name: '김정밀', expertise: ['정밀가공', '금형'], organizationId: 'lab' },
      { id: 'e-tag', name: '이가공', expertise: ['정밀가공'], organizationId: 'far' },
      { id: 'e-none', name: '박무관', expertise: ['식품'], organizationId: 'far' },
      { id: 'e-mc', name: '최회원', expertise: ['경영'], organizationId: 'far' },
    ],
    organizations: orgs,
    memberships: [
      { id: 'm1', miniClusterId: 'mc1', expertId: 'e-best', role: 'member' },
      { id: 'm2', miniClusterId: 'mc1', expertId: 'e-mc', role: 'member' },
      { id: 'm3', miniClusterId: 'mc2', expertId: 'e-tag', role: 'member' },
    ],
    difficulties: [
      difficulty,
      ...[5, 5, 4].map((s, i) => ({
        id: `past-${i}`,
        title: `정밀가공 치수 불량 ${i}`,
        area: 'technology',
        status: 'resolved',
        satisfaction: String(s),
        expertIds: ['e-best'],
      })),
      // Resolved but not similar (other area, no shared keyword): no credit.
      {
        id: 'past-x',
        title: '수출 바이어 발굴',
        area: 'export',
        status: 'resolved',
        expertIds: ['e-mc'],
      },
      // Similar but not resolved: no credit.
      {
        id: 'past-open',
        title: '정밀가공 치수',
        area: 'technology',
        status: 'inSupport',
        expertIds: ['e-tag'],
      },
    ],
    ...overrides,
  };
}

describe('suggestExperts', () => {
  it('ranks the expert every signal points to first, with a reason for each signal', () => {
    const [first, ...rest] = suggestExperts(input());
    expect(first?.expertId).toBe('e-best');
    const labels = first?.reasons.map((r) => r.label.ko);
    expect(labels).toEqual([
      '전문분야 일치: 정밀가공, 금형',
      '같은 미니클러스터',
      '소속기관 업종 일치 (KSIC 2922)',
      '유사 애로 3건 해결, 만족도 4.7',
    ]);
    expect(first?.reasons.map((r) => r.label.en)).toContain(
      'Solved 3 similar difficulties, satisfaction 4.7',
    );
    expect(rest.map((s) => s.expertId)).toEqual(['e-mc', 'e-tag']);
    expect(rest.every((s) => s.reasons.length > 0)).toBe(true);
  });

  it('leaves out experts no signal points to', () => {
    expect(suggestExperts(input()).map((s) => s.expertId)).not.toContain('e-none');
  });

  it('never suggests an expert marked unavailable, however good the match', () => {
    const base = input();
    const experts = base.experts.map((e) => (e.id === 'e-best' ? { ...e, unavailable: true } : e));
    const ids = suggestExperts({ ...base, experts }).map((s) => s.expertId);
    expect(ids).not.toContain('e-best');
    expect(ids[0]).toBe('e-mc');
  });

  it('skips deleted experts and the ones already assigned to the difficulty', () => {
    const base = input();
    const experts = base.experts.map((e) => (e.id === 'e-mc' ? { ...e, deleted: 1 } : e));
    const assigned = { ...difficulty, expertIds: ['e-best'] };
    const ids = suggestExperts({ ...base, experts, difficulty: assigned }).map((s) => s.expertId);
    expect(ids).toEqual(['e-tag']);
  });

  it('does not count a membership that ended before asOf', () => {
    const base = input();
    const memberships = [{ id: 'm2', miniClusterId: 'mc1', expertId: 'e-mc', until: '2020-01-01' }];
    const withEnd = suggestExperts({ ...base, memberships, asOf: '2026-01-01' });
    expect(withEnd.map((s) => s.expertId)).not.toContain('e-mc');
    const before = suggestExperts({ ...base, memberships, asOf: '2019-06-01' });
    expect(before.map((s) => s.expertId)).toContain('e-mc');
  });

  it('breaks ties by name, then id, whatever the input order', () => {
    const twins: SuggestRow[] = [
      { id: 'z2', name: '나', expertise: ['금형'] },
      { id: 'z1', name: '나', expertise: ['금형'] },
      { id: 'z0', name: '가', expertise: ['금형'] },
    ];
    const base = { ...input(), memberships: [], difficulties: [] };
    const a = suggestExperts({ ...base, experts: twins }).map((s) => s.expertId);
    const b = suggestExperts({ ...base, experts: [...twins].reverse() }).map((s) => s.expertId);
    expect(a).toEqual(['z0', 'z1', 'z2']);
    expect(b).toEqual(a);
  });

  it('returns at most five', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `x${i}`,
      name: `전문가${i}`,
      expertise: ['금형'],
    }));
    expect(suggestExperts({ ...input(), experts: many })).toHaveLength(5);
  });

  it('matches a tag against the 애로분야 label and its synonyms', () => {
    const cert = {
      ...difficulty,
      title: 'CE 마크 취득',
      description: '',
      techField: '',
      area: 'certification',
    };
    const experts = [{ id: 'c', name: '인증전문', expertise: ['인증'] }];
    const [s] = suggestExperts({ ...input(), difficulty: cert, experts, difficulties: [] });
    expect(s?.reasons[0]?.label.ko).toBe('전문분야 일치: 인증');
  });

  it('treats hostile strings as plain text', () => {
    const hostile = { ...difficulty, title: '=HYPERLINK("x") <img src=x onerror=alert(1)>' };
    const experts = [{ id: 'h', name: '<b>x</b>', expertise: ['<img'] }];
    const out = suggestExperts({ ...input(), difficulty: hostile, experts, difficulties: [] });
    expect(out.map((s) => s.name)).toEqual(['<b>x</b>']);
  });
});

describe('suggest text helpers', () => {
  it('tokenises on spaces and punctuation, dropping one-letter words', () => {
    expect(keywordTokens('CNC 정밀가공·금형 및 a')).toEqual(['cnc', '정밀가공', '금형']);
  });
  it('reads KSIC codes and their longest shared prefix', () => {
    expect(ksicCodes('26, 261 / C2612')).toEqual(['26', '261', '2612']);
    expect(sharedKsicPrefix(['2612'], ['2619', '10'])).toBe('261');
    expect(sharedKsicPrefix(['26'], ['29'])).toBe('');
  });
});
