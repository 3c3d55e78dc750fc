/**
 * Sync by file (망분리): a 구미 PC without a network exports its changes to a file; a second 구미
 * PC, connected, imports it (relayed to a real server under the first PC's device id) — twice,
 * the second time applying nothing — and exports the received changes, whose import on the first
 * PC acknowledges what was sent. When the first PC finally gets a network, its push of a batch
 * already delivered by file applies nothing twice on the server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { createToken, seedClusters } from '../../server/auth/tokens';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import type { Db } from '../../server/db/types';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { SyncPage } from './pages/SyncPages';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dataDir: string;
let db: Db;
let server: FastifyInstance;
let endpoint: string;
const tokens = { offline: '', connected: '' };

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pumasi-syncfile-e2e-'));
  db = await openPglite(dataDir);
  await migrate(db);
  await seedClusters(db);
  tokens.offline = (await createToken(db, { role: 'team', cluster: 'gumi' })).token;
  tokens.connected = (await createToken(db, { role: 'team', cluster: 'gumi' })).token;
  server = await buildApp({ db });
  await server.listen({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.close();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function gumiPc(browser: Browser) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  return { context, page, sync: new SyncPage(page), resources: new EntityPage(page, 'resources') };
}

async function createResource(resources: EntityPage, name: string) {
  await resources.open();
  await resources.startNew();
  await resources.fill({ name, kind: '장비', availability: '이용가능' });
  await resources.saveAndClose();
}

/** Clicks a button that saves a file (browser mode: a download) and returns the file. */
async function download(page: Page, testId: string) {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await downloading;
  return { name: d.suggestedFilename(), buffer: await readFile((await d.path())!) };
}

async function importFile(page: Page, file: { name: string; buffer: Buffer }) {
  const panel = page.getByTestId('sync-file');
  const runs = Number((await panel.getAttribute('data-runs')) ?? 0);
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('sync-file-import').click();
  await (await choosing).setFiles({ ...file, mimeType: 'application/gzip' });
  // Each finished action counts up: this waits for THIS import's result, not the last one.
  await expect(panel).toHaveAttribute('data-runs', String(runs + 1));
  return page.getByTestId('sync-file-result');
}

/** How often the server's change log holds a record: each applied write adds one row. */
async function changeRows(name: string): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM changes c JOIN records r ON r.entity = c.entity AND r.id = c.id
     WHERE r.fields->'name'->>'value' = $1`,
    [name],
  );
  return r.rows[0]!.n;
}

test('a file of changes is relayed once, acknowledged by the received-changes file, and never applied twice', async ({
  browser,
}) => {
  const offline = await gumiPc(browser);
  const connected = await gumiPc(browser);
  await connected.resources.open(); // load the grid's code while the server is reachable
  await connected.sync.open();
  await connected.sync.connect(endpoint, tokens.connected);

  // The offline PC: a record, exported to a file (its outbox keeps it until acknowledged).
  await createResource(offline.resources, '측정 장비 A');
  await offline.sync.open();
  await expect(offline.sync.pending).toHaveText('1건 대기');
  const fileA = await download(offline.page, 'sync-file-export');
  expect(fileA.name).toMatch(/^pumasi-changes-gumi-\d{8}-\d{4}\.pumasi-sync\.gz$/);
  await expect(offline.page.getByTestId('sync-file-result')).toContainText(
    '변경 1건을 파일로 내보냈습니다',
  );
  await expect(offline.sync.pending).toHaveText('1건 대기');

  // The connected PC relays it; a second import of the same file applies nothing.
  const first = await importFile(connected.page, fileA);
  await expect(first).toContainText('적용 1건, 이미 반영됨 0건, 거부 0건');
  const rowsAfterRelay = await changeRows('측정 장비 A');
  expect(rowsAfterRelay).toBe(1);
  const second = await importFile(connected.page, fileA);
  await expect(second).toContainText('적용 0건, 이미 반영됨 1건, 거부 0건');
  expect(await changeRows('측정 장비 A')).toBe(1);
  await connected.sync.syncNow();
  await connected.resources.open();
  await expect(connected.resources.rowTitled('측정 장비 A')).toBeVisible();

  // The received-changes file brings the receipt back: the offline PC's outbox empties.
  await connected.sync.open();
  await expect(connected.page.getByTestId('sync-file-target')).toContainText('gumi');
  const pullFile = await download(connected.page, 'sync-file-export-pull');
  expect(pullFile.name).toMatch(/^pumasi-updates-gumi-/);
  const applied = await importFile(offline.page, pullFile);
  await expect(applied).toContainText('보낸 변경 확인 1건');
  await expect(offline.sync.pending).toHaveText('0건 대기');
  const again = await importFile(offline.page, pullFile);
  await expect(again).toContainText('적용 0건');
  await expect(again).toContainText('보낸 변경 확인 0건');

  // A push file is not for the offline PC (no connection), and a pull file is checked too.
  const wrongPlace = await importFile(offline.page, fileA);
  await expect(wrongPlace).toHaveAttribute('data-ok', 'false');
  await expect(wrongPlace).toContainText('서버 연결이 없습니다');

  // Another change goes by file, then the offline PC gets a network after all: its push of the
  // same frozen batch is a duplicate on the server, and its outbox empties.
  await createResource(offline.resources, '측정 장비 B');
  await offline.sync.open();
  const fileB = await download(offline.page, 'sync-file-export');
  await expect(await importFile(connected.page, fileB)).toContainText('적용 1건');
  expect(await changeRows('측정 장비 B')).toBe(1);
  await offline.sync.connect(endpoint, tokens.offline);
  await offline.sync.expectNothingPending();
  expect(await changeRows('측정 장비 B')).toBe(1);
  expect(await changeRows('측정 장비 A')).toBe(1);
  const dupes = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM push_ledger l, unnest(l.ids) AS m
     GROUP BY l.device_id ORDER BY n DESC LIMIT 1`,
  );
  expect(dupes.rows[0]!.n).toBe(2); // the offline device's two mutations, each recorded once

  await offline.context.close();
  await connected.context.close();
});

test('a file for another cluster is refused with a Korean message, and a damaged file applies nothing', async ({
  browser,
}) => {
  const gumi = await gumiPc(browser);
  await createResource(gumi.resources, '구미 장비');
  await gumi.sync.open();
  const file = await download(gumi.page, 'sync-file-export');

  const context = await browser.newContext();
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('changwon', 'empty');
  const changwon = new SyncPage(page);
  await changwon.open();
  await changwon.connect(
    endpoint,
    (await createToken(db, { role: 'team', cluster: 'changwon' })).token,
  );
  const refused = await importFile(page, file);
  await expect(refused).toHaveAttribute('data-ok', 'false');
  await expect(refused).toContainText('이 파일은 gumi 클러스터의 변경입니다');
  expect(await changeRows('구미 장비')).toBe(0);

  const cut = { name: file.name, buffer: file.buffer.subarray(0, file.buffer.length - 20) };
  const damaged = await importFile(page, cut);
  await expect(damaged).toContainText('파일이 잘렸거나 손상되었습니다');
  expect(await changeRows('구미 장비')).toBe(0);

  await gumi.context.close();
  await context.close();
});
