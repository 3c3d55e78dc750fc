/**
 * Unsaved form input survives a crash, a closed window or a power cut: while a form holds
 * changes they are kept (debounced) as this tab's draft (draftStore.ts), and offered back the
 * next time the record's form opens in this tab — or in any tab once the tab that typed them is
 * gone (tabIdentity.ts). Saving, discarding, or closing a form without changes deletes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityDef } from '../../../shared/registry';
import { getDb } from '../../db';
import { draftToKeep, pickDraftOffer } from './draftDecisions';
import { deleteDraft, draftKey, listDrafts, saveDraft, type StoredDraft } from './draftStore';
import type { FormValues } from './formValues';
import { getTabId, liveTabIds } from './tabIdentity';

/** Long enough not to write on every key, short enough that a crash loses a word at most. */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface DraftState {
  /** a draft found when the form opened, until the user restores or discards it */
  offer: StoredDraft | null;
  /** the look for a draft to offer has finished */
  checked: boolean;
  /** the offer was answered by restoring it: it is now this tab's typing */
  restored: () => void;
  discard: () => void;
  /** the form closes for good (saved or deliberately dropped): its draft goes */
  clear: () => void;
}

export interface DraftInput {
  entity: EntityDef;
  recordId: string | undefined;
  initial: FormValues;
  values: FormValues;
  /** stored values the form's edits are based on; null for a new record */
  base: Record<string, unknown> | null;
  baseVersion: number | null;
}

/**
 * Loads the offer once, then keeps the typed fields as this tab's draft (after the offer, if
 * any, was answered: until then the stored draft must not be overwritten by the untouched form).
 */
export function useFormDraft({
  entity,
  recordId,
  initial,
  values,
  base,
  baseVersion,
}: DraftInput): DraftState {
  const [offer, setOffer] = useState<StoredDraft | null>(null);
  const [ownKey, setOwnKey] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const offerRef = useRef<StoredDraft | null>(null);
  offerRef.current = offer;
  /** a dead tab's draft restored here: deleted once this tab's own draft holds its typing */
  const adopted = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await getTabId();
      const [found, alive] = await Promise.all([
        listDrafts(getDb(), entity.name, recordId),
        liveTabIds(),
      ]);
      if (!live) return;
      setOwnKey(draftKey(entity.name, recordId, tabId)); // also marks the look as finished
      const pick = pickDraftOffer(found, tabId, alive);
      if (pick) setOffer(pick);
      else setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [entity.name, recordId]);

  useEffect(() => {
    if (!ready || !ownKey) return;
    const timer = setTimeout(() => {
      const draft = draftToKeep(entity, initial, values, base, baseVersion, new Date());
      const db = getDb();
      if (draft) void saveDraft(db, ownKey, draft);
      else void deleteDraft(db, ownKey); // an emptied draft leaves no row
      // Queued after the write above (same store, so IndexedDB keeps the order): a crash in
      // between leaves the old row, never neither.
      if (adopted.current) void deleteDraft(db, adopted.current);
      adopted.current = null;
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ready, ownKey, entity, initial, values, base, baseVersion]);

  const answer = useCallback(
    (keepRow: boolean) => {
      const answered = offerRef.current;
      setOffer(null);
      setReady(true);
      // This tab's own row is rewritten or deleted by the keep effect above, from what the form
      // now holds; another (dead) tab's row is dropped now, or once its typing is kept here.
      if (!answered || answered.key === ownKey) return;
      if (keepRow) adopted.current = answered.key;
      else void deleteDraft(getDb(), answered.key);
    },
    [ownKey],
  );

  const restored = useCallback(() => answer(true), [answer]);
  const discard = useCallback(() => answer(false), [answer]);
  const clear = useCallback(() => {
    // An unanswered offer stays for the next open; only what this form typed goes.
    if (ownKey && offerRef.current?.key !== ownKey) void deleteDraft(getDb(), ownKey);
    if (adopted.current) void deleteDraft(getDb(), adopted.current);
    adopted.current = null;
  }, [ownKey]);

  return { offer, checked: ownKey !== null, restored, discard, clear };
}
