/**
 * Deliberately broken variants of the sync rules, injected into the simulation (never into the
 * real code) to show the checker catches each: mutation testing of the checker itself.
 */
import { compareHlc } from '../../shared/sync/hlc';
import type { mergeFields, StampedFields, StampedValue } from '../../shared/sync/merge';
import type { FieldChange } from '../../shared/sync/protocol';

export interface Variant {
  name: string;
  /** the server's field merge (default: the real mergeFields) */
  merge?: typeof mergeFields;
  /** the clients' drift bound on pulled stamps (default: the real SYNC_MAX_DRIFT_MS) */
  clientMaxDriftMs?: number;
  /** the server answers a push before its transaction commits (a crash in between loses it) */
  ackBeforeCommit?: boolean;
  /** the server forgets which mutation ids it applied: a repeated push applies again */
  forgetMutationIds?: boolean;
}

export const REAL: Variant = { name: 'real' };

/** Compares stamps without the device id: equal time and counter count as the same write. */
const withoutDevice = (stamp: string) => stamp.slice(0, stamp.lastIndexOf('-'));

function mergeIgnoringDeviceId(
  current: StampedFields | undefined,
  incoming: Readonly<Record<string, FieldChange>>,
): ReturnType<typeof mergeFields> {
  const fields: StampedFields = { ...current };
  const changed: string[] = [];
  for (const [field, change] of Object.entries(incoming)) {
    const next: StampedValue = { value: change.value, hlc: change.hlc, base: change.base ?? null };
    const cur = fields[field];
    if (cur && compareHlc(withoutDevice(next.hlc), withoutDevice(cur.hlc)) <= 0) continue;
    fields[field] = next;
    changed.push(field);
  }
  return { fields, changed, conflicts: [] };
}

export const MUTANTS: readonly Variant[] = [
  { name: 'tie-ignores-device-id', merge: mergeIgnoringDeviceId },
  { name: 'no-drift-bound', clientMaxDriftMs: Number.POSITIVE_INFINITY },
  { name: 'ack-before-commit', ackBeforeCommit: true },
  { name: 'duplicate-push-applied-again', forgetMutationIds: true },
];

export function variantByName(name: string): Variant | undefined {
  return name === REAL.name ? REAL : MUTANTS.find((m) => m.name === name);
}
