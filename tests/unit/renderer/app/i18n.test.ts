import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enums } from '../../../../shared/registry';
import { validationMessages } from '../../../../shared/i18n/validation';
import { baseResources, currentLang, i18n, registerMessages, t } from '../../../../renderer/i18n';
import { PLACEHOLDER_PARAGRAPHS } from '../../../../renderer/features/placeholders/PlaceholderPage';
import { chartsKo } from '../../../../renderer/features/dashboard/charts/messages';

const placeholders = (template: string) =>
  [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  it('has an English string for every Korean key, and no English-only key', () => {
    const ko = Object.keys(baseResources.ko).sort();
    const en = Object.keys(baseResources.en).sort();
    expect(en).toEqual(ko);
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, ko] of Object.entries(baseResources.ko)) {
      expect(placeholders(baseResources.en[key] ?? ''), key).toEqual(placeholders(ko));
    }
  });

  it('has no empty strings', () => {
    for (const lang of ['ko', 'en'] as const) {
      for (const [key, text] of Object.entries(baseResources[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('includes the shared validation messages under their own keys', () => {
    expect(baseResources.ko['validation.required']).toBe(
      validationMessages.ko['validation.required'],
    );
    expect(t('validation.required', { field: '기관명' })).toBe('기관명을(를) 입력하세요');
  });

  it('has a specialisation label for every pilot cluster', () => {
    for (const { code } of enums.clusterCode) {
      expect(baseResources.ko[`cluster.spec.${code}`], code).toBeDefined();
    }
  });

  it('defines every static key the shell code uses', () => {
    const root = resolve(import.meta.dirname, '../../../../renderer');
    const dirs = [
      'app',
      'features/demo',
      'features/dashboard',
      'features/settings',
      'features/placeholders',
    ];
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        // A folder with its own messages.ts owns a namespace (e.g. dashboard/charts): its keys
        // are checked against that namespace below, not against the shell's.
        if (statSync(path).isDirectory()) {
          if (!existsSync(join(path, 'messages.ts'))) walk(path);
        } else if (/\.tsx?$/.test(name)) {
          const source = readFileSync(path, 'utf8');
          for (const m of source.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1] ?? '');
          for (const m of source.matchAll(/(?:labelKey|descriptionKey): '([^']+)'/g))
            used.add(m[1] ?? '');
        }
      }
    };
    dirs.forEach((d) => walk(join(root, d)));
    for (const keys of Object.values(PLACEHOLDER_PARAGRAPHS)) keys.forEach((k) => used.add(k));
    for (const kind of Object.keys(PLACEHOLDER_PARAGRAPHS)) used.add(`placeholder.${kind}.title`);
    for (const status of ['done', 'cancelled', 'failed']) used.add(`demo.status.${status}`);
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !(k in baseResources.ko));
    expect(missing).toEqual([]);
  });
});

describe('i18n runtime', () => {
  it('starts in Korean and falls back to Korean for a key missing in English', async () => {
    expect(currentLang()).toBe('ko');
    registerMessages('probe', { ko: { only: '한국어만', both: '둘 다' }, en: { both: 'both' } });
    await i18n.changeLanguage('en');
    try {
      expect(i18n.t('probe:both')).toBe('both');
      expect(i18n.t('probe:only')).toBe('한국어만');
      expect(t('nav.settings')).toBe('Settings');
    } finally {
      await i18n.changeLanguage('ko');
    }
  });

  it('lets a feature namespace reach the shared validation keys', () => {
    registerMessages('entitiesProbe', { ko: { title: '목록' }, en: { title: 'List' } });
    const tEntities = i18n.getFixedT('ko', 'entitiesProbe');
    expect(tEntities('title')).toBe('목록');
    expect(tEntities('validation.required', { field: '이름' })).toBe('이름을(를) 입력하세요');
  });

  it('does not escape user text (React escapes it when rendering)', () => {
    expect(t('dashboard.add', { entity: '<b>A&B</b>' })).toBe('<b>A&B</b> 추가');
  });

  it('refuses to overwrite the shell namespace', () => {
    expect(() => registerMessages('translation', { ko: {}, en: {} })).toThrow();
  });

  it('defines every static key the dashboard charts use in their namespace', () => {
    const dir = resolve(import.meta.dirname, '../../../../renderer/features/dashboard/charts');
    const used = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
      const source = readFileSync(join(dir, name), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !(k in chartsKo))).toEqual([]);
  });
});
