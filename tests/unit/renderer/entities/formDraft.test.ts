import { describe, expect, it } from 'vitest';
import { draftKey, isFormDraft } from '../../../../renderer/features/entities/formDraft';

describe('form drafts', () => {
  it('are kept per entity and record, one for a new record', () => {
    expect(draftKey('organization', undefined)).toBe('draft:organization:new');
    expect(draftKey('expert', '01J0000000000000000000000A')).toBe(
      'draft:expert:01J0000000000000000000000A',
    );
  });

  it('are recognised only in their stored shape (a cleared draft is no offer)', () => {
    const draft = { values: { name: '가나' }, savedAt: '2026-11-26T01:00:00Z', baseVersion: 3 };
    expect(isFormDraft(draft)).toBe(true);
    expect(isFormDraft({ ...draft, baseVersion: null })).toBe(true);
    expect(isFormDraft(undefined)).toBe(false);
    expect(isFormDraft({ values: null, savedAt: 'x', baseVersion: null })).toBe(false);
    expect(isFormDraft({ values: {}, baseVersion: null })).toBe(false);
  });
});
