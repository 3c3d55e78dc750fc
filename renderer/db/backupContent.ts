/**
 * The content check of a backup, run on what shared/backup's readBackup() accepted (a whole,
 * checksummed file) and BEFORE a restore touches the database. A file whose checksums were
 * recomputed after editing passes readBackup(); this is what catches it:
 * - every entity record against the registry's zod schemas (the ones mutate() uses), its
 *   bookkeeping, no unknown fields, values in their stored form (backupRows.ts);
 * - every history and outbox row and entry (shape, stamps within the clock bound, order);
 * - records, history and outbox agree: each record's newest history entry carries its version
 *   (mutate() writes one entry per write, and history is never pruned), no history or outbox
 *   entry points at a record the backup lacks, each outbox entry has its history entry.
 * Problems are reported per table and row, in the asked language. The policy is to refuse the
 * whole file on any problem (restoring "the valid part" would silently drop data the user
 * believes is in the backup, and cascade through history and outbox).
 */
import { entities, type Lang } from '../../shared/registry';
import {
  MAX_CLOCK_AHEAD_MS,
  bookkeepingProblems,
  entryProblem,
  isRecordObject,
  isValidRowId,
  recordProblems,
  say,
  stampProblem,
  type CheckedEntry,
  type RowCheckContext,
} from './backupRows';
import { restoreMessage, restoreTableLabel } from './restoreMessages';

export interface RestoreProblem {
  table: string;
  /** 1-based position of the row in the backup's table file */
  row: number;
  /** the row's id (history/outbox: the row key), '?' when it has none */
  id: string;
  /** history/outbox: the stamp of the change inside the row at fault */
  entry?: string;
  message: string;
}

export interface ContentCheckOptions {
  lang?: Lang;
  /** the moment stamps are checked against (ms); default Date.now() */
  now?: number;
  maxClockAheadMs?: number;
}

type Add = (p: RestoreProblem) => void;
const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;
const rowIdOf = (row: unknown) =>
  isRecordObject(row) && typeof row['id'] === 'string' ? row['id'].slice(0, 80) : '?';

interface RecordInfo {
  table: string;
  row: number;
  id: string;
  version: number;
}

/** Entity tables: problems per record; the valid ones and every id present (valid or not). */
function checkRecords(ctx: RowCheckContext, tables: Record<string, unknown[]>, add: Add) {
  const valid = new Map<string, RecordInfo>();
  const present = new Set<string>();
  for (const def of entities) {
    (tables[def.table] ?? []).forEach((raw, i) => {
      const at = { table: def.table, row: i + 1, id: rowIdOf(raw) };
      if (!isRecordObject(raw)) return add({ ...at, message: say(ctx, 'notObject') });
      if (isValidRowId(raw['id'])) present.add(recordKey(def.name, raw['id']));
      const problems = recordProblems(ctx, def, raw);
      for (const message of problems) add({ ...at, message });
      if (problems.length === 0) {
        valid.set(recordKey(def.name, at.id), { ...at, version: raw['version'] as number });
      }
    });
  }
  return { valid, present };
}

type Located = CheckedEntry & { row: number; rowId: string };

/** History or outbox rows: each entry checked, rows keyed by their last stamp, no overlaps. */
function checkChunks(
  ctx: RowCheckContext,
  table: 'history' | 'outbox',
  rows: readonly unknown[],
  add: Add,
) {
  const valid = new Map<string, Located>();
  const seen = new Set<string>();
  const spans: Array<{ first: string; last: string; row: number }> = [];
  rows.forEach((raw, i) => {
    const at = { table, row: i + 1, id: rowIdOf(raw) };
    if (!isRecordObject(raw)) return add({ ...at, message: say(ctx, 'notObject') });
    const keyProblem = stampProblem(ctx, 'id', raw['id']);
    if (keyProblem) add({ ...at, message: keyProblem });
    for (const key of Object.keys(raw)) {
      // recordIds (history, v5) is derived from the entries and rebuilt on restore (backup.ts)
      if (key !== 'id' && key !== 'entries' && !(table === 'history' && key === 'recordIds')) {
        add({ ...at, message: say(ctx, 'unknownField', { field: key.slice(0, 80) }) });
      }
    }
    const entries = raw['entries'];
    if (!Array.isArray(entries) || entries.length === 0) {
      return add({ ...at, message: say(ctx, 'badEntries') });
    }
    let previous = '';
    let ordered = true;
    for (const e of entries) {
      const checked = entryProblem(ctx, table, e);
      if ('problem' in checked) {
        add({ ...at, entry: checked.id, message: checked.problem });
        seen.add(checked.id);
        continue;
      }
      const stamp = checked.entry.id;
      if (seen.has(stamp)) {
        add({ ...at, entry: stamp, message: say(ctx, 'duplicateEntry') });
        continue;
      }
      seen.add(stamp);
      if (stamp <= previous) ordered = false;
      previous = stamp > previous ? stamp : previous;
      valid.set(stamp, { ...checked.entry, row: at.row, rowId: at.id });
    }
    if (!ordered) add({ ...at, message: say(ctx, 'entryOrder') });
    const last = (entries[entries.length - 1] as { id?: unknown } | null)?.id;
    if (last !== raw['id']) add({ ...at, message: say(ctx, 'rowKey', { id: at.id }) });
    const first = (entries[0] as { id?: unknown } | null)?.id;
    if (typeof first === 'string' && typeof raw['id'] === 'string') {
      spans.push({ first, last: raw['id'], row: at.row });
    }
  });
  // readOutbox/ackOutbox find entries by row key ranges: rows must not interleave.
  spans.sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0));
  for (let k = 1; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.first <= spans[k - 1]!.last) {
      add({ table, row: span.row, id: span.last, message: say(ctx, 'rowOverlap') });
    }
  }
  return { valid, seen };
}

/** Records ↔ history ↔ outbox (see the header). */
function checkAgreement(
  ctx: RowCheckContext,
  records: ReturnType<typeof checkRecords>,
  history: ReturnType<typeof checkChunks>,
  outbox: ReturnType<typeof checkChunks>,
  add: Add,
) {
  const newest = new Map<string, Located>();
  for (const entry of history.valid.values()) {
    const key = recordKey(entry.entity, entry.recordId);
    const known = newest.get(key);
    if (!known || entry.id > known.id) newest.set(key, entry);
    if (!records.present.has(key)) {
      add({
        table: 'history',
        row: entry.row,
        id: entry.rowId,
        entry: entry.id,
        message: say(ctx, 'orphanHistory', { entity: entry.entity, recordId: entry.recordId }),
      });
    }
  }
  for (const [key, record] of records.valid) {
    const last = newest.get(key);
    if (!last) add({ ...record, message: say(ctx, 'noHistory', { version: record.version }) });
    else if (last.version !== record.version) {
      add({
        ...record,
        message: say(ctx, 'historyVersion', { history: last.version, version: record.version }),
      });
    }
  }
  for (const entry of outbox.valid.values()) {
    const at = { table: 'outbox', row: entry.row, id: entry.rowId, entry: entry.id };
    const key = recordKey(entry.entity, entry.recordId);
    const record = records.valid.get(key);
    const written = history.valid.get(entry.id);
    if (!records.present.has(key)) {
      const params = { entity: entry.entity, recordId: entry.recordId };
      add({ ...at, message: say(ctx, 'orphanOutbox', params) });
    } else if (record && entry.version > record.version) {
      const params = { outbox: entry.version, version: record.version };
      add({ ...at, message: say(ctx, 'outboxVersion', params) });
    } else if (
      !history.seen.has(entry.id) ||
      (written &&
        (written.entity !== entry.entity ||
          written.recordId !== entry.recordId ||
          written.version !== entry.version ||
          written.op !== entry.op))
    ) {
      add({ ...at, message: say(ctx, 'outboxWithoutHistory') });
    }
  }
}

/** Every problem of the backup's contents; empty when it can be restored as it is. */
export function checkBackupContent(
  tables: Readonly<Record<string, unknown[]>>,
  opts: ContentCheckOptions = {},
): RestoreProblem[] {
  const ctx: RowCheckContext = {
    lang: opts.lang ?? 'ko',
    now: opts.now ?? Date.now(),
    maxClockAheadMs: opts.maxClockAheadMs ?? MAX_CLOCK_AHEAD_MS,
  };
  const problems: RestoreProblem[] = [];
  const add: Add = (p) => problems.push(p);
  const records = checkRecords(ctx, tables as Record<string, unknown[]>, add);
  const history = checkChunks(ctx, 'history', tables['history'] ?? [], add);
  const outbox = checkChunks(ctx, 'outbox', tables['outbox'] ?? [], add);
  checkAgreement(ctx, records, history, outbox, add);
  for (const table of ['settings', 'prefs', 'importLog', 'monthCloses']) {
    (tables[table] ?? []).forEach((raw, i) => {
      const at = { table, row: i + 1, id: rowIdOf(raw) };
      if (!isRecordObject(raw)) return add({ ...at, message: say(ctx, 'notObject') });
      for (const message of bookkeepingProblems(ctx, table, raw)) add({ ...at, message });
    });
  }
  return problems;
}

/** Problems shown at most, one line each; the rest are counted. */
export const PROBLEMS_SHOWN = 30;

/** One problem as a line: `기업·기관(organizations) 3번째 행 (id org-1): …`. */
export function formatRestoreProblem(p: RestoreProblem, lang: Lang): string {
  const params = { table: restoreTableLabel(p.table, lang), row: p.row, id: p.id };
  return p.entry === undefined
    ? restoreMessage(lang, 'row', { ...params, message: p.message })
    : restoreMessage(lang, 'entry', { ...params, entry: p.entry, message: p.message });
}

/** The refusal: a headline, the count per table, then the first problems one per line. */
export function formatRestoreProblems(problems: readonly RestoreProblem[], lang: Lang): string {
  const perTable = new Map<string, number>();
  for (const p of problems) perTable.set(p.table, (perTable.get(p.table) ?? 0) + 1);
  const counts = [...perTable]
    .map(([t, n]) => `${restoreTableLabel(t, lang)} ${n}${lang === 'ko' ? '건' : ''}`)
    .join(', ');
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `- ${formatRestoreProblem(p, lang)}`);
  if (problems.length > PROBLEMS_SHOWN) {
    lines.push(restoreMessage(lang, 'more', { n: problems.length - PROBLEMS_SHOWN }));
  }
  return [
    `${restoreMessage(lang, 'refused', { count: problems.length })} (${counts})`,
    ...lines,
  ].join('\n');
}

/** Thrown by restoreDatabase() when the content check found problems; nothing was written. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
  /** always false: refused before the restore transaction started */
  readonly committed = false;
  constructor(
    readonly problems: readonly RestoreProblem[],
    lang: Lang = 'ko',
  ) {
    super(formatRestoreProblems(problems, lang));
  }
}
