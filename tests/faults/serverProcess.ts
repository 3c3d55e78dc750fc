/**
 * The sync server as a real child process (`node --import tsx server/main.ts`: the code
 * `npm run server` runs bundled, here from the sources so no stale bundle is ever under test),
 * over a PGlite folder or a PostgreSQL database. One process, no wrapper,
 * so SIGKILL kills exactly the server mid-whatever-it-was-doing. It keeps its port across
 * restarts, so the proxy's upstream does not move.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createToken, seedClusters } from '../../server/auth/tokens';
import { migrate } from '../../server/db/migrate';
import { openDb } from '../../server/db/open';
import { freePort } from '../support/postgres';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = ['--import', 'tsx', 'server/main.ts'];

export interface ServerDb {
  kind: 'pglite' | 'postgres';
  /** PGlite data folder, or PostgreSQL URL */
  location: string;
}

function envFor(db: ServerDb, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    // The harness's clients sync in bursts; the limit is not what is under test here.
    PUMASI_RATE_LIMIT: '100000',
  };
  delete env.DATABASE_URL;
  delete env.PUMASI_DATA_DIR;
  if (db.kind === 'postgres') env.DATABASE_URL = db.location;
  else env.PUMASI_DATA_DIR = db.location;
  return env;
}

/**
 * Makes the harness's tokens before the server starts (PGlite allows one process per folder):
 * in this process, with the server's own migrations and token code — one database start-up
 * instead of one child process per `token create`.
 */
export async function createTokens(
  db: ServerDb,
  cluster: string,
): Promise<{ team: string; hq: string }> {
  const handle = await openDb(
    db.kind === 'postgres' ? { databaseUrl: db.location, dataDir: '' } : { dataDir: db.location },
  );
  try {
    await migrate(handle);
    await seedClusters(handle);
    const team = await createToken(handle, { role: 'team', cluster });
    const hq = await createToken(handle, { role: 'hq' });
    return { team: team.token, hq: hq.token };
  } finally {
    await handle.close();
  }
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private log = '';
  starts = 0;
  kills = 0;

  private constructor(
    readonly db: ServerDb,
    readonly port: number,
  ) {}

  static async create(db: ServerDb): Promise<ServerProcess> {
    return new ServerProcess(db, await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: envFor(this.db, this.port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (this.child !== child) {
        throw new Error(`server exited during start-up:\n${this.log}`);
      }
      try {
        const r = await fetch(`${this.url}/health`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not answer /health within 180 s:\n${this.log}`);
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.kills++;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.child) await this.kill();
  }

  recentLog(): string {
    return this.log;
  }
}
