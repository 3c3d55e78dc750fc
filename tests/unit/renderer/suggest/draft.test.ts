import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../../shared/registry';
import { suggestExperts, type SuggestRow } from '../../../../shared/suggest';
import { withDraft } from '../../../../renderer/features/suggest/draft';

const stored = {
  id: 'd1',
  clusterId: 'gumi',
  version: 1,
  title: '도금층 박리 불량',
  area: 'technology',
  status: 'reviewing',
  expertIds: [],
} as unknown as StoredRecord;

const experts: SuggestRow[] = [
  { id: 'e-plating', name: '도현수', expertise: ['도금'] },
  { id: 'e-member', name: '나회원', expertise: ['경영'] },
];
const memberships: SuggestRow[] = [
  { id: 'm1', miniClusterId: 'mc1', expertId: 'e-plating', role: 'member' },
  { id: 'm2', miniClusterId: 'mc1', expertId: 'e-member', role: 'member' },
];
const rank = (difficulty: SuggestRow) =>
  suggestExperts({
    difficulty,
    experts,
    organizations: new Map(),
    memberships,
    difficulties: [difficulty],
  });

describe('suggestions over a dialog’s unsaved values (the desk’s 매칭 step)', () => {
  it('counts the mini-cluster picked in the dialog before it is saved', () => {
    expect(rank(withDraft(stored, undefined)).map((s) => s.expertId)).toEqual(['e-plating']);
    const drafted = rank(withDraft(stored, { miniClusterId: 'mc1' }));
    expect(drafted.map((s) => s.expertId)).toEqual(['e-plating', 'e-member']);
    expect(drafted[0]?.reasons.map((r) => r.label.ko)).toEqual([
      '전문분야 일치: 도금',
      '같은 미니클러스터',
    ]);
  });

  it('stops suggesting an expert once the dialog holds him, and leaves the record alone', () => {
    const drafted = withDraft(stored, { miniClusterId: 'mc1', expertIds: ['e-plating'] });
    expect(rank(drafted).map((s) => s.expertId)).toEqual(['e-member']);
    // an emptied list in the dialog is an empty list, not "keep the stored one"
    expect(
      withDraft({ ...stored, expertIds: ['e-plating'] }, { expertIds: [] })['expertIds'],
    ).toEqual([]);
    expect(stored['miniClusterId']).toBeUndefined();
    expect(stored['expertIds']).toEqual([]);
  });
});
