import { describe, expect, it } from 'vitest';
import { parseProcStat, treeCpuMs, withCpu } from '../../bench/cpu';

describe('bench CPU time', () => {
  it('reads ppid and the four time fields of /proc/<pid>/stat, names with spaces included', () => {
    const line =
      '4242 (Chrome_Child (x) y) S 4200 4242 4242 0 -1 4194560 100 0 0 0 123 45 6 7 20 0 9 0 1 2 3';
    expect(parseProcStat(line)).toEqual({ ppid: 4200, cpuMs: (123 + 45 + 6 + 7) * 10 });
  });

  it('counts the CPU time spent while measuring, however loaded the machine', async () => {
    const { cpuMs } = await withCpu(async () => {
      // spin until Node itself reports 100 ms of CPU (wall time depends on the load)
      const start = process.cpuUsage();
      let x = 0;
      while (process.cpuUsage(start).user < 100_000) x += Math.sqrt(x + 1);
      return x;
    });
    // /proc counts in 10 ms ticks
    expect(cpuMs).toBeGreaterThanOrEqual(80);
    expect(treeCpuMs()).toBeGreaterThan(0);
  });
});
