/**
 * Unsaved form input survives a crash, a closed window or a power cut: while a form holds
 * changes they are kept (debounced) as a draft in `prefs`, and offered back the next time the
 * same record's form opens. Saving, discarding, or closing a form without changes removes it.
 * A draft is UI state, not a record: it is never validated, synced or put in history.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EntityName } from '../../../shared/registry';
import { getDb, getPref, setPref } from '../../db';
import type { FormValues } from './formValues';

export interface FormDraft {
  values: FormValues;
  /** ISO time of the last keep */
  savedAt: string;
  /** version of the record when the draft was typed; null for a new record */
  baseVersion: number | null;
}

/** Long enough not to write on every key, short enough that a crash loses a word at most. */
export const DRAFT_SAVE_DELAY_MS = 400;

export const draftKey = (entity: EntityName, recordId: string | undefined) =>
  `draft:${entity}:${recordId ?? 'new'}`;

export function isFormDraft(value: unknown): value is FormDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<FormDraft>;
  return (
    typeof d.values === 'object' &&
    d.values !== null &&
    typeof d.savedAt === 'string' &&
    (d.baseVersion === null || typeof d.baseVersion === 'number')
  );
}

export function clearDraft(key: string): Promise<void> {
  // `undefined` rather than a delete: prefs are key/value rows and a missing value reads the same.
  return setPref(getDb(), key, undefined);
}

export interface DraftState {
  /** a draft found when the form opened, until the user restores or discards it */
  offer: FormDraft | null;
  restore: () => FormValues | null;
  discard: () => void;
}

/**
 * Loads the draft once, then keeps `values` as the draft while `dirty` (after the offer, if any,
 * was answered: until then the stored draft must not be overwritten by the untouched form).
 */
export function useFormDraft(
  key: string,
  values: FormValues,
  dirty: boolean,
  baseVersion: number | null,
): DraftState {
  const [offer, setOffer] = useState<FormDraft | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void getPref<unknown>(getDb(), key).then((stored) => {
      if (!live) return;
      if (isFormDraft(stored)) setOffer(stored);
      else setReady(true);
    });
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      if (dirty) {
        const draft: FormDraft = { values, savedAt: new Date().toISOString(), baseVersion };
        void setPref(getDb(), key, draft);
      } else void clearDraft(key);
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ready, key, values, dirty, baseVersion]);

  const restore = useCallback(() => {
    const restored = offer?.values ?? null;
    setOffer(null);
    setReady(true);
    return restored;
  }, [offer]);

  const discard = useCallback(() => {
    setOffer(null);
    setReady(true);
    void clearDraft(key);
  }, [key]);

  return { offer, restore, discard };
}
