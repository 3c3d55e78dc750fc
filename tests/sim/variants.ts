/**
 * Deliberately broken variants of the sync rules, injected into the simulation (never into the
 * real code) to show the checker catches each: mutation testing of the checker itself.
 */
import { mergeFields, type StampedFields } from '../../shared/sync/merge';
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
  /** the server lets a change make a record it lacks without the record's required fields */
  acceptIncomplete?: boolean;
}

export const REAL: Variant = { name: 'real' };

/** Compares stamps without the device id: equal time and counter count as the same write. */
const withoutDevice = (stamp: string) => stamp.slice(0, stamp.lastIndexOf('-'));

/** The real merge, except that a stamp equal in time and counter to the current one loses
 *  whatever its device id: the first write to arrive wins a tie, so sides disagree. */
function mergeIgnoringDeviceId(
  current: StampedFields | undefined,
  incoming: Readonly<Record<string, FieldChange>>,
): ReturnType<typeof mergeFields> {
  const kept: Record<string, FieldChange> = {};
  for (const [field, change] of Object.entries(incoming)) {
    const cur = current?.[field];
    const tie =
      cur && change.hlc !== cur.hlc && withoutDevice(change.hlc) === withoutDevice(cur.hlc);
    if (!tie) kept[field] = change;
  }
  return mergeFields(current, kept);
}

/** The real merge, but the server forgets who lost: no conflict is logged or answered. */
const mergeWithoutConflicts: typeof mergeFields = (current, incoming) => ({
  ...mergeFields(current, incoming),
  conflicts: [],
});

export const MUTANTS: readonly Variant[] = [
  { name: 'server-drops-conflicts', merge: mergeWithoutConflicts },
  { name: 'tie-ignores-device-id', merge: mergeIgnoringDeviceId },
  { name: 'no-drift-bound', clientMaxDriftMs: Number.POSITIVE_INFINITY },
  { name: 'ack-before-commit', ackBeforeCommit: true },
  { name: 'duplicate-push-applied-again', forgetMutationIds: true },
  { name: 'accept-incomplete-creates', acceptIncomplete: true },
];

export function variantByName(name: string): Variant | undefined {
  return name === REAL.name ? REAL : MUTANTS.find((m) => m.name === name);
}
