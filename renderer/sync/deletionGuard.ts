/**
 * Guardrail of a pull: if the changes of one sync would delete (tombstone) more than
 * DELETE_GUARD_RATIO of this device's live records, the engine stops before applying them and
 * asks the user. A server restored from an old dump, or a wrong token, must not wipe a team's
 * records silently; a confirmed pull then applies them like any other (and undo stays possible
 * through history).
 */
import type { RecordChange } from '../../shared/sync/protocol';

export const DELETE_GUARD_RATIO = 0.1;

/** Changes that delete a record (the field `deleted` set to 1). */
export const deletingChanges = (changes: readonly RecordChange[]): RecordChange[] =>
  changes.filter((c) => c.fields['deleted']?.value === 1);

/**
 * @param deletions live local records these changes would delete (so far in this sync)
 * @param liveRecords live local records before the sync
 */
export function exceedsDeleteGuard(deletions: number, liveRecords: number): boolean {
  return deletions > 0 && deletions > liveRecords * DELETE_GUARD_RATIO;
}
