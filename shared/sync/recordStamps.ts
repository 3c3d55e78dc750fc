/**
 * Per-field stamps of a stored record, in a compact shape (docs/SYNC.md, "Record meta").
 *
 * Every field of a record (its data fields and the tombstone `deleted`) has the stamp of the
 * write that last set it. Stored as:
 * - `hlc`: the newest stamp of the record (the last write applied to it);
 * - `baseHlc` (optional): the stamp of every field NOT listed in `fieldHlc`; absent ⇒ `hlc`;
 * - `fieldHlc` (optional): field → stamp, only for fields whose stamp differs from the base.
 * A record created in one write stores nothing extra (all fields carry `hlc`): imports and
 * creates cost no more than before, and records written before per-field stamps existed (v3)
 * read as "every field stamped with the record's hlc" without any data migration.
 * A field listed in `fieldHlc` may be absent from the record: it was cleared by that write, and
 * the stamp keeps an older concurrent value from coming back.
 */
import type { StampedFields } from './merge';
import { isHlc } from './hlc';

export interface StampMeta {
  hlc: string;
  baseHlc?: string;
  fieldHlc?: Record<string, string>;
}

/** Record keys that are bookkeeping, never a field that syncs on its own (see RecordMeta). */
export const RECORD_META_KEYS = [
  'id',
  'clusterId',
  'version',
  'hlc',
  'baseHlc',
  'fieldHlc',
  'deviceId',
  'createdAt',
  'updatedAt',
] as const;
const META = new Set<string>(RECORD_META_KEYS);

/** The stamp of one field of a record. */
export function fieldStamp(meta: StampMeta, field: string): string {
  return meta.fieldHlc?.[field] ?? meta.baseHlc ?? meta.hlc;
}

/**
 * The meta after a write that set `stamps` (field → stamp). `hlc` becomes the newest stamp;
 * fields stamped like the base are dropped from the map, so it holds only what changed since.
 */
export function restamp(meta: StampMeta, stamps: Readonly<Record<string, string>>): StampMeta {
  // `meta.hlc` can only be missing on a malformed row; then no base is known.
  const base: string | undefined = meta.baseHlc ?? meta.hlc;
  let hlc: string = meta.hlc ?? '';
  const fieldHlc: Record<string, string> = { ...meta.fieldHlc };
  for (const [field, stamp] of Object.entries(stamps)) {
    if (stamp > hlc) hlc = stamp;
    if (stamp === base) delete fieldHlc[field];
    else fieldHlc[field] = stamp;
  }
  const next: StampMeta = { hlc };
  if (base && base !== hlc) next.baseHlc = base;
  if (Object.keys(fieldHlc).length > 0) next.fieldHlc = fieldHlc;
  return next;
}

/**
 * The meta of a record first seen with these per-field stamps (a pulled record): the most
 * frequent stamp is the base, so a record written in one go stores no map.
 */
export function metaFromStamps(stamps: Readonly<Record<string, string>>): StampMeta {
  const counts = new Map<string, number>();
  let hlc = '';
  for (const s of Object.values(stamps)) {
    counts.set(s, (counts.get(s) ?? 0) + 1);
    if (s > hlc) hlc = s;
  }
  let base = hlc;
  for (const [s, n] of counts) if (n > (counts.get(base) ?? 0)) base = s;
  return restamp(base === hlc ? { hlc } : { hlc, baseHlc: base }, stamps);
}

/** The record's fields with their stamps, as the merge takes them (data fields + `deleted`). */
export function stampedFieldsOf(
  record: Readonly<Record<string, unknown>> & StampMeta,
): StampedFields {
  const fields: StampedFields = {};
  for (const key of Object.keys(record)) {
    if (META.has(key) || record[key] === undefined) continue;
    fields[key] = { value: record[key], hlc: fieldStamp(record, key) };
  }
  // A cleared field keeps its stamp (see the header): it competes as the value null.
  for (const key of Object.keys(record.fieldHlc ?? {})) {
    if (!(key in fields)) fields[key] = { value: null, hlc: fieldStamp(record, key) };
  }
  return fields;
}

/** Why a stored record's per-field stamp meta is unusable, or null when it is fine or absent
 *  (restore checks it; `hlc` itself is checked where records are, not here). */
export function stampMetaProblem(row: Readonly<Record<string, unknown>>): string | null {
  if (row['baseHlc'] !== undefined && !isHlc(row['baseHlc'])) {
    return 'baseHlc가 HLC 시각값이 아닙니다';
  }
  const map = row['fieldHlc'];
  if (map === undefined) return null;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return 'fieldHlc가 객체가 아닙니다';
  }
  for (const stamp of Object.values(map)) {
    if (!isHlc(stamp)) return 'fieldHlc에 HLC 시각값이 아닌 값이 있습니다';
  }
  return null;
}
