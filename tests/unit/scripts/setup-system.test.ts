import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_CANDIDATES,
  CHROMIUM_ENV_VARS,
  findMissingPieces,
  installPermission,
  PROFILES,
  systemPlan,
  systemSetupMode,
  type InstallPermission,
} from '../../../scripts/setup-system.mjs';
import * as chromiumSupport from '../../support/chromium';
import { fakeIo, freshMachine, installSystemPieces } from './fakeSetupIo';

const ALL = PROFILES.test;
const ROOT_WITH_APT: InstallPermission = { may: true };
const NOT_ROOT = installPermission({ mode: 'auto', uid: 1000, hasAptGet: true });

function machineWithEverything() {
  const machine = freshMachine();
  installSystemPieces(machine);
  return machine;
}

describe('findMissingPieces', () => {
  it('finds nothing missing on a machine with every piece', () => {
    expect(findMissingPieces(ALL, fakeIo(machineWithEverything()))).toEqual({
      missing: [],
      broken: [],
    });
  });

  it('names every piece of a bare machine, in the profile order', () => {
    expect(findMissingPieces(ALL, fakeIo(freshMachine()))).toEqual({
      missing: ['chromium', 'font', 'postgresql', 'poppler'],
      broken: [],
    });
  });

  it('looks for Chromium exactly where tests/support/chromium.ts does', () => {
    expect(CHROMIUM_ENV_VARS).toEqual([...chromiumSupport.CHROMIUM_ENV_VARS]);
    expect(CHROMIUM_CANDIDATES).toEqual([...chromiumSupport.CHROMIUM_CANDIDATES]);
    const machine = freshMachine({ env: { PATH: '/usr/bin', CHROME_PATH: '/opt/chrome/chrome' } });
    machine.executables.add('/opt/chrome/chrome');
    expect(findMissingPieces(['chromium'], fakeIo(machine)).missing).toEqual([]);
  });

  it('stops on a configured Chromium path that is not executable (installing would not help)', () => {
    const machine = machineWithEverything();
    machine.env.PUMASI_CHROMIUM = '/opt/gone/chrome';
    const { missing, broken } = findMissingPieces(['chromium'], fakeIo(machine));
    expect(missing).toEqual([]);
    expect(broken).toEqual([
      expect.stringMatching(/PUMASI_CHROMIUM=\/opt\/gone\/chrome .* \/ .*is not an executable/),
    ]);
  });

  it('needs a font that fontconfig lists for Korean, not just fontconfig', () => {
    const machine = machineWithEverything();
    machine.koreanFonts = '\n';
    expect(findMissingPieces(['font'], fakeIo(machine)).missing).toEqual(['font']);
    machine.executables.delete('/usr/bin/fc-list'); // fontconfig itself absent
    const io = fakeIo(machine);
    expect(findMissingPieces(['font'], io).missing).toEqual(['font']);
    expect(io.runs).toEqual([]); // not even tried
  });

  it('needs initdb, pg_ctl and postgres of one PostgreSQL version (the client alone is not enough)', () => {
    const machine = machineWithEverything();
    machine.executables.delete('/usr/lib/postgresql/15/bin/initdb');
    expect(findMissingPieces(['postgresql'], fakeIo(machine)).missing).toEqual(['postgresql']);
    machine.dirs.set('/usr/lib/postgresql', ['15', '16']);
    for (const bin of ['initdb', 'pg_ctl', 'postgres']) {
      machine.executables.add(`/usr/lib/postgresql/16/bin/${bin}`);
    }
    expect(findMissingPieces(['postgresql'], fakeIo(machine)).missing).toEqual([]);
  });

  it('finds pdftotext and pdfinfo anywhere on PATH', () => {
    const machine = machineWithEverything();
    machine.executables.delete('/usr/bin/pdftotext');
    expect(findMissingPieces(['poppler'], fakeIo(machine)).missing).toEqual(['poppler']);
    machine.env.PATH = '/opt/poppler/bin:/usr/bin';
    machine.executables.add('/opt/poppler/bin/pdftotext');
    expect(findMissingPieces(['poppler'], fakeIo(machine)).missing).toEqual([]);
  });
});

describe('installPermission', () => {
  it('lets root with apt-get install', () => {
    expect(installPermission({ mode: 'auto', uid: 0, hasAptGet: true })).toEqual({ may: true });
  });

  it('refuses a normal user, root without apt-get, Windows and PUMASI_SYSTEM_SETUP=check', () => {
    expect(installPermission({ mode: 'auto', uid: 1000, hasAptGet: true })).toMatchObject({
      may: false,
      whyEn: 'not root',
    });
    expect(installPermission({ mode: 'auto', uid: 0, hasAptGet: false })).toMatchObject({
      may: false,
      whyEn: 'no apt-get',
    });
    expect(installPermission({ mode: 'auto', uid: null, hasAptGet: false }).may).toBe(false);
    expect(installPermission({ mode: 'check', uid: 0, hasAptGet: true })).toMatchObject({
      may: false,
      whyEn: 'PUMASI_SYSTEM_SETUP=check',
    });
  });
});

describe('systemSetupMode', () => {
  it('defaults to auto, accepts check and off, and rejects anything else with a clear line', () => {
    expect(systemSetupMode({})).toEqual({ mode: 'auto' });
    expect(systemSetupMode({ PUMASI_SYSTEM_SETUP: ' off ' })).toEqual({ mode: 'off' });
    expect(systemSetupMode({ PUMASI_SYSTEM_SETUP: 'check' })).toEqual({ mode: 'check' });
    expect(systemSetupMode({ PUMASI_SYSTEM_SETUP: 'yes' }).line).toBe(
      'PUMASI_SYSTEM_SETUP 값이 올바르지 않습니다: "yes" (auto, check, off). / ' +
        'Invalid PUMASI_SYSTEM_SETUP "yes" (auto, check, off).',
    );
  });
});

describe('systemPlan', () => {
  it('does nothing when nothing is missing', () => {
    const plan = systemPlan({ missing: [], broken: [], permission: NOT_ROOT, uid: 1000 });
    expect(plan).toEqual({ action: 'none' });
  });

  it('installs the Debian packages of the missing pieces when allowed', () => {
    const plan = systemPlan({
      missing: ['chromium', 'font', 'poppler'],
      broken: [],
      permission: ROOT_WITH_APT,
      uid: 0,
    });
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['chromium', 'fontconfig', 'fonts-nanum', 'poppler-utils'],
    });
  });

  it('otherwise stops with ONE line naming the package and the command to install it', () => {
    const plan = systemPlan({
      missing: ['postgresql'],
      broken: [],
      permission: NOT_ROOT,
      uid: 1000,
    });
    expect(plan.action).toBe('stop');
    const line = plan.action === 'stop' ? plan.line : '';
    expect(line).not.toContain('\n');
    expect(line).toBe(
      '필요한 시스템 패키지가 없습니다: postgresql (PostgreSQL 서버; 관리자(root)가 아님). ' +
        '설치: sudo apt-get update && sudo apt-get install -y postgresql / ' +
        'Missing system packages: postgresql (PostgreSQL server; not root). ' +
        'Install them with: sudo apt-get update && sudo apt-get install -y postgresql',
    );
  });

  it('leaves sudo out of the command for root (root without apt-get, or check mode)', () => {
    const permission = installPermission({ mode: 'check', uid: 0, hasAptGet: true });
    const plan = systemPlan({ missing: ['chromium'], broken: [], permission, uid: 0 });
    expect(plan.action === 'stop' && plan.line).toContain(
      'Install them with: apt-get update && apt-get install -y chromium',
    );
  });

  it('stops on a broken configuration even where it could install', () => {
    const plan = systemPlan({
      missing: ['font'],
      broken: ['PUMASI_CHROMIUM=/x …'],
      permission: ROOT_WITH_APT,
      uid: 0,
    });
    expect(plan).toEqual({ action: 'stop', line: 'PUMASI_CHROMIUM=/x …' });
  });
});

describe('PROFILES', () => {
  it('asks the system pieces only of the commands that use them', () => {
    expect(PROFILES.start).toEqual([]);
    expect(PROFILES.server).toEqual([]);
    expect(PROFILES.bench).toEqual(['chromium']);
    expect(PROFILES.test).toEqual(['chromium', 'font', 'postgresql', 'poppler']);
  });
});
