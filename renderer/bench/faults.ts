/**
 * `window.pumasiFaults` (renderer/bench/faultsApi.ts): the real-process fault harness's hands
 * inside one device. bench.html runs in the same browser context as the app page, so this is a
 * second tab of that device: edits go through the real mutate() (its stamps are serialised with
 * the app tab's through the history table), and snapshot() reads what the device holds.
 */
import { getEntity, type StoredRecord } from '../../shared/registry';
import { RECORD_META_KEYS, fieldStamp } from '../../shared/sync/recordStamps';
import {
  DEFAULT_DB_NAME,
  PumasiDb,
  countOutbox,
  entityTable,
  getDeviceId,
  mutate,
  setSetting,
  type Mutation,
} from '../db';
import {
  CONFLICTS_TABLE,
  KEPT_ASIDE_TABLE,
  type ConflictRow,
  type KeptAsideRow,
} from '../db/remoteApply';
import { browserConnectionStore } from '../sync/connection';
import type {
  FaultEdit,
  FaultEditResult,
  FaultEntity,
  FaultRecord,
  FaultSnapshot,
  PumasiFaults,
} from './faultsApi';

const ENTITIES: readonly FaultEntity[] = ['organization', 'resource'];
const META = new Set<string>([...RECORD_META_KEYS, 'deleted']);

let opened: PumasiDb | undefined;
/** One connection for the page's life; the app tab holds its own. */
function db(): PumasiDb {
  return (opened ??= new PumasiDb(DEFAULT_DB_NAME));
}

async function setup(args: { clusterId: string; endpoint: string; token: string }): Promise<void> {
  await setSetting(db(), 'clusterId', args.clusterId);
  await setSetting(db(), 'lang', 'ko');
  await setSetting(db(), 'firstRunDone', true);
  await browserConnectionStore().save(args.endpoint, args.token);
}

function toMutation(edit: FaultEdit): Mutation {
  if (edit.op === 'create') return { entity: edit.entity, op: 'create', values: edit.values };
  if (edit.op === 'update') {
    return { entity: edit.entity, op: 'update', id: edit.id, values: edit.values };
  }
  return { entity: edit.entity, op: edit.op, id: edit.id };
}

async function edit(edits: FaultEdit[]): Promise<FaultEditResult[]> {
  const results: FaultEditResult[] = [];
  for (const e of edits) {
    // One mutate() per edit: each is its own committed write, as a user's saves are.
    const r = await mutate(db(), [toMutation(e)], { origin: 'local', lang: 'ko' });
    if (!r.ok) {
      results.push({ ok: false, message: r.errors.map((x) => x.message).join('; ') });
      continue;
    }
    const record = r.records[0] as StoredRecord;
    const written = faultRecord(e.entity, record);
    const fields =
      e.op === 'create'
        ? [...Object.keys(e.values), 'deleted']
        : e.op === 'update'
          ? Object.keys(e.values)
          : ['deleted'];
    const values: Record<string, unknown> = {};
    const stamps: Record<string, string> = {};
    for (const f of fields) {
      values[f] = written.values[f] ?? null;
      stamps[f] = written.stamps[f] as string;
    }
    results.push({ ok: true, id: record.id, values, stamps });
  }
  return results;
}

function faultRecord(entity: FaultEntity, row: StoredRecord): FaultRecord {
  const values: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  const meta = row as unknown as {
    hlc: string;
    baseHlc?: string;
    fieldHlc?: Record<string, string>;
  };
  const names = new Set([...Object.keys(row), ...Object.keys(meta.fieldHlc ?? {})]);
  for (const name of names) {
    if (META.has(name)) continue;
    values[name] = (row as Record<string, unknown>)[name] ?? null;
    stamps[name] = fieldStamp(meta, name);
  }
  values.deleted = row.deleted;
  stamps.deleted = fieldStamp(meta, 'deleted');
  return {
    entity,
    id: row.id,
    clusterId: String(row.clusterId),
    version: Number(row.version),
    values,
    stamps,
  };
}

async function snapshot(): Promise<FaultSnapshot> {
  const d = db();
  const records: FaultRecord[] = [];
  for (const entity of ENTITIES) {
    const rows = await entityTable(d, getEntity(entity).name).toArray();
    for (const row of rows) records.push(faultRecord(entity, row));
  }
  const historyCounts: Record<string, number> = {};
  await d.history.each((row) => {
    for (const e of row.entries) historyCounts[e.recordId] = (historyCounts[e.recordId] ?? 0) + 1;
  });
  const conflicts = (await d.table<ConflictRow, string>(CONFLICTS_TABLE).toArray()).map((c) => ({
    recordId: c.recordId,
    field: c.field,
    lostHlc: c.lostHlc,
    wonHlc: c.wonHlc,
    source: c.source,
  }));
  const keptAside = (await d.table<KeptAsideRow, string>(KEPT_ASIDE_TABLE).toArray()).map(
    (k) => `${k.direction} ${k.reason} ${k.entity}/${k.recordId}: ${k.message}`,
  );
  return {
    deviceId: await getDeviceId(d),
    records,
    outbox: await countOutbox(d),
    conflicts,
    keptAside,
    historyCounts,
  };
}

const api: PumasiFaults = { ready: true, setup, edit, snapshot };
window.pumasiFaults = api;
