/** The building blocks of determinism: the seeded PRNG and key-derived ULIDs. */
import { describe, expect, it } from 'vitest';
import { demoId, ULID_PATTERN } from '../../../../shared/demo';
import { hashString, mulberry32, Rng } from '../../../../shared/demo/random';

describe('demo randomness', () => {
  it('mulberry32 gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('hashes seed names stably (FNV-1a)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });

  it('samples distinct items and picks by weight', () => {
    const rng = new Rng('test');
    const picked = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    for (let i = 0; i < 50; i++)
      expect(
        rng.weighted([
          ['never', 0],
          ['always', 1],
        ]),
      ).toBe('always');
  });
});

describe('demoId', () => {
  it('is a ULID fixed by entity and key, with the entity’s timestamp prefix', () => {
    const id = demoId('organization', 'gumi:company:1');
    expect(id).toMatch(ULID_PATTERN);
    expect(demoId('organization', 'gumi:company:1')).toBe(id);
    expect(demoId('organization', 'gumi:company:2')).not.toBe(id);
    expect(demoId('organization', 'gumi:company:2').slice(0, 10)).toBe(id.slice(0, 10));
    expect(demoId('expert', 'gumi:company:1').slice(0, 10)).not.toBe(id.slice(0, 10));
  });

  it('encodes 2005-04-01 as the timestamp of the first entity', () => {
    const time = demoId('cluster', 'gumi').slice(0, 10);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const ms = [...time].reduce((n, ch) => n * 32 + alphabet.indexOf(ch), 0);
    expect(new Date(ms).toISOString()).toBe('2005-04-01T00:00:00.000Z');
  });
});
