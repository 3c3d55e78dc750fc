/**
 * The entity registry's vocabulary. Every entity is declared once (registry/entities/*.ts) with
 * these types; the Dexie schema, grids, forms, import mapper, exporters and sync validation are
 * all generated from the declaration, so adding a field is one edit.
 */

export type Lang = 'ko' | 'en';
export interface Label {
  ko: string;
  en: string;
}

export type EntityName =
  | 'cluster'
  | 'miniCluster'
  | 'organization'
  | 'expert'
  | 'membership'
  | 'difficulty'
  | 'activity'
  | 'resource'
  | 'plan'
  | 'indicator'
  | 'target'
  | 'successCase'
  | 'resourceRequest'
  | 'resourceDecision'
  | 'planMilestone'
  | 'companyYear';

/** What a field holds; decides its zod type, grid formatter, form widget and import parser. */
export type FieldKind =
  | 'text' // one line of plain text
  | 'longText' // multi-line text (textarea)
  | 'integer'
  | 'decimal'
  | 'money' // integer amount in `unit` (KRW or USD)
  | 'percent'
  | 'date' // ISO `YYYY-MM-DD` string
  | 'enum' // one value of enums[enumId]
  | 'multiEnum' // several values of enums[enumId]
  | 'ref' // id of one record of entity `ref`
  | 'refs' // ids of several records of entity `ref`
  | 'boolean'
  | 'brn' // 사업자등록번호 `123-45-67890`, check digit verified
  | 'crn' // 법인등록번호 `123456-1234567`, check digit verified
  | 'ksic' // KSIC code(s) kept as text (leading zeros matter)
  | 'phone'
  | 'email'
  | 'url'
  | 'tags'; // free list of short strings

export type MoneyUnit = 'KRW' | 'USD';
export type Ownership =
  /** written only by the owning cluster's team, read by it and the central office */
  | 'cluster'
  /** written by the owning cluster, readable by every cluster (resources, plans, …) */
  | 'shared'
  /** reference data written by the central office only (clusters themselves) */
  | 'central';

export interface FieldDef {
  key: string;
  kind: FieldKind;
  label: Label;
  required?: boolean;
  /** characters for text kinds; defaults in schema.ts */
  maxLength?: number;
  min?: number;
  max?: number;
  /** for enum / multiEnum: a key of `enums` (registry/enums.ts) */
  enumId?: string;
  /** for ref / refs: the entity pointed to */
  ref?: EntityName;
  unit?: MoneyUnit;
  /**
   * integer kinds only: a year, code or id — shown and exported as written ("2006"), never with
   * thousands separators ("2,006" reads as an amount)
   */
  plainDigits?: true;
  /**
   * number kinds: the key of the enum field whose value gives this value's unit (성과지표 값 and
   * 목표값 by `metric`: 원, 달러, 명, %); see registry/metricUnits.ts
   */
  unitFromField?: string;
  /**
   * text kinds only: the value is a team member's name. The form offers the team's staff list
   * (settings `staff`, the list the report's 결재란 reads); a name not on it stays visible.
   */
  staffName?: true;
  /** short help shown under the form field */
  help?: Label;
  grid?: {
    /** initial column width in px */
    width?: number;
    /** hidden by default (user can show it) */
    hide?: boolean;
    pinned?: boolean;
  };
  form?: {
    /** not shown in the form (derived or system-maintained) */
    hidden?: boolean;
    /** form section heading key (registry/sections) */
    section?: string;
    placeholder?: string;
  };
  /** extra header spellings the import mapper recognises (labels are always recognised) */
  importSynonyms?: string[];
  /** header written by exporters; default label.ko */
  exportHeader?: string;
  /** an IndexedDB index is kept on this field */
  indexed?: boolean;
}

export interface EntityDef {
  name: EntityName;
  /** Dexie table name */
  table: string;
  label: Label;
  /** position in the left navigation (lower first) */
  navOrder: number;
  /** URL path segment, e.g. `organizations` */
  path: string;
  /** field shown as the record's title (lists, references, messages) */
  titleField: string;
  ownership: Ownership;
  fields: FieldDef[];
  /** extra compound Dexie indexes, e.g. `[clusterId+name]` */
  compoundIndexes?: string[];
  /** business keys that identify the same real-world record (import dedupe), in priority order */
  naturalKeys?: string[][];
  /**
   * Keys too weak to merge on (an expert's name alone): an import row matching an existing record
   * only by one of these is offered to the user as "maybe the same", never merged silently.
   */
  weakKeys?: string[][];
  /** listed in the global search (Ctrl+K), which covers exactly the entities marked so */
  searchable?: boolean;
  /**
   * Rules across fields, run by validateRecord after every field passed (e.g. 해결 needs 해결일):
   * each error is keyed by the field it belongs next to. Pure; messages in the asked language.
   */
  recordRules?: ReadonlyArray<
    (data: RecordData, lang: Lang) => Array<{ field: string; message: string }>
  >;
}

/** Bookkeeping every stored record carries besides its fields (written only by mutate()). */
export interface RecordMeta {
  /** ULID, generated on the device */
  id: string;
  /** owning cluster code (ownership rule, sync authorisation) */
  clusterId: string;
  /** +1 on every write */
  version: number;
  /** hybrid-logical-clock stamp of the last write */
  hlc: string;
  /** device that made the last write */
  deviceId: string;
  createdAt: string;
  updatedAt: string;
  /** tombstone: 1 = deleted (a number because IndexedDB cannot index booleans) */
  deleted: 0 | 1;
}

export type FieldValue = string | number | boolean | string[] | null | undefined;
export type RecordData = Record<string, FieldValue>;
export type StoredRecord = RecordMeta & RecordData;
