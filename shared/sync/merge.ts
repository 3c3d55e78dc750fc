/**
 * The field-level merge every side runs alike: the client applying a pull, the server applying a
 * push, and the simulation. Pure: no clock, no storage.
 *
 * Rules (docs/SYNC.md):
 * - Each field keeps the stamp (HLC, ending in the writer's device id) of the write that set it.
 *   An incoming field replaces the current one only when its stamp is higher, so applying the same
 *   changes in any order, any number of times, gives the same record (convergence, idempotence).
 * - Equal stamps are the same write seen twice: nothing changes.
 * - A write that did not see the value it competes with (its `base` is not that value's stamp,
 *   nor the other way round) is concurrent: when the values differ and the writers are different
 *   devices, the losing write is reported as a conflict for the losing device's inbox.
 * - `deleted` is a field like any other, so a tombstone merges by the same rule.
 */
import type { FieldChange } from './protocol';
import { compareHlc, parseHlc } from './hlc';

/** A field's current value with the stamp that set it (and the stamp that write replaced). */
export interface StampedValue {
  value: unknown;
  hlc: string;
  base?: string | null;
}
export type StampedFields = Record<string, StampedValue>;

export interface FieldConflict {
  field: string;
  winner: StampedValue;
  loser: StampedValue;
  /** device id of the losing write: whose inbox the conflict belongs to */
  loserDevice: string;
}

export interface MergeResult {
  /** the record's fields after the merge (a new object; the input is not modified) */
  fields: StampedFields;
  /** fields whose value or stamp changed */
  changed: string[];
  conflicts: FieldConflict[];
}

const deviceOf = (stamp: string): string => parseHlc(stamp).deviceId;

/** JSON-level equality: field values are JSON data (strings, numbers, arrays, objects, null). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when neither write had seen the other (neither is the other's base). */
function concurrent(a: StampedValue, b: StampedValue): boolean {
  return (a.base ?? null) !== b.hlc && (b.base ?? null) !== a.hlc;
}

function conflictBetween(
  field: string,
  winner: StampedValue,
  loser: StampedValue,
): FieldConflict | undefined {
  if (sameValue(winner.value, loser.value)) return undefined;
  const loserDevice = deviceOf(loser.hlc);
  if (loserDevice === deviceOf(winner.hlc)) return undefined; // one writer cannot conflict with itself
  if (!concurrent(winner, loser)) return undefined;
  return { field, winner, loser, loserDevice };
}

export function mergeFields(
  current: StampedFields | undefined,
  incoming: Readonly<Record<string, FieldChange>>,
): MergeResult {
  const fields: StampedFields = { ...current };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [field, change] of Object.entries(incoming)) {
    const next: StampedValue = { value: change.value, hlc: change.hlc, base: change.base ?? null };
    const cur = fields[field];
    if (!cur) {
      fields[field] = next;
      changed.push(field);
      continue;
    }
    const order = compareHlc(next.hlc, cur.hlc);
    if (order === 0) continue; // the same write again
    const [winner, loser] = order > 0 ? [next, cur] : [cur, next];
    const conflict = conflictBetween(field, winner, loser);
    if (conflict) conflicts.push(conflict);
    if (order > 0) {
      fields[field] = next;
      changed.push(field);
    }
  }
  return { fields, changed, conflicts };
}
