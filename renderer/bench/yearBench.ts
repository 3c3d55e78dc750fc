/**
 * A year of heavy use on one profile (issue 10): `records` companies, then `mutations` edits
 * of them through mutate() (a few fields each, `perCall` per call), with stamps spread over the
 * twelve months that end a month ago (the clock's offset moves with the replay), a sync every
 * `syncEvery` mutations — the local half of one: push batches built and acknowledged, so the
 * outbox is drained as a real sync drains it (the server half is `server_push_*`) — and history
 * compaction at every sync and at the end. Then the same edit workload is timed on the aged
 * database and on a fresh one holding the same companies (the write path's speed).
 * The replay runs as ageStart, ageSlice … ageSlice, ageFinish: several bounded page calls.
 */
import Dexie from 'dexie';
import { compactHistory } from '../db/historyCompaction';
import { setClockOffset } from '../db/clock';
import { PumasiDb, ackPushed, buildPushBatch, countOutbox, mutate, type Mutation } from '../db';
import type {
  WriteBenchResult,
  YearBenchResult,
  YearSliceArgs,
  YearSliceResult,
  YearStartArgs,
  YearStartResult,
} from './api';
import { generateCompanies } from './rows';

const DAY = 86_400_000;
const CLUSTER = 'gumi';
/** record ids per database, in creation order (the edits pick from them) */
const idsOf = new Map<string, string[]>();

async function open(name: string): Promise<PumasiDb> {
  const db = new PumasiDb(name);
  await db.open();
  return db;
}

/** The local half of a sync: every queued write pushed (answer: all applied) and acknowledged. */
async function drainOutbox(db: PumasiDb): Promise<void> {
  for (;;) {
    const batch = await buildPushBatch(db, 1000);
    if (batch.mutations.length === 0) return;
    const results = batch.mutations.map((m) => ({
      mutationId: m.mutationId,
      status: 'applied' as const,
    }));
    await ackPushed(db, batch.ackToken, { results, conflicts: [] });
  }
}

async function createCompanies(db: PumasiDb, name: string, records: number): Promise<void> {
  const rows = generateCompanies(records);
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000).map((values): Mutation => ({
      entity: 'organization',
      op: 'create',
      values,
      clusterId: CLUSTER,
    }));
    const r = await mutate(db, batch, { origin: 'import', lang: 'ko' });
    if (!r.ok) throw new Error(`seed rejected: ${JSON.stringify(r.errors[0])}`);
    ids.push(...r.records.map((rec) => rec.id));
  }
  idsOf.set(name, ids);
  await drainOutbox(db);
}

/** Edit `n` (deterministic: the k-th edit of a run touches record k·7919 mod records). */
function edit(ids: string[], k: number): Mutation {
  const id = ids[(k * 7919) % ids.length] as string;
  const values: Record<string, unknown> =
    k % 3 === 0
      ? { employees: 5 + (k % 900), phone: `054-${460 + (k % 40)}-${1000 + (k % 9000)}` }
      : k % 3 === 1
        ? { employees: 5 + (k % 900) }
        : { address: `경상북도 구미시 수출대로 ${1 + (k % 400)}` };
  return { entity: 'organization', op: 'update', id, values };
}

async function edits(db: PumasiDb, ids: string[], from: number, count: number, perCall: number) {
  for (let k = from; k < from + count; k += perCall) {
    const batch = [];
    for (let j = k; j < Math.min(k + perCall, from + count); j++) batch.push(edit(ids, j));
    const r = await mutate(db, batch, { lang: 'ko' });
    if (!r.ok) throw new Error(`edit rejected: ${JSON.stringify(r.errors[0])}`);
  }
}

export async function seedCompanies(args: { dbName: string; records: number }): Promise<void> {
  await Dexie.delete(args.dbName);
  const db = await open(args.dbName);
  try {
    await createCompanies(db, args.dbName, args.records);
  } finally {
    db.close();
  }
}

/** Starts the replay: `records` companies in a fresh `dbName`, stamped at the year's start. */
export async function ageStart(args: YearStartArgs): Promise<YearStartResult> {
  await Dexie.delete(args.dbName);
  const db = await open(args.dbName);
  try {
    const yearStart = Date.now() - 395 * DAY; // twelve months ending about a month ago
    setClockOffset(db, yearStart - Date.now());
    const start = performance.now();
    await createCompanies(db, args.dbName, args.records);
    return { yearStart, ms: performance.now() - start };
  } finally {
    db.close();
  }
}

/**
 * One slice of the replay: edits `from` … `from + count` (a whole number of syncs), each sync's
 * worth followed by the sync's local half and compaction. The driver calls it until all
 * `mutations` are done, so no page call runs for long and progress shows between slices.
 */
export async function ageSlice(args: YearSliceArgs): Promise<YearSliceResult> {
  const db = await open(args.dbName);
  try {
    const ids = idsOf.get(args.dbName);
    if (!ids) throw new Error(`ageStart did not run for ${args.dbName}`);
    const start = performance.now();
    let compacted = { before: 0, after: 0 };
    const end = Math.min(args.from + args.count, args.mutations);
    for (let done = args.from; done < end; done += args.syncEvery) {
      const count = Math.min(args.syncEvery, end - done);
      // the replay's "now": moves through the year as the mutations do
      const replayNow = args.yearStart + (365 * DAY * (done + count)) / args.mutations;
      setClockOffset(db, replayNow - Date.now());
      await edits(db, ids, done, count, args.perCall);
      await drainOutbox(db);
      compacted = await compactHistory(db, { now: replayNow });
    }
    return { done: end, ms: performance.now() - start, compacted };
  } finally {
    db.close();
  }
}

/** Ends the replay at today's clock: compaction once more, and what the database holds. */
export async function ageFinish(args: { dbName: string }): Promise<YearBenchResult> {
  const db = await open(args.dbName);
  try {
    const start = performance.now();
    const compacted = await compactHistory(db);
    const ms = performance.now() - start;
    const rows = await db.history.toArray();
    return {
      ms,
      historyRows: rows.length,
      historyEntries: rows.reduce((n, r) => n + r.entries.length, 0),
      outboxEntries: await countOutbox(db),
      compacted,
    };
  } finally {
    db.close();
  }
}

/** The timed write path: `edits` edits of the database's companies, `perCall` per mutate(). */
export async function editWorkload(args: {
  dbName: string;
  records: number;
  edits: number;
  perCall: number;
}): Promise<WriteBenchResult> {
  const db = await open(args.dbName);
  try {
    const ids = idsOf.get(args.dbName);
    if (!ids) throw new Error(`no companies seeded in ${args.dbName}`);
    // past every edit index of the replay, so the workload is the same on both databases
    const start = performance.now();
    await edits(db, ids, 1_000_000_000, args.edits, args.perCall);
    const ms = performance.now() - start;
    await drainOutbox(db);
    return { rows: args.edits, ms };
  } finally {
    db.close();
  }
}

export async function dropDatabase(args: { dbName: string }): Promise<void> {
  idsOf.delete(args.dbName);
  await Dexie.delete(args.dbName);
}
