/**
 * The push body's shape check, written by hand: it accepts and rejects exactly what
 * `pushRequestSchema` (shared/sync/protocol.ts, the wire contract) does and returns the same
 * data (unknown keys dropped), at a fraction of zod's cost per mutation — on a 1,000-mutation
 * push zod's generic walk was a visible share of the server's CPU (docs/BENCHMARKS.md, "Push
 * after session 6"). tests/unit/server/pushBody.test.ts compares both over generated bodies.
 *
 * Its domain is what a JSON body parses to (plain objects, arrays, strings, numbers, booleans,
 * null). A body it refuses goes through zod once more for the message (refusals are rare): the
 * answer's text stays zod's.
 */
import { isHlc } from '../../shared/sync/hlc';
import {
  PROTOCOL_VERSION,
  SYNC_LIMITS,
  WHO_LIMITS,
  type FieldChange,
  type Mutation,
  type PushRequest,
  type RecordChange,
  type Who,
} from '../../shared/sync/protocol';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unicode code points of `s` (a surrogate pair counts once, a lone surrogate as itself). */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i += 1) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

/** z.string().min(1).max(max): zod counts code points, so only a string longer than `max`
 *  UTF-16 units needs counting (a non-empty string has at least one code point). */
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length >= 1 && (v.length <= max || codePoints(v) <= max);

/** `pushRequestSchema.safeParse(body)`'s data when it succeeds, else undefined. */
export function checkPushBody(body: unknown): PushRequest | undefined {
  if (!isObject(body) || body.protocol !== PROTOCOL_VERSION || !isText(body.deviceId, 64)) {
    return undefined;
  }
  const input = body.mutations;
  if (!Array.isArray(input) || input.length > SYNC_LIMITS.maxMutationsPerPush) return undefined;
  const mutations: Mutation[] = new Array(input.length);
  for (let i = 0; i < input.length; i += 1) {
    const m: unknown = input[i];
    if (!isObject(m) || !isText(m.mutationId, 64)) return undefined;
    const change = checkRecordChange(m.change);
    if (!change) return undefined;
    mutations[i] = { mutationId: m.mutationId, change };
  }
  return { protocol: PROTOCOL_VERSION, deviceId: body.deviceId, mutations };
}

function checkRecordChange(c: unknown): RecordChange | undefined {
  if (!isObject(c) || !isText(c.entity, 64) || !isText(c.id, 64) || !isText(c.clusterId, 64)) {
    return undefined;
  }
  const fields = checkFields(c.fields);
  if (!fields) return undefined;
  const change: RecordChange = { entity: c.entity, id: c.id, clusterId: c.clusterId, fields };
  if (c.who !== undefined) {
    const who = checkWho(c.who);
    if (!who) return undefined;
    change.who = who;
  }
  return change;
}

function checkFields(f: unknown): Record<string, FieldChange> | undefined {
  if (!isObject(f)) return undefined;
  const out: Record<string, FieldChange> = {};
  for (const name of Object.keys(f)) {
    // zod's record skips an own `__proto__` key (JSON.parse makes one) without looking at it.
    if (name === '__proto__') continue;
    if (!isText(name, 64)) return undefined;
    const fc = f[name];
    // `value: z.unknown()` still needs the key; `base` is an HLC, null or absent.
    if (!isObject(fc) || !('value' in fc) || !isHlc(fc.hlc)) return undefined;
    const base = fc.base;
    if (base !== undefined && base !== null && !isHlc(base)) return undefined;
    out[name] =
      'base' in fc ? { value: fc.value, hlc: fc.hlc, base } : { value: fc.value, hlc: fc.hlc };
  }
  return out;
}

function checkWho(w: unknown): Who | undefined {
  if (!isObject(w) || !isText(w.name, WHO_LIMITS.name)) return undefined;
  if (w.role === undefined) return { name: w.name };
  return isText(w.role, WHO_LIMITS.role) ? { name: w.name, role: w.role } : undefined;
}
