/**
 * Where form drafts are kept: rows of the `prefs` table keyed
 * `draft:<entity>:<record id | new>:<tab id>` — one per record AND tab, so a tab never picks up
 * another live tab's typing (tabIdentity.ts tells live tabs from dead ones). A draft holds only
 * the fields the user typed, with the stored values the typing was based on, so restoring it
 * later can tell "I typed this" from "someone saved this since" (draftDecisions.ts).
 * A draft is UI state, not a record: never validated, synced or put in history. An emptied
 * draft is deleted, never left as an empty row.
 */
import type { EntityName } from '../../../shared/registry';
import type { PumasiDb } from '../../db';
import type { FormValues } from './formValues';

export interface FormDraft {
  /** the typed fields only (form values); older drafts held every field */
  values: FormValues;
  /**
   * stored values of the record's fields that the typing was based on (what the form showed
   * when it opened); null for a new record; absent in drafts made before this was kept
   */
  base?: Record<string, unknown> | null;
  /** ISO time of the last keep */
  savedAt: string;
  /** version of the record the typing was based on; null for a new record */
  baseVersion: number | null;
}

export interface StoredDraft {
  key: string;
  /** the tab that typed it; '' for drafts kept before tabs were told apart */
  tabId: string;
  draft: FormDraft;
}

export const draftPrefix = (entity: EntityName, recordId: string | undefined) =>
  `draft:${entity}:${recordId ?? 'new'}`;

export const draftKey = (entity: EntityName, recordId: string | undefined, tabId: string) =>
  `${draftPrefix(entity, recordId)}:${tabId}`;

export function isFormDraft(value: unknown): value is FormDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<FormDraft>;
  return (
    typeof d.values === 'object' &&
    d.values !== null &&
    typeof d.savedAt === 'string' &&
    (d.baseVersion === null || typeof d.baseVersion === 'number') &&
    (d.base === undefined || d.base === null || typeof d.base === 'object')
  );
}

/**
 * Every draft of one record (or of the new-record form), from every tab. Rows that are no
 * draft (an emptied draft of an older version stored `undefined`) are deleted on the way.
 */
export async function listDrafts(
  db: PumasiDb,
  entity: EntityName,
  recordId: string | undefined,
): Promise<StoredDraft[]> {
  const prefix = draftPrefix(entity, recordId);
  const rows = await db.prefs.where('key').startsWith(prefix).toArray();
  const drafts: StoredDraft[] = [];
  const junk: string[] = [];
  for (const row of rows) {
    // `draft:x:A` must not pick up the drafts of a record whose id merely starts with A.
    if (row.key !== prefix && !row.key.startsWith(`${prefix}:`)) continue;
    if (!isFormDraft(row.value)) junk.push(row.key);
    else drafts.push({ key: row.key, tabId: row.key.slice(prefix.length + 1), draft: row.value });
  }
  if (junk.length > 0) await db.prefs.bulkDelete(junk);
  return drafts;
}

export function saveDraft(db: PumasiDb, key: string, draft: FormDraft): Promise<unknown> {
  return db.prefs.put({ key, value: draft });
}

export function deleteDraft(db: PumasiDb, key: string): Promise<void> {
  return db.prefs.delete(key);
}
