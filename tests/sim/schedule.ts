/**
 * One random schedule: who exists, what users type, and every fault the scheduler injects —
 * message drops, duplicates, delays and reordering, partitions, crashes of clients and server,
 * clock skews of minutes to days, backups and restores. Then heal() and quiesce(): every
 * machine up, clocks right, the network perfect, and every machine syncs until nothing moves.
 */
import { CENTRAL_OFFICE_CODE } from '../../shared/registry/enums';
import type { Mutation as LocalMutation } from '../../renderer/db/apply';
import { emptyDb, localWrite, type ClientDb } from './clientDb';
import type { Rng } from './prng';
import { World, type Machine } from './world';
import type { Variant } from './variants';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CLUSTERS = ['gumi', 'ulsan', 'changwon'] as const;
const VALUES = ['가나', '다라', '마바', '사아'];
const KINDS = ['company', 'university', 'institute'];

function newMachine(name: string, owner: string, tabs: number): Machine {
  const role = owner === CENTRAL_OFFICE_CODE ? 'hq' : 'team';
  return {
    name,
    owner,
    principal: { tokenId: `tok-${name}`, clusterCode: owner, role },
    skew: 0,
    up: true,
    db: emptyDb(`${name}d0`),
    tabs: Array.from({ length: tabs }, () => ({ clock: undefined, offset: 0 })),
    backups: [],
    run: undefined,
    highWater: 0,
    restores: 0,
  };
}

export function createWorld(rng: Rng, variant: Variant): World {
  const clusters = CLUSTERS.slice(0, 2 + rng.int(2));
  const machines: Machine[] = [newMachine('hq', CENTRAL_OFFICE_CODE, 1)];
  clusters.forEach((c, i) => {
    const count = rng.chance(0.75) ? 2 : 1;
    // The first cluster's first machine has two tabs sharing one database and device id.
    for (let k = 0; k < count; k++)
      machines.push(newMachine(`${c}${k}`, c, i === 0 && k === 0 ? 2 : 1));
  });
  const world = new World(rng, variant, machines);
  for (const m of machines) world.ledger.ownerOfDevice.set(m.db.deviceId, m.owner);
  world.net.faults = {
    drop: rng.next() * 0.2,
    duplicate: rng.next() * 0.2,
    maxDelaySeconds: rng.int(6),
  };
  world.crashChance = rng.next() * 0.08;
  seed(world);
  return world;
}

/** Every schedule starts from a synced network: a few records per owner that everyone has. */
function seed(w: World): void {
  const { crashChance, faults } = { crashChance: w.crashChance, faults: w.net.faults };
  w.crashChance = 0;
  w.net.faults = { drop: 0, duplicate: 0, maxDelaySeconds: 0 };
  for (const m of w.machines)
    if (m.name.endsWith('0') || m.owner === CENTRAL_OFFICE_CODE)
      for (let i = 0; i < 2; i++) write(w, m);
  quiesce(w, 0);
  w.crashChance = crashChance;
  w.net.faults = faults;
}

/** A user's edit: mostly their own records; now and then one that is not theirs (refused). */
function userMutation(w: World, m: Machine): LocalMutation | undefined {
  const { rng } = w;
  const hq = m.owner === CENTRAL_OFFICE_CODE;
  const rogue = rng.chance(0.05);
  const mine = [...m.db.records.values()].filter((r) => (r.clusterId === m.owner) !== rogue);
  if (mine.length === 0 || rng.chance(mine.length < 3 ? 0.2 : 0.04)) {
    const id = `r${++w.recordSeq}`;
    if (hq && !rogue) {
      return {
        entity: 'cluster',
        op: 'create',
        id,
        clusterId: CENTRAL_OFFICE_CODE,
        values: { code: rng.pick(CLUSTERS), name: rng.pick(VALUES), complex: rng.pick(VALUES) },
      };
    }
    const clusterId = rogue
      ? rng.pick([...CLUSTERS.filter((c) => c !== m.owner), CENTRAL_OFFICE_CODE])
      : m.owner;
    return {
      entity: 'organization',
      op: 'create',
      id,
      clusterId,
      values: { name: rng.pick(VALUES), kind: rng.pick(KINDS) },
    };
  }
  // Most edits go to a few hot records, so machines often edit the same fields at once.
  const r = rng.chance(0.7) ? rng.pick(mine.slice(0, 3)) : rng.pick(mine);
  const entity = r.clusterId === CENTRAL_OFFICE_CODE ? 'cluster' : 'organization';
  if (rng.chance(0.12)) return { entity, op: r.deleted ? 'restore' : 'delete', id: r.id };
  const fields = entity === 'cluster' ? ['name', 'complex'] : ['name', 'kind', 'representative'];
  const values: Record<string, unknown> = {};
  for (let n = 1 + rng.int(2); n > 0; n--) {
    const f = rng.pick(fields);
    values[f] = f === 'kind' ? rng.pick(KINDS) : rng.pick(VALUES);
  }
  return { entity, op: 'update', id: r.id, values };
}

function write(w: World, m: Machine): void {
  const tab = w.rng.int(m.tabs.length);
  const mutation = userMutation(w, m);
  if (!mutation) return;
  const clock = w.clockOf(m, tab);
  const stamp = localWrite(m.db, clock, mutation, m.name, w.ledger, new Date(w.now).toISOString());
  w.checkMinted(m, stamp);
  if (stamp)
    w.ledger.note(
      `${m.name}/${tab} ${mutation.op} ${mutation.entity}:${'id' in mutation ? mutation.id : ''} ${JSON.stringify('values' in mutation ? mutation.values : {})} @${stamp}`,
    );
}

function skewJump(w: World, m: Machine): void {
  const { rng } = w;
  const unit = rng.pick([MINUTE, HOUR, DAY]);
  const size = unit === DAY ? 1 + rng.int(3) : 1 + rng.int(unit === HOUR ? 23 : 59);
  m.skew = rng.chance(0.2) ? 0 : (rng.chance(0.5) ? 1 : -1) * size * unit;
  w.ledger.note(`skew ${m.name} ${m.skew} ms`);
}

function restore(w: World, m: Machine): void {
  const backup = w.rng.pick(m.backups);
  const db: ClientDb = structuredClone(backup);
  // The restored database takes a new device id in the restore transaction (docs/SYNC.md).
  db.deviceId = `${m.name}d${++m.restores}`;
  w.ledger.ownerOfDevice.set(db.deviceId, m.owner);
  const kept = new Set([...db.outbox.map((o) => o.id), ...(db.frozen?.covered ?? [])]);
  for (const write of w.ledger.writes.values()) {
    if (write.machine === m.name && write.status === 'pending' && !kept.has(write.stamp))
      write.status = 'discarded';
  }
  m.db = db;
  w.crash(m); // a restore reloads the app
  w.restart(m);
  w.ledger.note(`restore ${m.name} from a backup → device ${db.deviceId}`);
}

/** One step of the random schedule. */
export function step(w: World): void {
  const { rng } = w;
  w.now += rng.chance(0.05) ? rng.int(3 * HOUR) : rng.int(4) * 1000;
  w.expireRuns();
  for (let n = rng.int(5); n > 0 && w.deliverOne(); n--);
  const m = rng.pick(w.machines);
  const roll = rng.int(100);
  if (roll < 50) {
    if (m.up) write(w, m);
  } else if (roll < 60) w.startRun(m, rng.int(m.tabs.length));
  else if (roll < 64) {
    if (m.up) w.crash(m);
    else w.restart(m);
  } else if (roll < 67) skewJump(w, m);
  else if (roll < 70) {
    if (w.net.cut.has(m.name)) w.net.cut.delete(m.name);
    else w.net.cut.add(m.name);
    w.ledger.note(`partition ${m.name} ${w.net.cut.has(m.name) ? 'cut' : 'joined'}`);
  } else if (roll < 73) m.backups.push(structuredClone(m.db));
  else if (roll < 75) {
    if (m.backups.length > 0 && m.up) restore(w, m);
  } else if (roll < 78) {
    if (w.serverUp) w.crashServer('between requests');
    else {
      w.serverUp = true;
      w.ledger.note('server restart');
    }
  } else if (!m.up && rng.chance(0.3)) w.restart(m);
}

/** Heals everything, lets time pass beyond every skew, and syncs every machine until still. */
export function quiesce(w: World, healAdvanceMs: number): void {
  w.crashChance = 0;
  w.net.faults = { drop: 0, duplicate: 0, maxDelaySeconds: 0 };
  w.net.cut.clear();
  w.serverUp = true;
  w.now += healAdvanceMs;
  for (const m of w.machines) {
    m.skew = 0;
    if (!m.up) w.restart(m);
  }
  while (w.deliverOne()); // late messages arrive now
  for (let round = 0; round < 3; round++) {
    for (const m of w.machines) {
      m.run = undefined;
      w.startRun(m, 0);
      for (let guard = 0; m.run && guard < 10_000; guard++) w.deliverOne();
      if (m.run) w.ledger.violate(`${m.name}: sync did not finish while quiescing`);
      w.now += 1000;
    }
  }
}
