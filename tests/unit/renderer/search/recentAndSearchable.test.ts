import { describe, expect, it } from 'vitest';
import { entities } from '../../../../shared/registry';
import {
  parseRecent,
  pushRecent,
  RECENT_LIMIT,
} from '../../../../renderer/features/search/recentItems';
import { SEARCHABLE_ENTITIES } from '../../../../renderer/features/search/searchDocs';

describe('global search coverage comes from the registry', () => {
  it('covers exactly the entities marked searchable, at least the eight of issue 13', () => {
    const marked = entities.filter((e) => e.searchable).map((e) => e.name);
    expect(SEARCHABLE_ENTITIES).toEqual(marked);
    for (const name of [
      'organization',
      'expert',
      'miniCluster',
      'difficulty',
      'activity',
      'resource',
      'plan',
      'successCase',
    ] as const)
      expect(SEARCHABLE_ENTITIES).toContain(name);
    // indicator rows (title = period) are not useful search results
    expect(SEARCHABLE_ENTITIES).not.toContain('indicator');
  });
});

describe('recent items of the global search', () => {
  const known = SEARCHABLE_ENTITIES;

  it('puts the newest first, without duplicates, at most RECENT_LIMIT', () => {
    let list = parseRecent(undefined, known);
    expect(list).toEqual([]);
    for (let i = 0; i < RECENT_LIMIT + 3; i++)
      list = pushRecent(list, { entity: 'organization', id: `o${i}` });
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]?.id).toBe(`o${RECENT_LIMIT + 2}`);
    list = pushRecent(list, { entity: 'organization', id: 'o5' });
    expect(list[0]?.id).toBe('o5');
    expect(list.filter((r) => r.id === 'o5')).toHaveLength(1);
  });

  it('reads a stored preference defensively (unknown entities, bad shapes dropped)', () => {
    const raw = [
      { entity: 'expert', id: 'e1' },
      { entity: 'nope', id: 'x' },
      { entity: 'expert', id: '' },
      'junk',
      null,
      { entity: 'expert', id: 'e1' },
      { entity: 'plan', id: 'p1' },
    ];
    expect(parseRecent(raw, known)).toEqual([
      { entity: 'expert', id: 'e1' },
      { entity: 'plan', id: 'p1' },
    ]);
    expect(parseRecent({ entity: 'expert', id: 'e1' }, known)).toEqual([]);
  });
});
