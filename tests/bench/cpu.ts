/**
 * CPU time of this benchmark: the Node process and every process under it (Chromium's browser,
 * renderer, GPU and utility processes; the in-process PGlite server is Node's own). The machine
 * is shared, so wall time swings with the others' load; CPU time much less. A figure measured
 * this way is reported beside its wall-time one with the suffix `_cpu`.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Linux's USER_HZ (`getconf CLK_TCK`): 100 on every kernel this runs on. */
const MS_PER_TICK = 10;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime: own time and that of reaped children, ms */
  cpuMs: number;
}

/** Parses /proc/<pid>/stat; the name (field 2) may hold spaces and parentheses. */
export function parseProcStat(text: string): ProcStat {
  const after = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // `after` starts at field 3 (state): ppid is field 4, utime … cstime fields 14–17
  const field = (n: number) => Number(after[n - 3]);
  const ticks = field(14) + field(15) + field(16) + field(17);
  return { ppid: field(4), cpuMs: ticks * MS_PER_TICK };
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      stats.set(Number(name), parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return stats;
}

/**
 * CPU ms used so far by `root` and its descendants. Differences of two calls measure a span;
 * a process that ends inside it loses its time unless its parent reaps it (cutime/cstime).
 */
export function treeCpuMs(root = process.pid): number {
  let stats: Map<number, ProcStat>;
  try {
    stats = readStats();
  } catch {
    // no /proc (not Linux): Node's own time only
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += stats.get(pid)?.cpuMs ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `work` and returns its result with the tree's CPU ms spent meanwhile. */
export async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = treeCpuMs();
  const result = await work();
  return { result, cpuMs: treeCpuMs() - before };
}
