/**
 * Chrome CPU profiles of the bench page through CDP (`PUMASI_BENCH_PROFILE=<dir>`): each
 * profiled call writes `<dir>/<name>.cpuprofile` (open it in DevTools → Performance) and logs the
 * functions with the most self time. Only the page's main thread is sampled, so the runner moves
 * the import preview there while profiling (same shared/import code as the worker runs).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The directory profiles go to, or null when profiling is off. */
export const profileDir = (): string | null => process.env['PUMASI_BENCH_PROFILE'] || null;

/** Self time per function (ms), largest first. */
export function topSelfTime(profile: CpuProfile, count = 15): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() || '(native)';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** Runs `work` under the V8 sampling profiler of `page` and saves the profile as `name`. */
export async function profiled<T>(
  page: Page,
  dir: string,
  name: string,
  work: () => Promise<T>,
  log: (message: string) => void,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  let result: T;
  try {
    result = await work();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await mkdir(dir, { recursive: true });
    const file = resolve(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    log(`profile ${file}; top self time:`);
    for (const [fn, ms] of topSelfTime(profile)) log(`  ${ms.toFixed(0).padStart(7)} ms  ${fn}`);
    await cdp.detach();
  }
  return result;
}
