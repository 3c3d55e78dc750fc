/**
 * The pure half of mutate(): turns one mutation and the record's current state into the next
 * state and the before-image for history. No IndexedDB here, no promises: mutate() runs this in a
 * tight loop for a whole batch inside its transaction.
 */
import {
  getEntity,
  validateRecord,
  type EntityDef,
  type EntityName,
  type Lang,
  type RecordData,
  type StoredRecord,
} from '../../shared/registry';
import { newId } from '../../shared/sync/ids';
import {
  RECORD_META_KEYS,
  fieldStamp,
  restamp,
  type StampMeta,
} from '../../shared/sync/recordStamps';
import type { MutationOp } from './schema';

export type Mutation =
  | {
      entity: EntityName;
      op: 'create';
      values: Record<string, unknown>;
      id?: string;
      clusterId?: string;
    }
  | {
      entity: EntityName;
      op: 'update';
      id: string;
      values: Record<string, unknown>; // partial patch
      /** apply only if these fields still hold these values (expect.ts) */
      expect?: Record<string, unknown>;
    }
  | { entity: EntityName; op: 'delete' | 'restore'; id: string }; // soft delete / undo

/** 'demo' writes are not queued in the outbox (never pushed to the server). Pulled changes do
 *  not come through here at all: they keep their senders' stamps (remoteApply.ts). */
export type MutationOrigin = 'local' | 'demo' | 'import';

export interface MutationError {
  index: number;
  field: string;
  message: string;
}

/** Record keys written only by mutate(); a patch cannot set them (the per-field stamps included). */
export const META_KEYS = [...RECORD_META_KEYS, 'deleted'] as const;

const storeMessages = {
  ko: {
    notFound: (id: string) => `해당 항목을 찾을 수 없습니다 (id: ${id})`,
    exists: (id: string) => `같은 id의 항목이 이미 있습니다 (id: ${id})`,
    badId: () => 'id는 1~64자의 문자열이어야 합니다',
    noCluster: () => '소속 클러스터가 정해지지 않았습니다. 설정에서 클러스터를 고르세요',
    unknownEntity: (name: string) => `알 수 없는 항목 종류입니다: ${name}`,
  },
  en: {
    notFound: (id: string) => `No such record (id: ${id})`,
    exists: (id: string) => `A record with this id already exists (id: ${id})`,
    badId: () => 'An id must be a string of 1–64 characters',
    noCluster: () => 'No cluster is set. Choose your cluster in Settings',
    unknownEntity: (name: string) => `Unknown kind of record: ${name}`,
  },
} as const;

export function storeMessage(lang: Lang) {
  return storeMessages[lang] ?? storeMessages.ko;
}

export function lookupEntity(name: EntityName): EntityDef | undefined {
  try {
    return getEntity(name);
  } catch {
    return undefined;
  }
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 64;
}

/** The data fields of a stored record (meta stripped), for merging a patch onto it. */
export function dataFields(record: StoredRecord): Record<string, unknown> {
  const data: Record<string, unknown> = { ...record };
  for (const k of META_KEYS) delete data[k];
  return data;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return false;
}

/**
 * Previous values of the fields that differ between two states (null where a field was absent).
 * Small on purpose: history keeps only what a write changed, which is what undo needs.
 */
export function beforeImage(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const before: Record<string, unknown> = {};
  for (const k in previous) if (!sameValue(previous[k], next[k])) before[k] = previous[k] ?? null;
  for (const k in next) if (!(k in previous) && next[k] !== undefined) before[k] = null;
  return before;
}

export interface WriteStamp {
  hlc: string;
  deviceId: string;
  /** ISO time of the whole batch (one transaction ⇒ one moment) */
  now: string;
}

/** Builds the stored record: meta first, then the validated data. */
export function buildRecord(
  meta: { id: string; clusterId: string; version: number; createdAt: string; deleted: 0 | 1 },
  data: RecordData,
  stamp: WriteStamp,
  stamps?: StampMeta,
): StoredRecord {
  const record: StoredRecord = {
    ...data,
    id: meta.id,
    clusterId: meta.clusterId,
    version: meta.version,
    hlc: stamps?.hlc ?? stamp.hlc,
    deviceId: stamp.deviceId,
    createdAt: meta.createdAt,
    updatedAt: stamp.now,
    deleted: meta.deleted,
  };
  // Per-field stamps only when they differ from `hlc` (a create stores none): recordStamps.ts.
  if (stamps?.baseHlc) record.baseHlc = stamps.baseHlc;
  if (stamps?.fieldHlc) (record as Record<string, unknown>).fieldHlc = stamps.fieldHlc;
  return record;
}

/** The next state of an existing record under an update / delete / restore. */
export function applyToExisting(
  current: StoredRecord,
  op: Exclude<MutationOp, 'create'>,
  data: RecordData | undefined,
  stamp: WriteStamp,
): { record: StoredRecord; before: Record<string, unknown>; bases: Record<string, string | null> } {
  const deleted: 0 | 1 = op === 'delete' ? 1 : op === 'restore' ? 0 : current.deleted;
  const nextData = data ?? (dataFields(current) as RecordData);
  const before =
    data === undefined
      ? { deleted: current.deleted } // delete/restore change only the tombstone
      : beforeImage(dataFields(current), nextData);
  if (deleted !== current.deleted) before.deleted = current.deleted;
  // The fields this write set get its stamp; `bases` keeps the stamps they replaced (the push
  // sends them, so the server tells a concurrent write from a sequential one).
  const stamps: Record<string, string> = {};
  const bases: Record<string, string | null> = {};
  const currentStamps = current as StoredRecord & StampMeta;
  for (const field in before) {
    stamps[field] = stamp.hlc;
    bases[field] = fieldStamp(currentStamps, field) ?? null;
  }
  const record = buildRecord(
    {
      id: current.id,
      clusterId: current.clusterId,
      version: (current.version ?? 0) + 1,
      createdAt: current.createdAt,
      deleted,
    },
    nextData,
    stamp,
    restamp({ ...currentStamps, hlc: currentStamps.hlc }, stamps),
  );
  return { record, before, bases };
}

/** What applyMutation needs besides the mutation: the batch's shared state. */
export interface ApplyContext {
  lang: Lang;
  origin: MutationOrigin;
  defaultClusterId: string | undefined;
  /** current state per table (from one bulkGet), updated as the batch applies */
  state: Map<string, Map<string, StoredRecord | undefined>>;
  errors: MutationError[];
}

export interface Applied {
  record: StoredRecord;
  op: MutationOp;
  before: Record<string, unknown> | null;
  /** field → its stamp before this write; absent on a create */
  bases?: Record<string, string | null>;
}

/**
 * Applies mutation `index` to the batch state: validates it (the registry's zod schema) and
 * returns the next record, or records its errors in `ctx.errors` and returns undefined.
 */
export function applyMutation(
  ctx: ApplyContext,
  m: Mutation,
  index: number,
  def: EntityDef,
  stamp: WriteStamp,
): Applied | undefined {
  const msg = storeMessage(ctx.lang);
  const fail = (field: string, message: string) => {
    ctx.errors.push({ index, field, message });
    return undefined;
  };
  let current = ctx.state.get(def.table);
  if (!current) ctx.state.set(def.table, (current = new Map()));
  let applied: Applied;

  if (m.op === 'create') {
    const existing = m.id === undefined ? undefined : current.get(m.id);
    if (existing) return fail('id', msg.exists(existing.id));
    const r = validateRecord(def, m.values, ctx.lang);
    if (!r.ok) {
      for (const e of r.errors) ctx.errors.push({ index, ...e });
      return undefined;
    }
    {
      const clusterId = m.clusterId || ctx.defaultClusterId;
      if (!clusterId) return fail('clusterId', msg.noCluster());
      const meta = {
        id: m.id ?? newId(),
        clusterId,
        version: 1,
        createdAt: stamp.now,
        deleted: 0 as const,
      };
      applied = { op: 'create', before: null, record: buildRecord(meta, r.value, stamp) };
    }
  } else {
    const existing = current.get(m.id);
    if (!existing) return fail('id', msg.notFound(m.id));
    let data: RecordData | undefined;
    if (m.op === 'update') {
      // Validate the merged record, not the patch: required fields must still hold.
      const r = validateRecord(def, { ...dataFields(existing), ...m.values }, ctx.lang);
      if (!r.ok) {
        for (const e of r.errors) ctx.errors.push({ index, ...e });
        return undefined;
      }
      data = r.value;
    }
    applied = { op: m.op, ...applyToExisting(existing, m.op, data, stamp) };
  }
  current.set(applied.record.id, applied.record); // later mutations of the batch see this state
  return applied;
}
