/**
 * Form drafts as stored: rows of the `prefs` table keyed `draft:<entity>:<record|new>:<tab>`,
 * read straight from IndexedDB so a spec sees what a crash would leave behind.
 */
import type { Page } from '@playwright/test';

/** The few IndexedDB calls the probe below makes (tests are typechecked without the DOM lib). */
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  transaction(
    store: string,
    mode: 'readonly',
  ): {
    objectStore(name: string): { getAll(): IdbRequest<Array<{ key: string; value?: unknown }>> };
  };
  close(): void;
}

/**
 * Draft rows of one form (prefs keys `draft:<entity>:<record|new>:<tab>`), read straight from
 * IndexedDB: the typed value of `field` (default `name`) of each, in key order.
 */
export function readDraftNames(
  page: Page,
  prefix = 'draft:organization:new:',
  field = 'name',
): Promise<unknown[]> {
  return page.evaluate(
    ({ keyPrefix, fieldKey }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as {
          indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
        };
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('prefs', 'readonly').objectStore('prefs').getAll();
          all.onsuccess = () => {
            const rows = all.result.filter((row) => row.key.startsWith(keyPrefix));
            resolve(
              rows.map(
                (row) =>
                  (row.value as { values?: Record<string, unknown> })?.values?.[fieldKey] ?? null,
              ),
            );
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    { keyPrefix: prefix, fieldKey: field },
  );
}
