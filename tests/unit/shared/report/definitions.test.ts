import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, figureDefinitions } from '../../../../shared/report';

const docs = readFileSync(new URL('../../../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
const start = docs.indexOf('\n## Figures');
const next = docs.indexOf('\n## ', start + 1);
const section = docs.slice(start, next === -1 ? undefined : next);

describe('figure definitions', () => {
  it('are written in Korean and English for every figure', () => {
    for (const key of FIGURE_KEYS) {
      expect(figureDefinitions[key].ko, key).toMatch(/[가-힣]/);
      expect(figureDefinitions[key].en, key).toMatch(/[a-z]{3}/);
    }
  });

  it('are listed word for word in docs/ARCHITECTURE.md, and nothing else is', () => {
    expect(section.startsWith('\n## Figures')).toBe(true);
    const listed = [...section.matchAll(/^- `(\w+)` — (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(listed).toEqual(FIGURE_KEYS.map((k) => [k, figureDefinitions[k].ko]));
  });
});
