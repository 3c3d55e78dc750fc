/**
 * electron-builder.yml is only exercised by `npm run dist` (no Electron binary here), so its
 * security-relevant parts are checked against app-builder-lib's own JSON schema instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Transitive dependencies of electron-builder, without type declarations: typed here.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const minimatch = require('minimatch') as (path: string, pattern: string) => boolean;

interface BuilderConfig {
  files: string[];
  electronFuses: Record<string, boolean>;
}
const root = join(import.meta.dirname, '../../..');
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's `files` semantics: the last pattern that matches decides (`!` excludes). */
function isPackaged(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('ships the app but not the benchmark page, which can wipe the database', () => {
    for (const path of [
      'dist/renderer/index.html',
      'dist/renderer/assets/main-C95pQf3p.js',
      'dist/renderer/assets/workerClient-CFcobBtY.js',
      'dist/electron/main.js',
      'package.json',
    ]) {
      expect(isPackaged(path), path).toBe(true);
    }
    for (const path of [
      'dist/renderer/bench.html',
      'dist/renderer/assets/bench-BaVt39Ky.js',
      'dist/renderer/assets/main-C95pQf3p.js.map',
    ]) {
      expect(isPackaged(path), path).toBe(false);
    }
  });

  it('flips the hardening fuses, with option names the installed electron-builder knows', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses)) expect(known, key).toContain(key);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });
});
