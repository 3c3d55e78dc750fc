/**
 * The demo-loading task as UI state (zustand): phase, progress, result. Anyone can start it
 * (first run, 설정, an empty screen) with `startDemoLoad()`; the shell shows `DemoDialog`.
 */
import { create } from 'zustand';
import type { EntityName } from '../../../shared/registry';
import { getDb, refreshAfterLargeWrite, setSetting } from '../../db';
import { ensureSpaceFor } from '../storage/guard';
import { estimateRecordBytes } from '../../db/storageGuard/space';
import { runDemoLoad, type DemoLoadResult } from './loader';
import { dbDemoPorts } from './ports';

export type DemoPhase = 'idle' | 'preparing' | 'running' | 'finished';

interface DemoState {
  phase: DemoPhase;
  done: number;
  total: number;
  result?: DemoLoadResult;
  controller?: AbortController;
}

export const useDemoStore = create<DemoState>()(() => ({ phase: 'idle', done: 0, total: 0 }));

/** Lets the browser paint the dialog before the (synchronous) generator runs. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function startDemoLoad(): Promise<void> {
  const { phase } = useDemoStore.getState();
  if (phase === 'preparing' || phase === 'running') return; // one load at a time
  const controller = new AbortController();
  useDemoStore.setState({ phase: 'preparing', done: 0, total: 0, result: undefined, controller });
  try {
    await nextFrame();
    // Loaded on demand: the generator and its tables are not needed for normal start-up.
    const { generateDemoData } = await import('../../../shared/demo');
    const data = generateDemoData();
    if (controller.signal.aborted) {
      finish({ status: 'cancelled', created: {}, skipped: {}, done: 0, total: 0 });
      return;
    }
    // Refused before the first batch when the whole load may not fit (the message says sizes).
    await ensureSpaceFor('demo', estimateRecordBytes(data.flatMap((d) => d.rows)));
    useDemoStore.setState({ phase: 'running' });
    const db = getDb();
    // Marked before the first batch and cleared only after the last one: batches commit one by
    // one (progress, bounded transactions), so an app closed midway must not look "not loaded"
    // or "loaded" — it is partial, and loading again fills in only what is missing.
    await setSetting(db, 'demoLoadInterrupted', true);
    const result = await runDemoLoad(data, dbDemoPorts(db), {
      signal: controller.signal,
      onProgress: (done, total) => useDemoStore.setState({ done, total }),
    });
    if (result.status === 'done') {
      await db.transaction('rw', db.settings, async () => {
        await setSetting(db, 'demoLoaded', true);
        await setSetting(db, 'demoLoadInterrupted', false);
      });
    }
    finish(result);
    // Batches of 2,000 made the grid snapshots stale: rebuild them now rather than in idle time
    // later, after the result is shown (nobody waits on it; failures are swallowed inside).
    void refreshAfterLargeWrite(db, Object.entries(result.created) as Array<[EntityName, number]>);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    finish({ status: 'failed', created: {}, skipped: {}, done: 0, total: 0, error });
  }
}

function finish(result: DemoLoadResult): void {
  useDemoStore.setState({ phase: 'finished', result, controller: undefined });
}

/** Stops after the batch being written; what was written stays (a reload completes it). */
export function cancelDemoLoad(): void {
  useDemoStore.getState().controller?.abort();
}

export function closeDemoDialog(): void {
  if (useDemoStore.getState().phase === 'finished') useDemoStore.setState({ phase: 'idle' });
}
