/**
 * The early read must stay tiny: index.html runs it before the app, and anything it imports at
 * run time is loaded (and compiled) before it can start. Its modules may import only each other
 * (type-only imports are erased and free).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../../renderer');
const EARLY = ['early.ts', 'db/earlySnapshot.ts', 'db/snapshotKeys.ts', 'db/snapshotColumns.ts'];

function runtimeImports(file: string): string[] {
  const source = readFileSync(resolve(root, file), 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    if (match[1]) continue; // `import type … from`
    found.push(resolve(dirname(resolve(root, file)), `${match[2]}.ts`));
  }
  for (const match of source.matchAll(/^import\s+'([^']+)'/gm)) found.push(match[1] as string);
  return found;
}

describe('the early read chunk', () => {
  it('imports nothing at run time but its own modules', () => {
    const allowed = new Set(EARLY.map((f) => resolve(root, f)));
    for (const file of EARLY) {
      for (const target of runtimeImports(file))
        expect(allowed, `${file} → ${target}`).toContain(target);
    }
  });

  it('is what index.html runs first, before the entry that imports the app', () => {
    const html = readFileSync(resolve(root, 'index.html'), 'utf8');
    const early = html.indexOf('src="./early.ts"');
    const main = html.indexOf('src="./main.tsx"');
    expect(early).toBeGreaterThan(0);
    expect(main).toBeGreaterThan(early);
    // The entry only imports the app dynamically (a static import would delay the early read).
    const entry = readFileSync(resolve(root, 'main.tsx'), 'utf8');
    expect(entry).toMatch(/import\('\.\/app\/start'\)/);
    expect(entry).not.toMatch(/^import\s/m);
  });
});
