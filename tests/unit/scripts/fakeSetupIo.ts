// A fake machine for the setup decisions: files, symlinks, executables and commands in memory.
// Every probe and command is recorded, so tests can assert what setup did NOT touch.
import { join } from 'node:path';
import type { SetupIo } from '../../../scripts/setup.mjs';

export const ROOT = '/project';

export interface FakeMachine {
  files: Map<string, string>;
  links: Set<string>;
  executables: Set<string>;
  dirs: Map<string, string[]>;
  /** fc-list output for `:lang=ko`; null when fontconfig is not installed */
  koreanFonts: string | null;
  uid: number | null;
  env: Record<string, string | undefined>;
  /** what `exec` returns per command line ("apt-get update" → 0); default 0 */
  execStatus: Map<string, number>;
  /** side effects of a command, e.g. npm ci laying out node_modules */
  onExec: Map<string, () => void>;
}

export const PACKAGE_JSON = JSON.stringify({
  dependencies: { react: '^19', zod: '^4' },
  devDependencies: { '@types/node': '^22', vite: '^8' },
});

export const LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { name: 'pumasi' },
    'node_modules/react': { version: '19.3.1' },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/@types/node': { version: '22.20.5', dev: true },
    'node_modules/vite': { version: '8.3.8', dev: true },
    'node_modules/@esbuild/win32-x64': { version: '0.28.2', optional: true },
  },
});

export const DEPENDENCY_NAMES = ['@types/node', 'react', 'vite', 'zod'];

/** A project with package.json and its lock file, and nothing installed. */
export function freshMachine(overrides: Partial<FakeMachine> = {}): FakeMachine {
  return {
    files: new Map([
      [join(ROOT, 'package.json'), PACKAGE_JSON],
      [join(ROOT, 'package-lock.json'), LOCK],
    ]),
    links: new Set(),
    executables: new Set(['/usr/bin/apt-get']),
    dirs: new Map(),
    koreanFonts: null,
    uid: 0,
    env: { PATH: '/usr/bin:/bin' },
    execStatus: new Map(),
    onExec: new Map(),
    ...overrides,
  };
}

/** npm's hidden lockfile after `npm ci` here: no project entry, no other platforms' packages. */
export function hiddenLockfile(edit: (packages: Record<string, object>) => void = () => {}) {
  const packages = { ...(JSON.parse(LOCK) as { packages: Record<string, object> }).packages };
  delete packages[''];
  delete packages['node_modules/@esbuild/win32-x64'];
  edit(packages);
  return JSON.stringify({ lockfileVersion: 3, packages });
}

/** Lays out node_modules as `npm ci` does: every package folder plus npm's hidden lockfile. */
export function layOutNodeModules(machine: FakeMachine): void {
  const nodeModules = join(ROOT, 'node_modules');
  machine.files.set(join(nodeModules, '.package-lock.json'), hiddenLockfile());
  for (const name of DEPENDENCY_NAMES) {
    machine.files.set(join(nodeModules, name, 'package.json'), '{}');
  }
}

/** Installs every system piece the test profile needs. */
export function installSystemPieces(machine: FakeMachine): void {
  machine.executables.add('/usr/bin/chromium');
  machine.executables.add('/usr/bin/fc-list');
  machine.koreanFonts = 'NanumGothic\n';
  machine.dirs.set('/usr/lib/postgresql', ['15']);
  for (const bin of ['initdb', 'pg_ctl', 'postgres']) {
    machine.executables.add(`/usr/lib/postgresql/15/bin/${bin}`);
  }
  machine.executables.add('/usr/bin/pdftotext');
  machine.executables.add('/usr/bin/pdfinfo');
}

export interface FakeIo extends SetupIo {
  /** every exec, as "command arg arg" */
  execs: string[];
  /** every run (captured probe), as "command arg arg" */
  runs: string[];
  /** every path read */
  reads: string[];
}

export function fakeIo(machine: FakeMachine): FakeIo {
  const execs: string[] = [];
  const runs: string[] = [];
  const reads: string[] = [];
  const isDirOrFile = (path: string) =>
    machine.links.has(path) ||
    [...machine.files.keys()].some((file) => file === path || file.startsWith(`${path}/`));
  return {
    execs,
    runs,
    reads,
    env: machine.env,
    uid: machine.uid,
    exists: isDirOrFile,
    isSymlink: (path) => machine.links.has(path),
    readText: (path) => {
      reads.push(path);
      return machine.files.get(path) ?? null;
    },
    writeText: (path, text) => void machine.files.set(path, text),
    isExecutable: (path) => machine.executables.has(path),
    listDir: (path) => machine.dirs.get(path) ?? [],
    run: (command, args) => {
      runs.push([command, ...args].join(' '));
      if (command === 'apt-get') {
        return { status: machine.executables.has('/usr/bin/apt-get') ? 0 : null, stdout: '' };
      }
      if (command === 'fc-list' && machine.koreanFonts !== null) {
        return { status: 0, stdout: machine.koreanFonts };
      }
      return { status: null, stdout: '' };
    },
    exec: (command, args) => {
      const line = [command, ...args].join(' ');
      execs.push(line);
      const status = machine.execStatus.get(line) ?? 0;
      if (status === 0) machine.onExec.get(line)?.();
      return status;
    },
  };
}
