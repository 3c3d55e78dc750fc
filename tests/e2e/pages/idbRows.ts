/**
 * Rows of one IndexedDB store, read straight from the app's database: a spec checks what is
 * stored (what a crash would leave behind), independently of the app's own queries.
 */
import type { Page } from '@playwright/test';

/** The few IndexedDB calls the probe makes (tests are typechecked without the DOM lib). */
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
  ): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}

/** Every row of `store` in the app's database (`pumasi`), in key order. */
export function readStoreRows<Row>(page: Page, store: string): Promise<Row[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<Row[]>((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as {
          indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
        };
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result
            .transaction(storeName, 'readonly')
            .objectStore(storeName)
            .getAll();
          all.onsuccess = () => {
            resolve(all.result as Row[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}
