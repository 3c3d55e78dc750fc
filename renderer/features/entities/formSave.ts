/**
 * What a form's save writes, as pure functions: a new record's create, or an update of only the
 * changed fields, each expected to still hold the stored value the edit is based on — so a save
 * never overwrites what another tab (or later a sync) saved since the form opened.
 */
import type { EntityDef } from '../../../shared/registry';
import { newId } from '../../../shared/sync/ids';
import { conflictsOf, type Mutation, type MutationError } from '../../db';
import type { FieldConflict, FormState } from './fieldConflicts';
import { formValuesToInput, recordToFormValues, updatePatch } from './formValues';

/**
 * The mutation saving `state`; null when an existing record's form changed nothing.
 * `recordId` undefined: a new record (of `clusterId`, else mutate()'s default cluster).
 */
export function saveMutation(
  entity: EntityDef,
  recordId: string | undefined,
  clusterId: string | undefined,
  state: FormState,
): Mutation | null {
  if (recordId === undefined) {
    const values = formValuesToInput(entity, state.values);
    // The id is minted here, not in mutate(), so the page can show the new record once saved.
    return {
      entity: entity.name,
      op: 'create',
      id: newId(),
      values,
      ...(clusterId ? { clusterId } : {}),
    };
  }
  const patch = updatePatch(entity, recordToFormValues(entity, state.base), state.values);
  const keys = Object.keys(patch);
  if (keys.length === 0) return null;
  const expect = Object.fromEntries(keys.map((k) => [k, state.base[k] ?? null]));
  return { entity: entity.name, op: 'update', id: recordId, values: patch, expect };
}

/** The fields to choose for after a save was refused for conflicts (empty: other errors). */
export function saveConflicts(errors: readonly MutationError[], state: FormState): FieldConflict[] {
  return conflictsOf(errors).map((c) => ({
    field: c.field,
    theirs: c.current,
    mine: state.values[c.field] ?? '',
  }));
}
