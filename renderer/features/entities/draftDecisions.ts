/**
 * The decisions about form drafts, as pure functions: which draft to offer when a form opens,
 * what to keep while the user types, and what restoring a draft does to the form.
 *
 * Invariant: restoring a draft never writes a value the user did not type, and never silently
 * puts a typed value over one that another writer saved after the typing started. (Before,
 * a draft held the whole form and its base version came from the live record, so restoring a
 * stale draft set 종업원 back from 99 to 10.)
 */
import type { EntityDef } from '../../../shared/registry';
import { sameStoredValue } from '../../db';
import type { FormDraft, StoredDraft } from './draftStore';
import type { FieldConflict } from './fieldConflicts';
import { changedFieldKeys, sameFormValue, toFormValue, type FormValues } from './formValues';

/**
 * The draft to offer: this tab's own (left by a reload or a crash of this tab), or one left by
 * a tab that is no longer alive — never one a live tab is still typing. The newest wins; the
 * others stay and are offered one by one on later opens. `live` null: liveness unknown.
 */
export function pickDraftOffer(
  found: readonly StoredDraft[],
  ownTabId: string,
  live: ReadonlySet<string> | null,
): StoredDraft | null {
  let best: StoredDraft | null = null;
  for (const d of found) {
    const mine = d.tabId === ownTabId;
    if (!mine && live?.has(d.tabId)) continue; // another tab is typing it right now
    if (!best || d.draft.savedAt > best.draft.savedAt) best = d;
  }
  return best;
}

/** The draft to keep for the form's state, or null when nothing was typed (delete it then). */
export function draftToKeep(
  entity: EntityDef,
  initial: FormValues,
  values: FormValues,
  base: Record<string, unknown> | null,
  baseVersion: number | null,
  now: Date,
): FormDraft | null {
  const typed = changedFieldKeys(entity, initial, values);
  if (typed.length === 0) return null;
  const kept: FormValues = {};
  for (const k of typed) kept[k] = values[k] as FormValues[string];
  const baseValues: Record<string, unknown> | null = base ? {} : null;
  if (base && baseValues) {
    for (const f of entity.fields) baseValues[f.key] = base[f.key] ?? null;
  }
  return { values: kept, base: baseValues, savedAt: now.toISOString(), baseVersion };
}

export interface RestorePlan {
  /** typed values to put into the form as they are */
  apply: FormValues;
  /** typed fields that were also changed by someone else since: the user chooses */
  conflicts: FieldConflict[];
  /** every field whose stored value changed since the typing started (shown with the offer) */
  changedSince: string[];
}

/**
 * What restoring `draft` into a form based on `base` (the record now; null for a new record)
 * does. A draft kept before base values were stored cannot tell typed fields from stale ones
 * unless the record is still at its version: then every field where it differs is a choice.
 */
export function planDraftRestore(
  entity: EntityDef,
  draft: FormDraft,
  base: Record<string, unknown> | null,
  baseVersion: number | null,
): RestorePlan {
  const plan: RestorePlan = { apply: {}, conflicts: [], changedSince: [] };
  const now = base ?? {};
  const known =
    draft.base !== undefined || base === null || draft.baseVersion === baseVersion
      ? (draft.base ?? now)
      : null; // an older draft of a record that changed since: nothing is known
  for (const field of entity.fields) {
    const k = field.key;
    if (base && (known === null || !sameStoredValue(known[k], now[k]))) {
      plan.changedSince.push(k);
    }
    if (!(k in draft.values)) continue;
    const mine = draft.values[k] as FormValues[string];
    const current = toFormValue(field, now[k]);
    if (sameFormValue(mine, current)) continue; // nothing to restore
    const changedMeanwhile =
      base !== null && (known === null || !sameStoredValue(known[k], now[k]));
    if (changedMeanwhile) plan.conflicts.push({ field: k, theirs: now[k] ?? null, mine });
    else plan.apply[k] = mine;
  }
  if (known === null) plan.changedSince = plan.conflicts.map((c) => c.field);
  return plan;
}
