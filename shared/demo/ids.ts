/**
 * Deterministic ULIDs for demo rows. A ULID is 26 Crockford base-32 characters: 10 for a 48-bit
 * millisecond time and 16 for 80 random bits. Demo ids use a fixed time per entity and draw the
 * 16 characters from a PRNG seeded by the row's stable key, so loading the demo data twice
 * updates the same records instead of duplicating them, and one generator changing its row count
 * never renames another generator's rows.
 */
import type { EntityName } from '../registry/types';
import { hashString, mulberry32 } from './random';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 2005-04-01T00:00:00Z: the day the promotion teams started; entities one second apart. */
const DEMO_EPOCH_MS = Date.UTC(2005, 3, 1);
const ENTITY_ORDER: readonly EntityName[] = [
  'cluster',
  'organization',
  'expert',
  'miniCluster',
  'membership',
  'difficulty',
  'activity',
  'resource',
  'plan',
  'indicator',
  'target',
  'successCase',
];

export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

const timePrefix = new Map<EntityName, string>(
  ENTITY_ORDER.map((name, i) => [name, encodeTime(DEMO_EPOCH_MS + i * 1000)]),
);

/** The demo id of `entity`'s row with the stable `key` (e.g. `gumi:company:17`). */
export function demoId(entity: EntityName, key: string): string {
  // Two independently seeded 32-bit streams: 64 bits of key hash make collisions negligible.
  const a = mulberry32(hashString(`${entity}:${key}`));
  const b = mulberry32(hashString(`${entity}:${key}`, 0x01000193 ^ 0x9e3779b9));
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD.charAt(Math.floor((i < 8 ? a : b)() * 32));
  return `${timePrefix.get(entity) ?? encodeTime(DEMO_EPOCH_MS)}${tail}`;
}

/** Every demo id of `entity` starts with this (its fixed time part): how demo rows are told apart. */
export function demoIdPrefix(entity: EntityName): string {
  return timePrefix.get(entity) ?? encodeTime(DEMO_EPOCH_MS);
}
