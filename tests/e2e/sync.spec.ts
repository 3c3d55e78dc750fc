/**
 * Two teams against a real sync server started by this test (in-process Fastify over a fresh
 * PGlite folder, on 127.0.0.1 with a free port): an edit made offline in one team reaches the
 * other team's 공동활용 네트워크 page after reconnecting, and a concurrent edit of one field
 * shows in the losing device's conflict inbox.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { createToken, seedClusters } from '../../server/auth/tokens';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import type { Db } from '../../server/db/types';
import { AppShell, type ClusterCode } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { NetworkPage, SyncPage } from './pages/SyncPages';

// Three app instances and a server on a 2-core machine: each start-up alone may take 20 s.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dataDir: string;
let db: Db;
let server: FastifyInstance;
let endpoint: string;
const tokens: Record<'gumi' | 'gumi2' | 'changwon', string> = { gumi: '', gumi2: '', changwon: '' };

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pumasi-sync-e2e-'));
  db = await openPglite(dataDir);
  await migrate(db);
  await seedClusters(db);
  tokens.gumi = (await createToken(db, { role: 'team', cluster: 'gumi' })).token;
  tokens.gumi2 = (await createToken(db, { role: 'team', cluster: 'gumi' })).token;
  tokens.changwon = (await createToken(db, { role: 'team', cluster: 'changwon' })).token;
  server = await buildApp({ db });
  await server.listen({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.close();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A fresh browser profile = one team's device, first run done, connected to the server. */
async function team(
  browser: Browser,
  cluster: ClusterCode,
  token: string,
): Promise<{ context: BrowserContext; page: Page; sync: SyncPage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun(cluster, 'empty');
  // Loaded while online: in browser mode a page's code chunk cannot be fetched offline.
  await new EntityPage(page, 'resources').open();
  await new NetworkPage(page).open();
  const sync = new SyncPage(page);
  await sync.open();
  await sync.connect(endpoint, token);
  return { context, page, sync };
}

test('an offline edit reaches the other team after reconnecting; a concurrent edit lands in the loser’s inbox', async ({
  browser,
}) => {
  const gumi = await team(browser, 'gumi', tokens.gumi);
  const changwon = await team(browser, 'changwon', tokens.changwon);

  // 구미, offline: a shared resource is created and waits in the outbox, marked 미전송.
  const resources = new EntityPage(gumi.page, 'resources');
  await gumi.context.setOffline(true);
  await expect(gumi.sync.shell.onlineStatus).toHaveText('오프라인');
  await resources.open();
  await resources.startNew();
  await resources.fill({ name: '3D 프린터 공동활용', kind: '장비', availability: '이용가능' });
  await resources.field('sharedWithNetwork').check();
  await resources.saveAndClose();
  await expect(await resources.cell('3D 프린터 공동활용', 'unsent')).toHaveText('●');
  await expect(gumi.sync.pending).toHaveText('1건 대기');

  // Back online: the engine pushes by itself (online event), the marker goes.
  await gumi.context.setOffline(false);
  await gumi.sync.expectNothingPending();
  await expect(await resources.cell('3D 프린터 공동활용', 'unsent')).toHaveText('');

  // 창원 pulls it and sees it on its network page.
  await changwon.sync.syncNow();
  const network = new NetworkPage(changwon.page);
  await network.open();
  await expect(network.resourceRow('3D 프린터 공동활용')).toBeVisible();
  await expect(network.resourceRow('3D 프린터 공동활용')).toContainText('구미');

  // A second 구미 device gets the record; both edit 연락처 — 구미 first (offline), then the
  // second device, whose later write wins.
  const gumi2 = await team(browser, 'gumi', tokens.gumi2);
  const resources2 = new EntityPage(gumi2.page, 'resources');
  await resources2.open();
  await expect(resources2.rowTitled('3D 프린터 공동활용')).toBeVisible();

  await gumi.context.setOffline(true);
  await expect(gumi.sync.shell.onlineStatus).toHaveText('오프라인');
  await resources.openRecord('3D 프린터 공동활용');
  await resources.fill({ contact: '구미 1번 연락처' });
  await resources.saveAndClose();

  await resources2.openRecord('3D 프린터 공동활용');
  await resources2.fill({ contact: '구미 2번 연락처' });
  await resources2.saveAndClose();
  await gumi2.sync.open();
  await gumi2.sync.syncNow();
  await gumi2.sync.expectNothingPending();

  await gumi.context.setOffline(false);
  await gumi.sync.expectNothingPending();
  await gumi.sync.open();
  const conflict = gumi.sync.inbox.getByTestId('sync-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('구미 1번 연락처');
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText('구미 2번 연락처');
  await expect(conflict).toContainText('상대의 변경이 더 늦게');
  // The winner shows in 구미's grid; the second device's inbox stays empty.
  await expect(gumi2.sync.inbox.getByTestId('sync-conflict')).toHaveCount(0);

  for (const t of [gumi, changwon, gumi2]) await t.context.close();
});
