/**
 * The check of a pull answer (GET /v1/sync/pull), written by hand: the same verdict and the same
 * result as the zod `pullResponseSchema` of shared/sync/protocol.ts for every JSON body, at a
 * fraction of the cost. A page of 1,000 whole records carries ~17,000 field stamps; zod's
 * generic machinery ran per field and was a visible share of the pull (docs/BENCHMARKS.md,
 * "Pull after session 6"). tests/unit/renderer/sync/pullPage.test.ts holds the two equal over
 * generated bodies; a change to the schema must be made here too (that test fails otherwise).
 *
 * Mirrors zod 4 exactly where JSON can reach:
 * - objects are stripped of unknown keys (new objects are returned, the input is not kept);
 * - string bounds count Unicode code points, not UTF-16 units;
 * - a field change needs the key `value` (any value), `hlc` an HLC stamp, `base` absent, null or
 *   a stamp; a `who` needs `name` (1–100) and an optional `role` (1–40);
 * - a `fields` key `__proto__` is skipped unchecked (zod strips it before looking at it), which
 *   also keeps it from replacing the prototype of the object built here.
 */
import { isHlc } from '../../shared/sync/hlc';
import {
  WHO_LIMITS,
  type FieldChange,
  type PullResponse,
  type RecordChange,
  type Who,
} from '../../shared/sync/protocol';

export type PageCheck =
  { success: true; data: PullResponse } | { success: false; error: { message: string } };

/** A failed check: where and what (the transport reports it as `bad_response`). */
class Refused extends Error {}

function refuse(path: string, what: string): never {
  throw new Refused(`${path}: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain object: what zod's record accepts (a JSON object always is one). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Length in code points (a surrogate pair is one), as zod 4 counts string bounds. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const hi = s.charCodeAt(i);
    if ((hi & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

function boundedString(v: unknown, max: number, path: string): string {
  if (typeof v !== 'string') return refuse(path, 'not a string');
  // a UTF-16 unit count within the bound is within it in code points too (a pair is two units)
  if (v.length === 0 || (v.length > max && codePoints(v) > max)) {
    return refuse(path, `not 1–${max} characters`);
  }
  return v;
}

/**
 * The stamps of one page: a whole record is written in one go, so most of its fields share a
 * stamp. Each distinct stamp is matched once per run of equal stamps, not once per field.
 */
class StampCheck {
  private lastGood = '';

  stamp(v: unknown, path: string): string {
    if (v === this.lastGood && v !== '') return v;
    if (!isHlc(v)) return refuse(path, 'not an HLC stamp');
    this.lastGood = v;
    return v;
  }
}

function fieldChange(v: unknown, path: string, stamps: StampCheck): FieldChange {
  if (!isObject(v)) return refuse(path, 'not an object');
  if (!('value' in v)) return refuse(`${path}.value`, 'missing');
  const out: FieldChange = { value: v['value'], hlc: stamps.stamp(v['hlc'], `${path}.hlc`) };
  if ('base' in v) {
    const base = v['base'];
    out.base = base === null || base === undefined ? base : stamps.stamp(base, `${path}.base`);
  }
  return out;
}

function who(v: unknown, path: string): Who {
  if (!isObject(v)) return refuse(path, 'not an object');
  const out: Who = { name: boundedString(v['name'], WHO_LIMITS.name, `${path}.name`) };
  if ('role' in v && v['role'] !== undefined) {
    out.role = boundedString(v['role'], WHO_LIMITS.role, `${path}.role`);
  } else if ('role' in v) out.role = undefined;
  return out;
}

function recordChange(v: unknown, path: string, stamps: StampCheck): RecordChange {
  if (!isObject(v)) return refuse(path, 'not an object');
  const entity = boundedString(v['entity'], 64, `${path}.entity`);
  const id = boundedString(v['id'], 64, `${path}.id`);
  const clusterId = boundedString(v['clusterId'], 64, `${path}.clusterId`);
  const input = v['fields'];
  if (!isPlainObject(input)) return refuse(`${path}.fields`, 'not an object');
  const fields: Record<string, FieldChange> = {};
  for (const key of Object.keys(input)) {
    if (key === '__proto__') continue; // see the header
    boundedString(key, 64, `${path}.fields key`);
    fields[key] = fieldChange(input[key], `${path}.fields.${key}`, stamps);
  }
  const out: RecordChange = { entity, id, clusterId, fields };
  if ('who' in v) out.who = v['who'] === undefined ? undefined : who(v['who'], `${path}.who`);
  return out;
}

/** Checks a parsed pull answer; on success `data` is a stripped copy (as zod's safeParse). */
export function checkPullPage(body: unknown): PageCheck {
  try {
    if (!isObject(body)) refuse('answer', 'not an object');
    const { serverTime, changes, cursor, hasMore } = body;
    if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) {
      refuse('serverTime', 'not a number');
    }
    if (!Array.isArray(changes)) refuse('changes', 'not an array');
    const stamps = new StampCheck();
    const checked = changes.map((c: unknown, i) => recordChange(c, `changes[${i}]`, stamps));
    if (typeof cursor !== 'string') refuse('cursor', 'not a string');
    if (typeof hasMore !== 'boolean') refuse('hasMore', 'not a boolean');
    return { success: true, data: { serverTime, changes: checked, cursor, hasMore } };
  } catch (err) {
    if (err instanceof Refused) return { success: false, error: { message: err.message } };
    throw err;
  }
}

/** The transport's body check of a pull answer (the `safeParse` shape `callEndpoint` takes). */
export const pullPageCheck = { safeParse: checkPullPage };
