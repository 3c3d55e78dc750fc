/**
 * Form drafts as stored: rows of the `prefs` table keyed `draft:<entity>:<record|new>:<tab>`,
 * read straight from IndexedDB so a spec sees what a crash would leave behind.
 */
import type { Page } from '@playwright/test';
import { readStoreRows } from './idbRows';

/**
 * Draft rows of one form (prefs keys starting with `prefix`): the typed value of `field`
 * (default `name`) of each, in key order.
 */
export async function readDraftNames(
  page: Page,
  prefix = 'draft:organization:new:',
  field = 'name',
): Promise<unknown[]> {
  const rows = await readStoreRows<{ key: string; value?: { values?: Record<string, unknown> } }>(
    page,
    'prefs',
  );
  return rows
    .filter((row) => row.key.startsWith(prefix))
    .map((row) => row.value?.values?.[field] ?? null);
}
