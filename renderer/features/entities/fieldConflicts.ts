/**
 * A field two writers changed: the value stored now ("theirs": another tab, window or later a
 * sync) and the value typed in this form ("mine"). The form never picks for the user: a save
 * that meets one, or a draft restored over one, asks field by field (ConflictDialog), and
 * applyChoices folds the answers into the form's state.
 */
import type { EntityDef } from '../../../shared/registry';
import { toFormValue, type FormValue, type FormValues } from './formValues';

export interface FieldConflict {
  field: string;
  /** the stored value now (null when blank) */
  theirs: unknown;
  /** the form value typed here */
  mine: FormValue;
}

export type ConflictChoice = 'theirs' | 'mine';
export type ConflictChoices = Record<string, ConflictChoice>;

/** The form's state: stored values its edits are based on, and what it shows. */
export interface FormState {
  base: Record<string, unknown>;
  values: FormValues;
}

/**
 * After the user chose: every conflicting field is now based on the stored value (a save then
 * expects THAT value, so it is again conditional); a field kept as "theirs" shows the stored
 * value and so is no longer a change; a field kept as "mine" keeps the typed value.
 */
export function applyChoices(
  entity: EntityDef,
  state: FormState,
  conflicts: readonly FieldConflict[],
  choices: ConflictChoices,
): FormState {
  const base = { ...state.base };
  const values = { ...state.values };
  for (const c of conflicts) {
    const field = entity.fields.find((f) => f.key === c.field);
    if (!field) continue;
    base[c.field] = c.theirs;
    values[c.field] = choices[c.field] === 'mine' ? c.mine : toFormValue(field, c.theirs);
  }
  return { base, values };
}

/** True when every conflict has an answer. */
export function allChosen(conflicts: readonly FieldConflict[], choices: ConflictChoices): boolean {
  return conflicts.every((c) => choices[c.field] === 'theirs' || choices[c.field] === 'mine');
}
