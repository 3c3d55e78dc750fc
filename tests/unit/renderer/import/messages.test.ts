import { describe, expect, it } from 'vitest';
import { importMessages } from '../../../../renderer/features/import/messages';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('import page strings', () => {
  it('exist in Korean and English with the same placeholders', () => {
    expect(Object.keys(importMessages.en).sort()).toEqual(Object.keys(importMessages.ko).sort());
    for (const [key, ko] of Object.entries(importMessages.ko)) {
      const en = (importMessages.en as Record<string, string>)[key] ?? '';
      expect(placeholders(en), key).toEqual(placeholders(ko));
      expect(en.trim(), key).not.toBe('');
    }
  });
});
