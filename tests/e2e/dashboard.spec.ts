import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';

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
  ): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}

/**
 * Gumi's live difficulties, counted straight from IndexedDB without the figure model: every one
 * received, and those 해결 or 사후관리 (the demo's are all dated before today).
 */
function countGumi(page: Page): Promise<{ received: number; resolved: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as {
          indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
        };
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result
            .transaction('difficulties', 'readonly')
            .objectStore('difficulties')
            .getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{
              clusterId: string;
              status: string;
              deleted: number;
            }>;
            const gumi = rows.filter((r) => r.clusterId === 'gumi' && r.deleted !== 1);
            resolve({
              received: gumi.length,
              resolved: gumi.filter((r) => r.status === 'resolved' || r.status === 'followUp')
                .length,
            });
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test("the dashboard's KPI counts the team's cluster only, the cards every record", async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();
  await shell.goTo('dashboard');

  const { received, resolved } = await countGumi(page);
  expect(received).toBeGreaterThan(0);
  expect(received).toBeLessThan(1380);
  const fmt = (n: number) => n.toLocaleString('ko-KR');
  await expect(page.getByTestId('kpi-scope')).toContainText('구미');
  await expect(page.getByTestId('kpi-resolution')).toContainText(
    `해결 ${fmt(resolved)}건 / 접수 ${fmt(received)}건`,
  );
  await expect(page.getByTestId('kpi-resolution')).toContainText(
    `${(Math.round((resolved / received) * 1000) / 10).toFixed(1)}%`,
  );
  await expect(page.getByTestId('card-difficulty')).toContainText('1,380');
});
