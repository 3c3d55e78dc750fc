/**
 * The server's side of a push once its records are loaded — pure: no SQL, no clock. The server
 * (server/sync/push.ts) runs it inside its push transaction; the deterministic simulation
 * (tests/sim) runs the very same code over in-memory state, so what the simulation proves about
 * ownership, idempotence, the change log and the conflict log holds for the server.
 *
 * Invariants:
 * - A record keeps the owner it was created with: a change naming another owner is refused
 *   (`cluster_mismatch`) before anything is merged.
 * - A record the server does not have is only ever made by a whole record: a change for it
 *   without the tombstone field `deleted` (every create carries it, an edit rarely) or without a
 *   required field is refused (`unknown_record_incomplete`) before its mutation id is recorded,
 *   so the sender can send the record whole later. Otherwise a create refused earlier (a stamp
 *   days ahead) followed by an accepted edit would leave a record no client can apply (each
 *   keeps it aside), or one lacking the fields only the create had set.
 * - A mutation id this device sent before (`fresh` lacks it) applies nothing: `duplicate`.
 * - Fields merge with mergeFields() (higher stamp wins; equal stamp = the same write), so applying
 *   pushes in any order gives the same records as every client computes.
 * - Every concurrent write that lost is logged for the device that made it; the pushing device's
 *   own losses also go back in the answer.
 */
import { mergeFields as realMergeFields, type FieldConflict, type StampedFields } from './merge';
import type { Conflict, Mutation, MutationResult, Who } from './protocol';

export interface ServerRecordState {
  clusterId: string;
  fields: StampedFields;
  shared: boolean;
  /** changed in this push: to be written back */
  dirty: boolean;
}

export interface AcceptedMutation<E> {
  /** position in the request: where its result goes */
  index: number;
  entity: E;
  mutation: Mutation;
}

/** One row of the change log (what pulls return), in the order the push made them. */
export interface ChangeLogRow {
  entity: string;
  id: string;
  cluster_id: string;
  shared: boolean;
  fields: StampedFields;
  device_id: string;
  /** the sender's profile, as the change carried it (older clients send none) */
  who?: Who;
}

/** One lost concurrent write, kept for the device that made it. */
export interface ConflictLogRow {
  device_id: string;
  entity: string;
  record_id: string;
  field: string;
  lost_value: unknown;
  lost_hlc: string;
  won_value: unknown;
  won_hlc: string;
}

export type PushResult = MutationResult & { message?: string };

export const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/** What the completeness rule needs of an entity (the registry's EntityDef has it). */
export interface RequiredFields {
  fields: ReadonlyArray<{ key: string; required?: boolean; label?: { ko: string } }>;
}

/** Refusal code of a change for a record the server lacks that is not a whole record. */
export const UNKNOWN_RECORD_INCOMPLETE = 'unknown_record_incomplete';

/**
 * The first field that keeps `fields` from being a whole record: `deleted` (a client sends it with
 * every created record and every record sent whole again; an edit carries it only to delete or
 * restore) or a required field without a value (its Korean label); undefined when whole. Values
 * were validated field by field before (server/sync/rules.ts): presence is all left to check.
 */
export function missingForCreate(
  entity: RequiredFields,
  fields: Readonly<Record<string, { value: unknown }>>,
): string | undefined {
  if (!fields['deleted']) return 'deleted';
  for (const f of entity.fields) {
    if (f.required && (fields[f.key]?.value ?? null) === null) return f.label?.ko ?? f.key;
  }
  return undefined;
}

export interface ScreenOptions {
  /** the simulation's mutation test only: let a change make a partial record */
  acceptIncomplete?: boolean;
}

/**
 * Refuses (into `results`) changes naming another owner than the stored record's, and changes
 * for a record the server lacks that are not whole (`unknown_record_incomplete`); the rest, in
 * order. A whole change earlier in the same request makes its record known to later ones.
 */
export function keepOwnersRecords<E extends RequiredFields>(
  accepted: readonly AcceptedMutation<E>[],
  states: ReadonlyMap<string, ServerRecordState>,
  results: PushResult[],
  opts: ScreenOptions = {},
): AcceptedMutation<E>[] {
  const madeHere = new Set<string>();
  return accepted.filter((a) => {
    const { mutationId, change } = a.mutation;
    const key = recordKey(change.entity, change.id);
    const st = states.get(key);
    if (st) {
      if (st.clusterId === change.clusterId) return true;
      results[a.index] = {
        mutationId,
        status: 'refused',
        reason: 'cluster_mismatch',
        message: `기록의 소속(${st.clusterId})과 다릅니다 / record belongs to another owner`,
      };
      return false;
    }
    const missing = madeHere.has(key) ? undefined : missingForCreate(a.entity, change.fields);
    if (missing === undefined || opts.acceptIncomplete) {
      madeHere.add(key);
      return true;
    }
    results[a.index] = {
      mutationId,
      status: 'refused',
      reason: UNKNOWN_RECORD_INCOMPLETE,
      message: `서버에 없는 기록인데 ${missing} 항목이 없습니다. 기록 전체를 보내야 합니다 / unknown record without ${missing}: send it whole`,
    };
    return false;
  });
}

export interface MergePushInput<E> {
  deviceId: string;
  /** mutations that passed every check, in request order */
  owned: readonly AcceptedMutation<E>[];
  /** the mutation ids this device had not sent before */
  fresh: ReadonlySet<string>;
  /** loaded records, updated in place (new ones added, changed ones marked dirty) */
  states: Map<string, ServerRecordState>;
  results: PushResult[];
  isShared(entity: E, fields: StampedFields): boolean;
  /** the merge; only the simulation's mutation tests pass another one */
  merge?: typeof realMergeFields;
}

export interface MergePushOutput {
  changeRows: ChangeLogRow[];
  conflictRows: ConflictLogRow[];
  /** the pushing device's own lost writes (the push answer) */
  conflicts: Conflict[];
}

export function mergePush<E>(input: MergePushInput<E>): MergePushOutput {
  const { deviceId, owned, fresh, states, results } = input;
  const merge = input.merge ?? realMergeFields;
  const out: MergePushOutput = { changeRows: [], conflictRows: [], conflicts: [] };
  for (const a of owned) {
    const { mutationId, change } = a.mutation;
    if (!fresh.has(mutationId)) {
      results[a.index] = { mutationId, status: 'duplicate' };
      continue;
    }
    results[a.index] = { mutationId, status: 'applied' };
    const key = recordKey(change.entity, change.id);
    const st = states.get(key) ?? {
      clusterId: change.clusterId,
      fields: {},
      shared: false,
      dirty: false,
    };
    states.set(key, st);
    const merged = merge(st.fields, change.fields);
    for (const c of merged.conflicts) {
      out.conflictRows.push(conflictRow(change.entity, change.id, c));
      if (c.loserDevice === deviceId) out.conflicts.push(toConflict(change.entity, change.id, c));
    }
    if (merged.changed.length === 0) continue;
    const sharedBefore = st.shared;
    st.fields = merged.fields;
    st.shared = input.isShared(a.entity, st.fields);
    st.dirty = true;
    // A record that just became visible to other clusters goes to them whole, not as a diff.
    const names = st.shared && !sharedBefore ? Object.keys(st.fields) : merged.changed;
    const fields: StampedFields = {};
    for (const n of names) fields[n] = st.fields[n]!;
    out.changeRows.push({
      entity: change.entity,
      id: change.id,
      cluster_id: st.clusterId,
      shared: sharedBefore || st.shared,
      fields,
      device_id: deviceId,
      ...(change.who ? { who: change.who } : {}),
    });
  }
  return out;
}

// JSON has no `undefined`: a missing value travels and is kept as null.
const conflictRow = (entity: string, id: string, c: FieldConflict): ConflictLogRow => ({
  device_id: c.loserDevice,
  entity,
  record_id: id,
  field: c.field,
  lost_value: c.loser.value ?? null,
  lost_hlc: c.loser.hlc,
  won_value: c.winner.value ?? null,
  won_hlc: c.winner.hlc,
});

const toConflict = (entity: string, id: string, c: FieldConflict): Conflict => ({
  entity,
  id,
  field: c.field,
  lostValue: c.loser.value ?? null,
  lostHlc: c.loser.hlc,
  wonValue: c.winner.value ?? null,
  wonHlc: c.winner.hlc,
});
