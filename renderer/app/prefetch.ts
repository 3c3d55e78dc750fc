/**
 * Work started before React renders so the first screen comes sooner: the opening route's
 * records (the slowest read of a grid page) and, when the browser is idle, the code of the pages
 * that load lazily, so they also open without a network (browser mode, offline).
 */
import { entities } from '../../shared/registry';
import { prefetchRecords } from '../db';
import { DASHBOARD_PATH } from '../routing/nav';

export function prefetchOpeningRoute(page: string): void {
  // The dashboard (the default page) counts every entity.
  if (page === DASHBOARD_PATH) {
    for (const e of entities) prefetchRecords(e.name);
    return;
  }
  const entity = entities.find((e) => e.path === page);
  if (entity) prefetchRecords(entity.name);
}

export function prefetchLazyPagesWhenIdle(win: Window): void {
  const load = () => void import('../features/import/ImportPage').catch(() => undefined);
  // Not during start-up: the first screen has the main thread to itself for a few seconds.
  setTimeout(() => win.requestIdleCallback(load, { timeout: 10_000 }), 5_000);
}
