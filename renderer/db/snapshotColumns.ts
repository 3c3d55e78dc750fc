/**
 * Snapshot formats 2 and 3: each chunk stores its records as COLUMNS (one array per field) instead of
 * an array of record objects.
 *
 * Why: IndexedDB stores a value with the structured-clone algorithm, and reading it back costs
 * per object: 10,000 records of ~20 fields are 10,000 objects and 200,000 properties to rebuild
 * on the main thread. As columns the same chunk is ~20 arrays of primitives, and a string field
 * with few distinct values (kind, size, status, cluster, device…) is a small dictionary plus a
 * typed array of indices, which clones as one memory copy; since format 3 a text column is one
 * joined string and a number column one Float64Array, which clone the same way. The records are then rebuilt here in
 * a plain loop, which is several times cheaper than the clone's own object building.
 *
 * Invariant: decode(encode(records)) gives records with the same own keys and values
 * (a key a record lacks stays absent, an `undefined` value stays present); only the key order
 * may differ (the chunk's first-seen order). No imports besides types: the early read
 * (early.ts) uses this module before the app loads.
 */
import type { StoredRecord } from '../../shared/registry';
import type { Ranks } from '../features/entities/rowOrder';

/**
 * A field's values, row by row: plain, a dictionary and indices into it, all strings joined
 * into one, or all numbers in one typed array.
 */
export interface StoredColumn {
  values?: unknown[];
  dict?: unknown[];
  index?: Uint16Array | Int32Array;
  /** every row's string joined with SEPARATOR (format 3) */
  joined?: string;
  /** every row's number (format 3) */
  numbers?: Float64Array;
  /** 1 = the row has no such key (only stored when some row lacks it) */
  absent?: Uint8Array;
}

export interface SnapshotHeader {
  key: string;
  revision: number;
  schemaVersion: number;
  format: number;
  chunks: number;
  rows: number;
  /** fields whose sort ranks are stored (since format 2), in the order of each chunk's `ranks` */
  rankFields?: string[];
  /** each rank field's highest rank + 1 */
  rankSizes?: number[];
}

export interface ColumnarChunk {
  key: string;
  revision: number;
  rows: number;
  fields: string[];
  columns: StoredColumn[];
  /** this chunk's slice of each rank field's ranks (ranks over the WHOLE snapshot) */
  ranks: Int32Array[];
}

/** A decoded snapshot: the records in stored order, and stored ranks by field. */
export interface SnapshotContent {
  records: StoredRecord[];
  ranks: Map<string, Ranks>;
}

/**
 * Joins a text column's values. Why joined: structured clone (IndexedDB's storage format) reads
 * an array of 10,000 strings back string by string, but one long string in one copy; splitting
 * it again costs a fraction of that (measured in Chromium on a 100,000-company snapshot: the
 * chunks' clone 250–650 ms as arrays, 55–120 ms joined + 25–35 ms to split). A column in which
 * some value holds the separator stays a plain array.
 */
const SEPARATOR = '\u0000';

/** Dictionary only when it saves: at most one distinct value per this many rows. */
const DICT_ROWS_PER_VALUE = 2;

const dedupable = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined;

function encodeColumn(records: readonly StoredRecord[], field: string): StoredColumn {
  const n = records.length;
  const values = new Array<unknown>(n);
  let absent: Uint8Array | undefined;
  let canDict = true;
  for (let i = 0; i < n; i++) {
    const record = records[i] as StoredRecord;
    if (!(field in record)) {
      absent ??= new Uint8Array(n);
      absent[i] = 1;
      continue;
    }
    const v = record[field];
    values[i] = v;
    if (canDict && !dedupable(v)) canDict = false;
  }
  const column = (canDict ? dictionaryOf(values, absent) : undefined) ?? packed(values, absent);
  if (column) return column;
  return absent ? { values, absent } : { values };
}

/** All numbers → one Float64Array; all strings without the separator → one string. */
function packed(values: unknown[], absent: Uint8Array | undefined): StoredColumn | undefined {
  const n = values.length;
  let numbers = true;
  let strings = true;
  for (let i = 0; i < n && (numbers || strings); i++) {
    if (absent?.[i]) continue;
    const v = values[i];
    if (typeof v !== 'number') numbers = false;
    if (typeof v !== 'string' || v.includes(SEPARATOR)) strings = false;
  }
  const withAbsent = (column: StoredColumn) => (absent ? { ...column, absent } : column);
  // One number in every row (`deleted` 0, `version` 1 after an import): a one-value dictionary,
  // which the decode sets in the record template instead of storing it row by row.
  if (numbers && n > 0 && oneNumber(values, absent)) {
    const first = values.find((_, i) => !absent?.[i]);
    return withAbsent({ dict: [first], index: new Uint16Array(n) });
  }
  // A row without the key holds 0 / '' here; `absent` says it has no such key.
  if (numbers) return withAbsent({ numbers: Float64Array.from(values, (v) => (v as number) ?? 0) });
  if (strings && n > 0) return withAbsent({ joined: values.map((v) => v ?? '').join(SEPARATOR) });
  return undefined;
}

/** Every present value is the same number (Object.is: 0 and -0, NaN kept apart/together). */
function oneNumber(values: readonly unknown[], absent: Uint8Array | undefined): boolean {
  let seen = false;
  let first: unknown;
  for (let i = 0; i < values.length; i++) {
    if (absent?.[i]) continue;
    if (!seen) {
      seen = true;
      first = values[i];
    } else if (!Object.is(values[i], first)) return false;
  }
  return seen;
}

function dictionaryOf(values: unknown[], absent: Uint8Array | undefined): StoredColumn | undefined {
  const n = values.length;
  const limit = Math.max(1, Math.floor(n / DICT_ROWS_PER_VALUE));
  const slot = new Map<unknown, number>();
  const dict: unknown[] = [];
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (absent?.[i]) continue;
    const v = values[i];
    let at = slot.get(v);
    if (at === undefined) {
      if (dict.length >= limit) return undefined;
      at = dict.length;
      slot.set(v, at);
      dict.push(v);
    }
    index[i] = at;
  }
  const small = dict.length <= 0xffff ? Uint16Array.from(index) : index;
  return absent ? { dict, index: small, absent } : { dict, index: small };
}

/** The records as columns, fields in first-seen order. */
export function encodeColumns(records: readonly StoredRecord[]): {
  fields: string[];
  columns: StoredColumn[];
} {
  const seen = new Set<string>();
  const fields: string[] = [];
  for (const record of records) {
    for (const key in record) {
      if (!seen.has(key)) {
        seen.add(key);
        fields.push(key);
      }
    }
  }
  return { fields, columns: fields.map((field) => encodeColumn(records, field)) };
}

function valuesOf(column: StoredColumn, rows: number): ArrayLike<unknown> | undefined {
  if (Array.isArray(column.values))
    return column.values.length === rows ? column.values : undefined;
  if (column.numbers instanceof Float64Array)
    return column.numbers.length === rows ? column.numbers : undefined;
  if (typeof column.joined === 'string') {
    const values = column.joined.split(SEPARATOR);
    return values.length === rows ? values : undefined;
  }
  const { dict, index } = column;
  if (!Array.isArray(dict) || !index || index.length !== rows) return undefined;
  const values = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) values[i] = dict[index[i] as number];
  return values;
}

/**
 * Appends the chunk's records to `out`; false when the chunk is not a well-formed columnar
 * chunk (then `out` may hold part of it: the caller drops the whole read).
 *
 * Each record starts as a spread copy of a template that holds its fields (V8 copies the
 * template's shape in one step), and the values are then stored into existing properties.
 * Adding the properties one by one to `{}` walked a shape transition per field and made the
 * store site megamorphic: about five times slower for 100,000 records, and the slowest part of
 * opening a large grid. Rows that lack some keys get the template of exactly their keys (one
 * per combination of absent keys met in the chunk), so a record never holds a key it lacked.
 * A field with one value in the whole chunk (the cluster, the kind, the device of an import)
 * is set in the template itself: copied with the shape, never stored row by row.
 */
export function decodeColumns(chunk: ColumnarChunk, out: StoredRecord[]): boolean {
  const { rows, fields, columns } = chunk;
  if (!Array.isArray(fields) || !Array.isArray(columns) || fields.length !== columns.length) {
    return false;
  }
  const arrays: Array<ArrayLike<unknown>> = [];
  const constants = new Map<number, unknown>();
  for (const [j, column] of columns.entries()) {
    if (isConstant(column, rows)) {
      constants.set(j, column.dict?.[0]);
      arrays.push([]);
      continue;
    }
    const values = valuesOf(column, rows);
    if (!values) return false;
    arrays.push(values);
  }
  const sometimesAbsent = columns.flatMap((c, j) => (c.absent ? [j] : []));
  const shapes = new Map<string, RowShape>();
  const layout = { fields, columns, sometimesAbsent, constants };
  for (let i = 0; i < rows; i++) {
    const { template, present } = shapeOfRow(layout, i, shapes);
    const record: Record<string, unknown> = { ...template };
    for (const j of present) record[fields[j] as string] = (arrays[j] as ArrayLike<unknown>)[i];
    out.push(record as StoredRecord);
  }
  return true;
}

/** A row's own keys: the template to copy and the columns whose values it holds. */
interface RowShape {
  template: Record<string, unknown>;
  present: number[];
}

/** A dictionary column of one value (its index all 0): the same in every row. */
function isConstant(column: StoredColumn, rows: number): boolean {
  const { dict, index } = column;
  if (!Array.isArray(dict) || dict.length !== 1 || !index || index.length !== rows) return false;
  for (let i = 0; i < rows; i++) if (index[i] !== 0) return false;
  return true;
}

interface ChunkLayout {
  fields: readonly string[];
  columns: readonly StoredColumn[];
  /** columns that some row lacks */
  sometimesAbsent: readonly number[];
  /** column → the one value it holds in every row */
  constants: ReadonlyMap<number, unknown>;
}

function shapeOfRow(layout: ChunkLayout, row: number, shapes: Map<string, RowShape>): RowShape {
  const { fields, columns, sometimesAbsent, constants } = layout;
  let signature = '';
  for (const j of sometimesAbsent) if (columns[j]?.absent?.[row]) signature += `${j},`;
  let shape = shapes.get(signature);
  if (!shape) {
    const skipped = new Set(signature.split(',').filter(Boolean).map(Number));
    const own = fields.map((_, j) => j).filter((j) => !skipped.has(j));
    // Built by JSON.parse, which gives an object with fast in-object properties: adding twenty
    // computed keys to `{}` turns it into a dictionary-mode object, and copies of that were
    // ~5x slower to make (and slower for the grid to read). null = filled row by row.
    const json = own.map((j) => `${JSON.stringify(fields[j])}:null`).join(',');
    const template = JSON.parse(`{${json}}`) as Record<string, unknown>;
    for (const j of own) if (constants.has(j)) template[fields[j] as string] = constants.get(j);
    shape = { template, present: own.filter((j) => !constants.has(j)) };
    shapes.set(signature, shape);
  }
  return shape;
}

const isColumnar = (chunk: unknown): chunk is ColumnarChunk =>
  typeof chunk === 'object' &&
  chunk !== null &&
  typeof (chunk as ColumnarChunk).rows === 'number' &&
  Array.isArray((chunk as ColumnarChunk).fields);

/**
 * The snapshot's records and ranks from its header and chunks (as read, in chunk order), or
 * undefined when anything does not add up: a missing or foreign chunk, another revision, a
 * row count that differs from the header's. Such a snapshot is never trusted, only rebuilt.
 */
export function assembleSnapshot(
  header: SnapshotHeader,
  chunks: readonly unknown[],
  revision: number,
): SnapshotContent | undefined {
  const records: StoredRecord[] = [];
  const rankFields = header.rankFields ?? [];
  const rankParts: Int32Array[][] = rankFields.map(() => []);
  for (const chunk of chunks) {
    if (!isColumnar(chunk) || chunk.revision !== revision) return undefined;
    if (!decodeColumns(chunk, records)) return undefined;
    for (let f = 0; f < rankFields.length; f++) {
      const part = chunk.ranks?.[f];
      if (!(part instanceof Int32Array) || part.length !== chunk.rows) return undefined;
      rankParts[f]?.push(part);
    }
  }
  if (records.length !== header.rows) return undefined;
  const ranks = new Map<string, Ranks>();
  rankFields.forEach((field, f) => {
    const all = new Int32Array(records.length);
    let at = 0;
    for (const part of rankParts[f] ?? []) {
      all.set(part, at);
      at += part.length;
    }
    ranks.set(field, { ranks: all, size: header.rankSizes?.[f] ?? 0 });
  });
  return { records, ranks };
}
