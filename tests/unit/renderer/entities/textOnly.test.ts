import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../../../renderer');
const dirs = ['features/entities', 'ui'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('user text is rendered as text', () => {
  const files = dirs.flatMap((d) => sourceFiles(join(root, d)));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  // A company named `<img src=x onerror=alert(1)>` must show as those characters: the screens
  // build no HTML from strings, and cells use valueFormatter (text), not HTML cell renderers.
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s builds no HTML', (_rel, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/);
    expect(source).not.toMatch(/cellRenderer\s*:/);
  });
});
