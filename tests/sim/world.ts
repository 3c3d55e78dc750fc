/**
 * The simulated world: machines (each a client database, one or two tabs, a system clock that
 * may be wrong), the server, the network and the engine's run (renderer/sync/engine.ts: health
 * → push until empty → pull until done). Volatile state (tab clocks, measured clock offsets, a
 * run in progress) is lost in a crash; the database and the server's committed state are not.
 */
import { createHlc, parseHlc, SYNC_MAX_DRIFT_MS, type Hlc } from '../../shared/sync/hlc';
import type { Mutation, PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { TokenPrincipal } from '../../server/auth/tokens';
import { ackPushed, buildPushBatch, type ClientDb } from './clientDb';
import { applyRemote, retryKeptAside } from './clientPull';
import { Ledger } from './ledger';
import { Network } from './network';
import type { Rng } from './prng';
import { ServerModel } from './serverModel';
import type { Variant } from './variants';

export interface Tab {
  clock: Hlc | undefined;
  /** server − local, measured at the last health call of this tab (in memory only) */
  offset: number;
}

export interface Run {
  tab: number;
  reqId: number;
  sentLocal: number;
  deadline: number;
  ackToken: string;
}

export interface Machine {
  name: string;
  /** the owner code its token writes for: a cluster, or `central` (hq) */
  owner: string;
  principal: TokenPrincipal;
  /** system clock error, ms */
  skew: number;
  up: boolean;
  db: ClientDb;
  tabs: Tab[];
  backups: ClientDb[];
  run: Run | undefined;
  /** the highest corrected time this machine's clocks have read (for the drift bound check) */
  highWater: number;
  restores: number;
}

type Request =
  | { kind: 'health'; reqId: number }
  | { kind: 'push'; reqId: number; deviceId: string; mutations: Mutation[] }
  | { kind: 'pull'; reqId: number; after: number };
type Response =
  | { kind: 'health'; reqId: number; serverTime: number }
  | { kind: 'push'; reqId: number; body: PushResponse | 'refused' }
  | { kind: 'pull'; reqId: number; body: PullResponse };

const PUSH_LIMIT = 4; // small batches: more batches, more chances to interleave
const PULL_LIMIT = 5;
const TIMEOUT_MS = 20_000;

export class World {
  now = Date.UTC(2026, 0, 5, 9);
  readonly net: Network;
  readonly server: ServerModel;
  readonly ledger = new Ledger();
  serverUp = true;
  /** chance the server or a client crashes inside a sync step (0 while quiescing) */
  crashChance = 0;
  private reqSeq = 1;
  recordSeq = 0;

  constructor(
    readonly rng: Rng,
    readonly variant: Variant,
    readonly machines: Machine[],
  ) {
    this.net = new Network(rng);
    this.server = new ServerModel(variant);
  }

  machine(name: string): Machine {
    return this.machines.find((m) => m.name === name) as Machine;
  }

  /** The tab's clock (seeded from the newest history key, like getClock()). */
  clockOf(m: Machine, tabIndex: number): Hlc {
    const tab = m.tabs[tabIndex] as Tab;
    if (tab.clock && tab.clock.deviceId === m.db.deviceId) return tab.clock;
    const previous = tab.clock?.last();
    const clock = createHlc(m.db.deviceId, () => {
      const t = this.now + m.skew + tab.offset;
      m.highWater = Math.max(m.highWater, t);
      return t;
    });
    if (previous) clock.receive(previous);
    if (m.db.historyMax) clock.receive(m.db.historyMax);
    tab.clock = clock;
    return clock;
  }

  /** HLC bounded drift: no stamp this machine mints runs further ahead of its clock than the bound. */
  checkMinted(m: Machine, stamp: string | undefined): void {
    if (!stamp) return;
    const ahead = parseHlc(stamp).wallMs - m.highWater;
    if (ahead > SYNC_MAX_DRIFT_MS) {
      this.ledger.violate(`${m.name} minted ${stamp}, ${ahead} ms ahead of its clock`);
    }
  }

  crash(m: Machine): void {
    m.up = false;
    m.run = undefined;
    for (const t of m.tabs) Object.assign(t, { clock: undefined, offset: 0 });
    this.ledger.note(`crash ${m.name}`);
  }

  restart(m: Machine): void {
    m.up = true;
    this.ledger.note(`restart ${m.name}`);
  }

  startRun(m: Machine, tab: number): void {
    if (!m.up || m.run) return;
    m.run = { tab, reqId: 0, sentLocal: 0, deadline: 0, ackToken: '' };
    this.request(m, { kind: 'health', reqId: 0 });
  }

  private request(m: Machine, req: Request): void {
    const run = m.run as Run;
    run.reqId = req.reqId = this.reqSeq++;
    run.sentLocal = this.now + m.skew;
    run.deadline = this.now + TIMEOUT_MS;
    this.net.send(m.name, 'server', this.now, req);
  }

  /** Runs whose answer is overdue fail (the engine retries later). */
  expireRuns(): void {
    for (const m of this.machines) if (m.run && m.run.deadline < this.now) m.run = undefined;
  }

  /** Delivers one due message, if any. Returns false when none was due. */
  deliverOne(): boolean {
    const msg = this.net.takeDue(this.now);
    if (!msg) return false;
    if (msg.to === 'server') this.serve(this.machine(msg.from), msg.payload as Request);
    else this.onResponse(this.machine(msg.to), msg.payload as Response);
    return true;
  }

  private reply(m: Machine, res: Response) {
    this.net.send('server', m.name, this.now, res);
  }

  private serve(m: Machine, req: Request): void {
    if (!this.serverUp) return;
    if (req.kind === 'health') return this.reply(m, { ...req, serverTime: this.now });
    if (req.kind === 'pull') {
      const body = this.server.pull(m.principal, req.after, PULL_LIMIT, this.now);
      return this.reply(m, { kind: 'pull', reqId: req.reqId, body });
    }
    this.ledger.note(
      `server got push of ${m.name}: ${req.mutations.map((x) => `${x.change.id}[${Object.keys(x.change.fields).join(',')}]`).join(' ')}`,
    );
    const staged = this.server.push(
      m.principal,
      { protocol: 1, deviceId: req.deviceId, mutations: req.mutations },
      this.now,
    );
    if (staged === 'mismatch')
      return this.reply(m, { kind: 'push', reqId: req.reqId, body: 'refused' });
    const crash = this.rng.chance(this.crashChance);
    if (this.variant.ackBeforeCommit) {
      this.reply(m, { kind: 'push', reqId: req.reqId, body: staged.response });
      if (crash) return this.crashServer('after answering, before commit');
      return staged.commit();
    }
    if (crash && this.rng.chance(0.5)) return this.crashServer('before commit');
    staged.commit();
    if (crash) return this.crashServer('after commit, before answering');
    this.reply(m, { kind: 'push', reqId: req.reqId, body: staged.response });
  }

  crashServer(when: string): void {
    this.serverUp = false;
    this.ledger.note(`server crash ${when}`);
  }

  private onResponse(m: Machine, res: Response): void {
    const run = m.run;
    if (!m.up || !run || res.reqId !== run.reqId) return; // late, duplicated or from before a crash
    const tab = m.tabs[run.tab] as Tab;
    if (res.kind === 'health') {
      // Measured at the request's midpoint (skew.ts), kept in whole seconds: every clock here
      // ticks in seconds, so stamps equal in time and counter (ties: the device id decides) are common.
      const offset = res.serverTime - (run.sentLocal + this.now + m.skew) / 2;
      tab.offset = Math.round(offset / 1000) * 1000;
      return this.pushStep(m);
    }
    if (res.kind === 'push') {
      if (res.body === 'refused') return void (m.run = undefined);
      const statuses = res.body.results.map((r) => `${r.status}${r.reason ? `:${r.reason}` : ''}`);
      this.ledger.note(`${m.name} push answered: ${statuses.join(' ')}`);
      ackPushed(m.db, run.ackToken, res.body, this.ledger);
      return this.pushStep(m);
    }
    const clock = this.clockOf(m, run.tab);
    this.ledger.note(
      `${m.name} pulled ${res.body.changes.length} after ${m.db.cursor} → ${res.body.cursor}`,
    );
    const opts = {
      physicalMs: this.now + m.skew + tab.offset,
      maxDriftMs: this.variant.clientMaxDriftMs ?? SYNC_MAX_DRIFT_MS,
      ledger: this.ledger,
    };
    // The page and the cursor past it are ONE transaction (SyncStore.applyRemote): a crash comes
    // before both (the page is pulled again) or after both (it is not), never in between.
    const crash = this.rng.chance(this.crashChance);
    if (crash && this.rng.chance(0.5)) return this.crash(m);
    applyRemote(m.db, clock, res.body.changes, opts);
    m.db.cursor = Number(res.body.cursor);
    this.checkMinted(m, clock.last());
    if (crash) return this.crash(m);
    if (res.body.hasMore) return this.request(m, { kind: 'pull', reqId: 0, after: m.db.cursor });
    retryKeptAside(m.db, clock, opts);
    this.checkMinted(m, clock.last());
    m.run = undefined;
  }

  private pushStep(m: Machine): void {
    const run = m.run as Run;
    const batch = buildPushBatch(m.db, PUSH_LIMIT, this.ledger);
    if (batch.mutations.length === 0) {
      return this.request(m, { kind: 'pull', reqId: 0, after: m.db.cursor });
    }
    run.ackToken = batch.ackToken;
    this.request(m, {
      kind: 'push',
      reqId: 0,
      deviceId: m.db.deviceId,
      mutations: batch.mutations,
    });
  }
}
