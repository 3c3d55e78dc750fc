/**
 * Seeded randomness for demo data. Every generator draws from its own stream (seeded by a name),
 * so the output is the same on every run and machine, and changing one generator does not shift
 * the numbers another one draws.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a seed string. */
export function hashString(text: string, offset = 0x811c9dc5): number {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for demo data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(seedName: string) {
    this.next = mulberry32(hashString(`pumasi-demo:${seedName}`));
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** Up to `count` distinct items, in random order (a partial Fisher–Yates: O(count) swaps). */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.max(0, Math.min(count, items.length));
    const out = [...items];
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (out.length - i));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out.slice(0, n);
  }

  /** Roughly log-normal amount around `median` (spread ~ ×/÷ e^sigma), for revenues and sizes. */
  logNormal(median: number, sigma: number): number {
    // Box–Muller; 1 - float() keeps the log argument above zero.
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
}
