/**
 * The network between the clients and the server: every message waits in one queue with a
 * delivery time. The scheduler reorders (random delays, random picks among the due), drops,
 * duplicates and partitions (a cut machine's messages are lost both ways).
 */
import type { Rng } from './prng';

export interface Message<P = unknown> {
  id: number;
  /** machine name, or 'server' */
  from: string;
  to: string;
  deliverAt: number;
  payload: P;
}

export interface Faults {
  drop: number;
  duplicate: number;
  /** upper bound of a random delay, in whole seconds (see World: the clocks tick in seconds) */
  maxDelaySeconds: number;
}

export const PERFECT: Faults = { drop: 0, duplicate: 0, maxDelaySeconds: 0 };

export class Network {
  private queue: Message[] = [];
  private nextId = 1;
  readonly cut = new Set<string>();
  faults: Faults = PERFECT;
  stats = { sent: 0, dropped: 0, duplicated: 0 };

  constructor(private readonly rng: Rng) {}

  send<P>(from: string, to: string, now: number, payload: P): void {
    this.stats.sent++;
    if (this.cut.has(from) || this.cut.has(to) || this.rng.chance(this.faults.drop)) {
      this.stats.dropped++;
      return;
    }
    const copies = this.rng.chance(this.faults.duplicate) ? 2 : 1;
    if (copies === 2) this.stats.duplicated++;
    for (let i = 0; i < copies; i++) {
      const delay =
        this.faults.maxDelaySeconds > 0 ? this.rng.int(this.faults.maxDelaySeconds) * 1000 : 0;
      this.queue.push({ id: this.nextId++, from, to, deliverAt: now + delay, payload });
    }
  }

  /** Takes one due message (a random one: order among the due is not kept), or undefined. */
  takeDue(now: number): Message | undefined {
    const due = this.queue.filter((m) => m.deliverAt <= now);
    if (due.length === 0) return undefined;
    const m = this.rng.pick(due);
    this.queue = this.queue.filter((q) => q !== m);
    // A partition that started after sending still loses the message.
    if (this.cut.has(m.from) || this.cut.has(m.to)) {
      this.stats.dropped++;
      return this.takeDue(now);
    }
    return m;
  }

  get size(): number {
    return this.queue.length;
  }
}
