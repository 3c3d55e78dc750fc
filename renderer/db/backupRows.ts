/**
 * Checks of ONE row of a backup table, before a restore (backupContent.ts runs them over the
 * whole file and adds the checks across tables). Records are validated with the same registry
 * zod schemas mutate() uses; bookkeeping is checked against the shapes mutate() writes. Every
 * problem is a message in the asked language; nothing here touches a database.
 *
 * Clock keys: every HLC (record `hlc`, history and outbox keys) must be a stamp formatHlc would
 * make (13-digit wall time, 4-hex counter, a device id without '-') AND at most
 * MAX_CLOCK_AHEAD_MS ahead of now. The clock seeds from the newest history key; one key at
 * wall time 9999999999999 made every later tick overflow (RangeError) after a restore.
 * (i9's drift bound on hlc.receive protects the clock itself; this keeps such a file out of
 * the database in the first place, before any transaction starts.)
 */
import { z } from 'zod';
import {
  entities,
  validateRecord,
  type EntityDef,
  type Lang,
  type RecordData,
} from '../../shared/registry';
import { formatHlc, isHlc, parseHlc } from '../../shared/sync/hlc';
import { META_KEYS } from './apply';
import {
  restoreMessage,
  type RestoreMessageKey,
  type RestoreMessageParams,
} from './restoreMessages';

/**
 * How far ahead of this machine's clock a restored stamp may be: a day covers a backup made on
 * a machine whose clock ran fast (and time zones set wrong), and keeps forged far-future keys out.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface RowCheckContext {
  lang: Lang;
  /** ms since 1970: the moment the stamps are checked against */
  now: number;
  maxClockAheadMs: number;
}

export const isRecordObject = (row: unknown): row is Record<string, unknown> =>
  typeof row === 'object' && row !== null && !Array.isArray(row);

export const isValidRowId = (id: unknown): id is string =>
  typeof id === 'string' && id.length > 0 && id.length <= 64;

export function say(ctx: RowCheckContext, key: RestoreMessageKey, params?: RestoreMessageParams) {
  return restoreMessage(ctx.lang, key, params);
}

/** A problem with one clock stamp, or null when it is a stamp this app could have made. */
export function stampProblem(ctx: RowCheckContext, field: string, value: unknown): string | null {
  const shown = String(value).slice(0, 80);
  if (!isHlc(value)) return say(ctx, 'badStamp', { field, value: shown });
  try {
    // formatHlc refuses what a tick never makes (a device id with '-', a wall time out of range)
    if (formatHlc(parseHlc(value)) !== value) throw new RangeError(value);
  } catch {
    return say(ctx, 'badStamp', { field, value: shown });
  }
  const { wallMs } = parseHlc(value);
  if (wallMs > ctx.now + ctx.maxClockAheadMs) {
    return say(ctx, 'futureStamp', {
      field,
      hours: Math.round(ctx.maxClockAheadMs / 3_600_000),
      date: new Date(wallMs).toISOString(),
    });
  }
  return null;
}

/**
 * The bookkeeping mutate() writes on every record (apply.ts buildRecord). A test keeps its keys
 * equal to META_KEYS, so a new meta key cannot be forgotten here.
 */
export const recordMetaSchema = z.object({
  id: z.string().min(1).max(64),
  clusterId: z.string().min(1).max(64),
  version: z.number().int().min(1),
  hlc: z.string(),
  // Per-field stamps (shared/sync/recordStamps.ts): absent on a record no later write split.
  baseHlc: z.string().optional(),
  fieldHlc: z.record(z.string(), z.string()).optional(),
  deviceId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^-]+$/),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  deleted: z.union([z.literal(0), z.literal(1)]),
});

/** The per-field stamps: each a well-formed stamp within the clock bound, on a known field. */
function fieldStampProblems(
  ctx: RowCheckContext,
  def: EntityDef,
  meta: z.infer<typeof recordMetaSchema>,
): string[] {
  const problems: string[] = [];
  if (meta.baseHlc !== undefined) {
    const p = stampProblem(ctx, 'baseHlc', meta.baseHlc);
    if (p) problems.push(p);
  }
  const fields = new Set<string>([...def.fields.map((f) => f.key), 'deleted']);
  for (const [field, value] of Object.entries(meta.fieldHlc ?? {})) {
    if (!fields.has(field)) problems.push(say(ctx, 'unknownField', { field: field.slice(0, 80) }));
    const p = stampProblem(ctx, `fieldHlc.${field.slice(0, 80)}`, value);
    if (p) problems.push(p);
  }
  return problems;
}

function sameStored(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  }
  return Object.is(a, b);
}

/** Every problem of one entity record (empty: the record can be restored as it is). */
export function recordProblems(
  ctx: RowCheckContext,
  def: EntityDef,
  row: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const meta = recordMetaSchema.safeParse(Object.fromEntries(META_KEYS.map((k) => [k, row[k]])));
  if (!meta.success) {
    const fields = new Set(meta.error.issues.map((i) => String(i.path[0] ?? '')));
    for (const field of fields) problems.push(say(ctx, 'badMeta', { field }));
  }
  const stamp = stampProblem(ctx, 'hlc', row['hlc']);
  if (stamp && meta.success) problems.push(stamp);
  if (meta.success) problems.push(...fieldStampProblems(ctx, def, meta.data));
  const known = new Set<string>([...META_KEYS, ...def.fields.map((f) => f.key)]);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!known.has(key)) problems.push(say(ctx, 'unknownField', { field: key.slice(0, 80) }));
    else if (!(META_KEYS as readonly string[]).includes(key)) data[key] = value;
  }
  const valid = validateRecord(def, data, ctx.lang);
  if (!valid.ok) {
    for (const e of valid.errors) problems.push(e.message);
    return problems;
  }
  // A stored record is what validation returns: `5138123454` for a BRN, a label for an enum
  // code or untrimmed text were never written by mutate(), and would be saved differently.
  const stored: RecordData = valid.value;
  for (const key of new Set([...Object.keys(data), ...Object.keys(stored)])) {
    if (!sameStored(data[key], stored[key])) {
      const label = def.fields.find((f) => f.key === key)?.label[ctx.lang] ?? key;
      problems.push(say(ctx, 'notNormalised', { field: label }));
    }
  }
  return problems;
}

const ENTITY_NAMES = entities.map((e) => e.name) as [string, ...string[]];
const OPS = ['create', 'update', 'delete', 'restore'] as const;

const pointerShape = {
  id: z.string(),
  entity: z.enum(ENTITY_NAMES),
  recordId: z.string().min(1).max(64),
  op: z.enum(OPS),
  version: z.number().int().min(1),
};

/** History and outbox entries as mutate() writes them (schema.ts HistoryEntry, OutboxEntry). */
export const historyEntrySchema = z
  .object({
    ...pointerShape,
    before: z.record(z.string(), z.unknown()).nullable(),
    // who made the change (issue 7); entries written before it have none and stay valid
    who: z
      .object({ name: z.string().min(1).max(100), role: z.string().max(40).optional() })
      .strict()
      .optional(),
  })
  .strict();
export const outboxEntrySchema = z
  .object({
    ...pointerShape,
    hlc: z.string(),
    // field → the stamp it had before the write (null: none); absent on creates and pre-v4 entries
    bases: z.record(z.string(), z.string().refine(isHlc).nullable()).optional(),
    // kept queued to be sent whole: the server lacked the record (pushBatch.ts, resendWhole)
    whole: z.literal(true).optional(),
  })
  .strict();

export type CheckedEntry = z.infer<typeof historyEntrySchema> | z.infer<typeof outboxEntrySchema>;

/** One entry of a history/outbox row: its parsed form, or its problem. */
export function entryProblem(
  ctx: RowCheckContext,
  table: 'history' | 'outbox',
  entry: unknown,
): { entry: CheckedEntry } | { problem: string; id: string } {
  const id = isRecordObject(entry) && typeof entry['id'] === 'string' ? entry['id'] : '?';
  const schema = table === 'history' ? historyEntrySchema : outboxEntrySchema;
  const parsed = schema.safeParse(entry);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '') || 'entries';
    return { id, problem: say(ctx, 'badEntry', { entry: id, field }) };
  }
  const stamp = stampProblem(ctx, 'id', parsed.data.id);
  if (stamp) return { id, problem: stamp };
  const value = parsed.data;
  if ('hlc' in value && value.hlc !== value.id) {
    return { id, problem: say(ctx, 'badEntry', { entry: id, field: 'hlc' }) };
  }
  if ('before' in value) {
    // create ⇔ no before-image; otherwise only fields of the entity (and the tombstone) changed
    const def = entities.find((e) => e.name === value.entity) as EntityDef;
    const fields = new Set(['deleted', ...def.fields.map((f) => f.key)]);
    const beforeOk =
      value.op === 'create'
        ? value.before === null
        : value.before !== null && Object.keys(value.before).every((k) => fields.has(k));
    if (!beforeOk) return { id, problem: say(ctx, 'badEntry', { entry: id, field: 'before' }) };
  }
  return { entry: value };
}

const importLogSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  fileName: z.string().max(1000),
  checksum: z.string().max(128),
  entity: z.enum(ENTITY_NAMES),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  deviceId: z.string().max(64),
  clusterId: z.string().max(64).nullable(),
  who: z.string().max(128),
});

/**
 * A closed month (v8, shared/report/close): its keys and bookkeeping strictly, the stored model
 * by the parts the past-report view and the corrections read (arrays where it loops). The model
 * is the app's own output, so a file that passes this reopens without crashing the view.
 */
const label = z.object({ ko: z.string().max(2000), en: z.string().max(2000) });
const figureValue = z.number().finite().nullable();
const monthCloseSchema = z.object({
  id: z.string().min(1).max(64),
  clusterId: z.string().min(1).max(64),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  revision: z.number().int().min(1),
  closedAt: z.iso.datetime({ offset: true }),
  closedBy: z.object({ name: z.string().max(128), role: z.string().max(64).optional() }).nullable(),
  lang: z.enum(['ko', 'en']),
  figures: z.array(
    z.object({ key: z.string().max(300), label, unit: z.string().max(16), value: figureValue }),
  ),
  model: z.object({
    month: z.string(),
    clusterId: z.string(),
    cluster: label,
    from: z.string(),
    to: z.string(),
    keyFigures: z.array(z.object({ key: z.string(), label, unit: z.string() })),
    indicators: z.array(z.object({ metric: z.string(), complex: z.string(), label })),
    chart: z.array(z.object({ month: z.string(), received: z.number(), resolved: z.number() })),
    tables: z.array(
      z.object({
        id: z.string(),
        title: label,
        columns: z.array(z.object({ key: z.string(), label, kind: z.string(), width: z.number() })),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      }),
    ),
    corrections: z.array(
      z.object({
        month: z.string(),
        key: z.string(),
        label,
        unit: z.string(),
        before: figureValue,
        after: figureValue,
      }),
    ),
    appendix: z.array(z.object({ key: z.string(), label, text: label })),
  }),
  signoff: z.array(z.object({ label: z.string().max(200), name: z.string().max(200) })),
  notes: z.string().max(2000),
});

/** Settings whose value the app reads as a given type at start (a wrong one breaks it). */
const SETTING_VALUES: Record<string, z.ZodType> = {
  lang: z.enum(['ko', 'en']),
  clusterId: z.string().max(64),
  deviceId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^-]+$/),
  firstRunDone: z.boolean(),
  demoLoaded: z.boolean(),
  demoLoadInterrupted: z.boolean(),
};

/** Problems of one row of settings, prefs, importLog or monthCloses (key-value rows: id = key). */
export function bookkeepingProblems(
  ctx: RowCheckContext,
  table: string,
  row: Record<string, unknown>,
): string[] {
  if (table === 'settings' || table === 'prefs') {
    if (typeof row['key'] !== 'string' || row['key'] !== row['id']) return [say(ctx, 'badKey')];
    const schema = table === 'settings' ? SETTING_VALUES[row['key']] : undefined;
    if (schema && !schema.safeParse(row['value']).success) {
      return [say(ctx, 'badSetting', { key: row['key'] })];
    }
    return [];
  }
  if (table === 'importLog') {
    const parsed = importLogSchema.safeParse(row);
    if (parsed.success) return [];
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return [say(ctx, 'badImportLog', { field })];
  }
  if (table === 'monthCloses') {
    const parsed = monthCloseSchema.safeParse(row);
    if (parsed.success) return [];
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    return [say(ctx, 'badMonthClose', { field })];
  }
  return [];
}
