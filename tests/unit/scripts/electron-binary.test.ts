import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultExecutableName, findElectronBinary } from '../../../scripts/electron-binary.mjs';

let project: string;
const electronDir = () => join(project, 'node_modules', 'electron');

/** Lays out node_modules/electron as `npm ci` would, with or without the downloaded binary. */
async function installElectronPackage({ withBinary }: { withBinary: boolean }) {
  await mkdir(electronDir(), { recursive: true });
  await writeFile(join(electronDir(), 'index.js'), 'throw new Error("must not be required")');
  if (withBinary) {
    await mkdir(join(electronDir(), 'dist'), { recursive: true });
    await writeFile(join(electronDir(), 'dist', 'electron'), '#!/bin/sh\n');
    await writeFile(join(electronDir(), 'path.txt'), 'electron');
  }
}

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'pumasi-electron-bin-'));
});
afterEach(() => rm(project, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds the binary that npm installed into node_modules/electron/dist', async () => {
    await installElectronPackage({ withBinary: true });
    expect(findElectronBinary({}, project, 'linux')).toEqual({
      found: true,
      binaryPath: join(electronDir(), 'dist', 'electron'),
      source: 'node_modules',
    });
  });

  it('reports not-installed, in Korean then English, when only the package is there', async () => {
    await installElectronPackage({ withBinary: false });
    const decision = findElectronBinary({}, project, 'linux');
    expect(decision).toMatchObject({ found: false, reason: 'not-installed' });
    const message = decision.found ? '' : decision.message;
    expect(message).toMatch(/^Electron 실행 파일이 설치되지 않아/);
    expect(message).toContain('npm ci');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(message.indexOf('/ The Electron binary')).toBeGreaterThan(0);
    expect(message).not.toContain('\n');
  });

  it('reports not-installed when path.txt names a binary that is missing', async () => {
    await installElectronPackage({ withBinary: true });
    await rm(join(electronDir(), 'dist', 'electron'));
    expect(findElectronBinary({}, project, 'linux')).toMatchObject({ found: false });
  });

  it('reports not-installed when there is no electron package at all', () => {
    expect(findElectronBinary({}, project, 'linux')).toMatchObject({
      found: false,
      reason: 'not-installed',
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform executable name', async () => {
    await installElectronPackage({ withBinary: true });
    const override = join(project, 'electron-45');
    await mkdir(override);
    await writeFile(join(override, 'electron.exe'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: override }, project, 'win32')).toEqual(
      // path.txt (from a linux install) wins over the platform default, as in electron/index.js
      expect.objectContaining({ found: false, reason: 'override-missing' }),
    );
    await rm(join(electronDir(), 'path.txt'));
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: override }, project, 'win32')).toEqual(
      {
        found: true,
        binaryPath: join(override, 'electron.exe'),
        source: 'override',
      },
    );
  });

  it('does not fall back to node_modules when the override points nowhere', async () => {
    await installElectronPackage({ withBinary: true });
    const decision = findElectronBinary(
      { ELECTRON_OVERRIDE_DIST_PATH: join(project, 'missing') },
      project,
      'linux',
    );
    expect(decision).toMatchObject({ found: false, reason: 'override-missing' });
  });

  it('knows the executable name on each platform', () => {
    expect(defaultExecutableName('win32')).toBe('electron.exe');
    expect(defaultExecutableName('linux')).toBe('electron');
    expect(defaultExecutableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});
