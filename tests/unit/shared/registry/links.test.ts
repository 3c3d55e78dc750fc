import { describe, expect, it } from 'vitest';
import { entities, incomingRefs, refersTo } from '../../../../shared/registry';

describe('incomingRefs', () => {
  it('finds every field that points at a company, from the registry alone', () => {
    const refs = incomingRefs(entities, 'organization').map((r) => `${r.entity.name}.${r.field}`);
    // difficulties, memberships, success cases and experts of a company must all be reachable
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^difficulty\./),
        expect.stringMatching(/^membership\./),
        expect.stringMatching(/^successCase\./),
        expect.stringMatching(/^expert\./),
        expect.stringMatching(/^activity\./),
      ]),
    );
    expect(incomingRefs(entities, 'cluster').every((r) => r.entity.name !== 'cluster')).toBe(true);
  });

  it('marks list references, and refersTo reads ids and lists alike', () => {
    const expertRefs = incomingRefs(entities, 'expert');
    expect(expertRefs.some((r) => r.many)).toBe(true);
    expect(refersTo(['a', 'b'], 'b')).toBe(true);
    expect(refersTo('b', 'b')).toBe(true);
    expect(refersTo(['a'], 'b')).toBe(false);
    expect(refersTo(undefined, 'b')).toBe(false);
  });
});
