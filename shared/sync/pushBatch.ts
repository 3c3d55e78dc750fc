/**
 * Assembling a push from queued local writes — pure: the caller reads the outbox and the records
 * (renderer/db/push.ts) and freezes the result until the server acknowledges it.
 *
 * Invariants:
 * - Several writes of one record collapse into ONE change: the record's current value of every
 *   field those writes set, with the field's current stamp, and as `base` the stamp the FIRST of
 *   those writes replaced (what this device had seen before it started editing).
 * - A field whose current stamp is none of these writes' stamps was overwritten since (a pulled
 *   write that won, or a later write of ours left for the next batch): it is not sent — unless
 *   the record was created in these writes: a created record is sent whole, or other devices
 *   could never apply it. A change left with no field is dropped, its writes still count as
 *   covered (nothing of them remains to push).
 * - A record the server answered it lacks (`unknown_record_incomplete`: its create was refused
 *   earlier) is sent whole next time: its writes stay queued, marked `whole`, and collapse like a
 *   create. One that was sent whole and still refused is not sent again (resendWhole()).
 * - The mutation id is the stamp of the newest write collapsed into it. HLC stamps of one device
 *   only grow (across tabs too, see docs/SYNC.md), so mutation ids do as well, and a batch holds
 *   them in ascending order.
 */
import type { FieldChange, Mutation, MutationResult } from './protocol';
import { stampedFieldsOf, type StampMeta } from './recordStamps';
import { recordKey, UNKNOWN_RECORD_INCOMPLETE } from './serverMerge';

/** One queued local write, as the outbox keeps it. */
export interface PendingWrite {
  /** the write's HLC stamp */
  id: string;
  entity: string;
  recordId: string;
  op: 'create' | 'update' | 'delete' | 'restore';
  /** field → the stamp it had before this write (null: none). Absent on a create (every field
   *  new) and on writes queued before per-field stamps existed (bases unknown: none sent). */
  bases?: Record<string, string | null>;
  /** the server lacks the record (it refused this write as `unknown_record_incomplete`): the
   *  write stays queued and its record is sent whole, like a create */
  whole?: true;
}

export type CurrentRecord = Readonly<Record<string, unknown>> & StampMeta & { clusterId: string };

export interface WriteGroup {
  entity: string;
  recordId: string;
  stamps: Set<string>;
  last: string;
  /** field → base (undefined: unknown); `all`: every field of the record (create or sent whole
   *  again, legacy) */
  bases: Map<string, string | null | undefined>;
  all: 'none' | 'created' | 'legacy';
}

export interface CollapsedWrites {
  groups: WriteGroup[];
  /** ids of the writes the groups hold, in outbox order */
  covered: string[];
}

/** Collapses writes (oldest first) per record, stopping before a `limit + 1`-th record. */
export function collapseWrites(writes: Iterable<PendingWrite>, limit: number): CollapsedWrites {
  const byRecord = new Map<string, WriteGroup>();
  const covered: string[] = [];
  for (const w of writes) {
    const key = recordKey(w.entity, w.recordId);
    let g = byRecord.get(key);
    if (!g) {
      // Stop at the first write that needs one record too many: later writes of records already
      // in the batch stay queued too, so every write in the next batch is newer than this one.
      if (byRecord.size >= limit) break;
      g = {
        entity: w.entity,
        recordId: w.recordId,
        stamps: new Set(),
        last: w.id,
        bases: new Map(),
        all: 'none',
      };
      byRecord.set(key, g);
    }
    g.stamps.add(w.id);
    if (w.id > g.last) g.last = w.id;
    if (g.all !== 'none') {
      // after a create (every base null) or a legacy write (bases unknown) nothing changes that
    } else if (w.op === 'create' || w.whole) {
      g.all = 'created';
    } else if (w.bases) {
      for (const [field, base] of Object.entries(w.bases)) {
        if (!g.bases.has(field)) g.bases.set(field, base); // the first write's base counts
      }
    } else {
      g.all = 'legacy';
    }
    covered.push(w.id);
  }
  return { groups: [...byRecord.values()], covered };
}

/** The change of one collapsed record, or undefined when nothing of it is left to send. */
function changeOf(g: WriteGroup, record: CurrentRecord): Mutation | undefined {
  const current = stampedFieldsOf(record);
  const names = g.all === 'none' ? [...g.bases.keys()] : Object.keys(current);
  const fields: Record<string, FieldChange> = {};
  for (const name of names) {
    const f = current[name];
    if (!f) continue;
    // Overwritten since by a write outside this batch: not sent — except for a record created
    // here. That one must arrive whole (no device can apply a record lacking a required field,
    // and it would keep it aside for good), so the field goes with its current value: a later
    // write of ours still queued (the batch was cut before it) is then sent twice, which the
    // server merges as the same write; a pulled one the server already has.
    if (!g.stamps.has(f.hlc) && g.all !== 'created') continue;
    const base = g.all === 'created' ? null : g.bases.get(name); // undefined: unknown, not sent
    fields[name] =
      base === undefined ? { value: f.value, hlc: f.hlc } : { value: f.value, hlc: f.hlc, base };
  }
  if (Object.keys(fields).length === 0) return undefined;
  return {
    mutationId: g.last,
    change: { entity: g.entity, id: g.recordId, clusterId: record.clusterId, fields },
  };
}

/**
 * The mutations for collapsed writes, ascending by mutation id. `recordOf` gives a record's
 * current stored state (undefined when it is gone: nothing to send).
 */
export function assembleMutations(
  groups: readonly WriteGroup[],
  recordOf: (entity: string, id: string) => CurrentRecord | undefined,
): Mutation[] {
  const out: Mutation[] = [];
  for (const g of groups) {
    const record = recordOf(g.entity, g.recordId);
    const m = record && changeOf(g, record);
    if (m) out.push(m);
  }
  return out.sort((a, b) =>
    a.mutationId < b.mutationId ? -1 : a.mutationId > b.mutationId ? 1 : 0,
  );
}

/** Keys (recordKey) of the records a batch sends whole: created in it, or sent whole again. */
export const wholeRecords = (groups: readonly WriteGroup[]): string[] =>
  groups.filter((g) => g.all === 'created').map((g) => recordKey(g.entity, g.recordId));

/**
 * The records (recordKey) whose writes stay queued, to be sent whole, after a push answer: those
 * refused because the server lacks them, unless this batch already sent them whole (then the
 * server's registry disagrees with ours: sending again would loop; they are kept aside).
 */
export function resendWhole(
  mutations: readonly Mutation[],
  results: readonly MutationResult[],
  sentWhole: readonly string[],
): Set<string> {
  const byId = new Map(mutations.map((m) => [m.mutationId, m]));
  const whole = new Set(sentWhole);
  const again = new Set<string>();
  for (const r of results) {
    const m = byId.get(r.mutationId);
    if (!m || r.status !== 'refused' || r.reason !== UNKNOWN_RECORD_INCOMPLETE) continue;
    const key = recordKey(m.change.entity, m.change.id);
    if (!whole.has(key)) again.add(key);
  }
  return again;
}
