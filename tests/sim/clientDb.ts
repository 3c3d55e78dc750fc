/**
 * One client database in memory: what IndexedDB holds, changed only by whole transactions (a
 * crash never leaves half of one). Each transaction runs the real pure code of the client:
 * applyMutation() (renderer/db/apply.ts, the heart of mutate()), collapseWrites() +
 * assembleMutations() (buildPushBatch); the pull side is clientPull.ts.
 */
import { getEntity, type StoredRecord } from '../../shared/registry';
import { winReason } from '../../shared/sync/applyChange';
import { parseHlc, type Hlc } from '../../shared/sync/hlc';
import type { Mutation, PushResponse, RecordChange } from '../../shared/sync/protocol';
import {
  assembleMutations,
  collapseWrites,
  resendWhole,
  wholeRecords,
  type PendingWrite,
} from '../../shared/sync/pushBatch';
import { stampedFieldsOf, type StampMeta } from '../../shared/sync/recordStamps';
import { recordKey } from '../../shared/sync/serverMerge';
import { applyMutation, type Mutation as LocalMutation } from '../../renderer/db/apply';
import type { Ledger } from './ledger';

export type SimRecord = StoredRecord & StampMeta;

export interface InboxEntry {
  entity: string;
  recordId: string;
  field: string;
  lostHlc: string;
  wonHlc: string;
  why: string;
}

/** Everything IndexedDB keeps (a backup copies all of it; structuredClone keeps Maps/Sets). */
export interface ClientDb {
  deviceId: string;
  records: Map<string, SimRecord>;
  /** the newest history key: what every write transaction catches its clock up with */
  historyMax: string | undefined;
  outbox: PendingWrite[];
  frozen:
    { ackToken: string; mutations: Mutation[]; covered: string[]; whole: string[] } | undefined;
  cursor: number;
  inbox: InboxEntry[];
  keptAside: Array<{ reason: string; direction: 'pull' | 'push'; change: RecordChange }>;
  /** oracle bookkeeping that travels with the data: (record, field) → stamps seen here */
  seen: Map<string, string[]>;
  /** oracle: (record, field, stamp) installs, to catch a write applied twice */
  installs: Set<string>;
  nextToken: number;
}

export function emptyDb(deviceId: string): ClientDb {
  return {
    deviceId,
    records: new Map(),
    historyMax: undefined,
    outbox: [],
    frozen: undefined,
    cursor: 0,
    inbox: [],
    keptAside: [],
    seen: new Map(),
    installs: new Set(),
    nextToken: 1,
  };
}

const fieldKey = (key: string, field: string) => `${key}\u0000${field}`;

export function see(db: ClientDb, key: string, field: string, stamp: string): void {
  const k = fieldKey(key, field);
  const list = db.seen.get(k) ?? [];
  if (!list.includes(stamp)) list.push(stamp);
  db.seen.set(k, list);
}

export function install(db: ClientDb, ledger: Ledger, key: string, field: string, stamp: string) {
  const k = `${fieldKey(key, field)}\u0000${stamp}`;
  if (db.installs.has(k))
    ledger.violate(`applied twice on ${db.deviceId}: ${k.split('\u0000').join('/')}`);
  db.installs.add(k);
}

/** Catches the tab's clock up with what other tabs committed (renderer/db/clock.ts). */
export function catchUp(db: ClientDb, clock: Hlc): void {
  const last = clock.last();
  if (db.historyMax && (last === undefined || db.historyMax > last)) clock.receive(db.historyMax);
}

/** mutate(): one local write, in one transaction. Returns the stamp, or undefined if refused. */
export function localWrite(
  db: ClientDb,
  clock: Hlc,
  m: LocalMutation,
  machine: string,
  ledger: Ledger,
  nowIso: string,
): string | undefined {
  catchUp(db, clock);
  const hlc = clock.tick();
  const def = getEntity(m.entity);
  const key = m.op === 'create' ? recordKey(m.entity, m.id ?? '') : recordKey(m.entity, m.id);
  const current = db.records.get(key);
  const rows = new Map<string, StoredRecord | undefined>([[m.id ?? '', current]]);
  const state = new Map([[def.table, rows]]);
  const ctx = {
    lang: 'ko' as const,
    origin: 'local' as const,
    defaultClusterId: undefined,
    state,
    errors: [],
  };
  const applied = applyMutation(ctx, m, 0, def, { hlc, deviceId: db.deviceId, now: nowIso });
  if (!applied) return undefined;
  const record = applied.record as SimRecord;
  const setFields =
    applied.before === null ? Object.keys(stampedFieldsOf(record)) : Object.keys(applied.before);
  if (setFields.length === 0) return undefined; // nothing changed: nothing to queue
  const seenBefore: Record<string, string[]> = {};
  const fields: Record<string, unknown> = {};
  for (const f of setFields) {
    seenBefore[f] = [...(db.seen.get(fieldKey(key, f)) ?? [])];
    fields[f] = record[f] ?? null;
    see(db, key, f, hlc);
    install(db, ledger, key, f, hlc);
  }
  db.records.set(key, record);
  db.outbox.push({
    id: hlc,
    entity: m.entity,
    recordId: record.id,
    op: applied.op,
    ...(applied.bases && { bases: applied.bases }),
  });
  db.historyMax = hlc;
  ledger.add({
    stamp: hlc,
    machine,
    deviceId: db.deviceId,
    entity: m.entity,
    recordId: record.id,
    fields,
    seenBefore,
    status: 'pending',
  });
  return hlc;
}

/** buildPushBatch(): the frozen batch, or a new one from the oldest queued writes. */
export function buildPushBatch(
  db: ClientDb,
  limit: number,
  ledger: Ledger,
): { mutations: Mutation[]; ackToken: string } {
  if (db.frozen) return { mutations: db.frozen.mutations, ackToken: db.frozen.ackToken };
  for (;;) {
    const { groups, covered } = collapseWrites(db.outbox, limit);
    if (covered.length === 0) return { mutations: [], ackToken: '' };
    const mutations = assembleMutations(groups, (entity, id) =>
      db.records.get(recordKey(entity, id)),
    );
    if (mutations.length === 0) {
      // Every field these writes set was overwritten by pulled writes: nothing to send.
      removeFromOutbox(db, covered);
      for (const s of covered) ledger.settle(s, 'superseded');
      continue;
    }
    db.frozen = {
      ackToken: `t${db.nextToken++}`,
      mutations: structuredClone(mutations),
      covered,
      whole: wholeRecords(groups),
    };
    return { mutations: db.frozen.mutations, ackToken: db.frozen.ackToken };
  }
}

function removeFromOutbox(db: ClientDb, ids: readonly string[]) {
  const gone = new Set(ids);
  db.outbox = db.outbox.filter((w) => !gone.has(w.id));
}

/** ackPushed(): false (nothing changed) unless `ackToken` is the frozen batch's. */
export function ackPushed(
  db: ClientDb,
  ackToken: string,
  response: PushResponse,
  ledger: Ledger,
): boolean {
  const pending = db.frozen;
  if (!pending || ackToken === '' || pending.ackToken !== ackToken) return false;
  // The server lacks these records: their writes stay queued, to be sent whole (not refused).
  const again = resendWhole(pending.mutations, response.results, pending.whole);
  ledger.resentWhole += again.size;
  const refusedRecords = new Set<string>();
  const byId = new Map(pending.mutations.map((m) => [m.mutationId, m]));
  for (const r of response.results) {
    const m = byId.get(r.mutationId);
    if (r.status !== 'refused' || !m) continue;
    const key = recordKey(m.change.entity, m.change.id);
    if (again.has(key)) continue;
    refusedRecords.add(key);
    db.keptAside.push({
      reason: `refused:${r.reason ?? 'unknown'}`,
      direction: 'push',
      change: m.change,
    });
  }
  for (const c of response.conflicts) {
    if (parseHlc(c.lostHlc).deviceId !== db.deviceId) continue;
    db.inbox.push({
      entity: c.entity,
      recordId: c.id,
      field: c.field,
      lostHlc: c.lostHlc,
      wonHlc: c.wonHlc,
      why: winReason(c.wonHlc, c.lostHlc),
    });
  }
  const writeOf = new Map(db.outbox.map((w) => [w.id, w]));
  const sent = new Set(pending.mutations.map((m) => recordKey(m.change.entity, m.change.id)));
  const done: string[] = [];
  for (const s of pending.covered) {
    const w = writeOf.get(s);
    const key = w && recordKey(w.entity, w.recordId);
    if (w && key !== undefined && again.has(key)) {
      w.whole = true; // stays queued (pending): ackOutbox(…, keepWhole) in renderer/db/outbox.ts
      continue;
    }
    // A covered write whose record is not in the batch was overwritten before it went out.
    const status =
      key === undefined || !sent.has(key)
        ? 'superseded'
        : refusedRecords.has(key)
          ? 'refused'
          : 'acked';
    ledger.settle(s, status);
    done.push(s);
  }
  removeFromOutbox(db, done);
  db.frozen = undefined;
  return true;
}
