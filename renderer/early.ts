/**
 * The first script index.html runs (before main.tsx and its chunks): starts reading the opening
 * route's grid snapshot so the read overlaps loading the app (db/earlySnapshot.ts). Kept tiny:
 * no imports but the early-read modules (vite.config.ts puts them in their own small chunk).
 */
import { startEarlyRead } from './db/earlySnapshot';

try {
  startEarlyRead(window);
} catch {
  // Only an accelerator: the app reads the snapshot itself.
}
