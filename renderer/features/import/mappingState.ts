/**
 * The column mapping the user edits, as a pure reducer, and its saved form. A mapping is saved
 * per entity and header signature (`import-mapping:<entity>:<signature>` in prefs) on commit, and
 * offered again when a file with the same headers arrives.
 */
import type { ColumnMapping } from '../../../shared/import';
import type { MetaColumnKey } from '../../../shared/import/mapping';
import type { EntityDef, EntityName, FieldDef, RecordData } from '../../../shared/registry';

export interface MappingState {
  mapping: ColumnMapping[];
  /** "모든 행에 같은 값" for fields no column fills, by field key ('' = none) */
  defaults: Record<string, string>;
  /** "maybe the same" rows the user merged with an existing record: row → record id */
  sameAs?: Record<number, string>;
}

export type MappingAction =
  | { type: 'reset'; mapping: ColumnMapping[]; defaults?: Record<string, string> }
  /** a field, a record meta column (`클러스터`), or neither (가져오지 않음) */
  | { type: 'setField'; column: number; field: string | null; meta?: MetaColumnKey }
  | { type: 'setDefault'; field: string; value: string }
  /** merge row `row` with existing record `id`, or keep it new (`id` null) */
  | { type: 'setSameAs'; row: number; id: string | null };

export const EMPTY_MAPPING: MappingState = { mapping: [], defaults: {} };

export function mappingReducer(state: MappingState, action: MappingAction): MappingState {
  switch (action.type) {
    case 'reset':
      return { mapping: action.mapping, defaults: action.defaults ?? state.defaults };
    case 'setSameAs': {
      const sameAs = { ...(state.sameAs ?? {}) };
      if (action.id) sameAs[action.row] = action.id;
      else delete sameAs[action.row];
      return { ...state, sameAs };
    }
    case 'setField': {
      // A field (or meta column) is filled by one column only (the pipeline drops a second
      // one): choosing it here takes it away from the column that had it.
      const { column, field, meta } = action;
      const mapping = state.mapping.map((m): ColumnMapping => {
        if (m.column === column) return mapped(m, field, field ? undefined : meta);
        if (field !== null && m.field === field) return mapped(m, null, m.meta);
        if (meta && m.meta === meta) return mapped(m, m.field, undefined);
        return m;
      });
      return { ...state, mapping };
    }
    case 'setDefault':
      return { ...state, defaults: { ...state.defaults, [action.field]: action.value } };
  }
}

function mapped(m: ColumnMapping, field: string | null, meta: MetaColumnKey | undefined) {
  const { meta: _old, ...rest } = m;
  const { reason: _reason, ...kept } = rest;
  // The user's choice replaces the pipeline's reason.
  const next: ColumnMapping = {
    ...kept,
    field,
    confidence: field || meta ? 1 : 0,
    reason: { code: 'user' },
  };
  if (meta) next.meta = meta;
  return next;
}

export const META_KEYS: readonly MetaColumnKey[] = ['clusterId', 'updatedAt'];
const isMetaKey = (v: unknown): v is MetaColumnKey => META_KEYS.includes(v as MetaColumnKey);

/** Required fields that no column fills: each needs a default, or every row fails. */
export function missingRequiredFields(
  entity: EntityDef,
  mapping: readonly ColumnMapping[],
): FieldDef[] {
  const mapped = new Set(mapping.map((m) => m.field).filter(Boolean));
  return entity.fields.filter((f) => f.required && !mapped.has(f.key));
}

/** Fields no column fills: each may get "모든 행에 같은 값" (required ones need it). */
export function unmappedFields(entity: EntityDef, mapping: readonly ColumnMapping[]): FieldDef[] {
  const mapped = new Set(mapping.map((m) => m.field).filter(Boolean));
  return entity.fields.filter((f) => !mapped.has(f.key));
}

/** The defaults the pipeline gets: only for unmapped fields, only non-empty values. */
export function effectiveDefaults(entity: EntityDef, state: MappingState): RecordData {
  const out: RecordData = {};
  for (const f of unmappedFields(entity, state.mapping)) {
    const v = state.defaults[f.key];
    if (v !== undefined && v !== '') out[f.key] = v;
  }
  return out;
}

export function mappingPrefKey(entity: EntityName, headerSignature: string): string {
  return `import-mapping:${entity}:${headerSignature}`;
}

/** What is stored in prefs: column → field, and the defaults typed. */
export interface SavedMapping {
  fields: Array<{ column: number; field: string | null; meta?: MetaColumnKey }>;
  defaults: Record<string, string>;
}

export function toSavedMapping(state: MappingState): SavedMapping {
  return {
    fields: state.mapping.map((m) =>
      m.meta
        ? { column: m.column, field: m.field, meta: m.meta }
        : { column: m.column, field: m.field },
    ),
    defaults: Object.fromEntries(Object.entries(state.defaults).filter(([, v]) => v !== '')),
  };
}

/**
 * A stored value → the mapping state for these headers, or null when nothing usable is stored.
 * Prefs outlive registry changes: fields the entity no longer has are dropped, and a field is
 * kept for one column only.
 */
export function restoreSavedMapping(
  stored: unknown,
  headers: readonly string[],
  entity: EntityDef,
): MappingState | null {
  if (!stored || typeof stored !== 'object') return null;
  const { fields, defaults } = stored as Partial<SavedMapping>;
  if (!Array.isArray(fields)) return null;
  const keys = new Set(entity.fields.map((f) => f.key));
  const used = new Set<string>();
  const mapping = headers.map((header, column): ColumnMapping => {
    const hit = fields.find((f) => f && f.column === column);
    const field = typeof hit?.field === 'string' && keys.has(hit.field) ? hit.field : null;
    if (field && !used.has(field)) {
      used.add(field);
      return { column, header, field, confidence: 1 };
    }
    if (!field && isMetaKey(hit?.meta) && !used.has(`meta:${hit.meta}`)) {
      used.add(`meta:${hit.meta}`);
      return { column, header, field: null, confidence: 1, meta: hit.meta };
    }
    return { column, header, field: null, confidence: 0 };
  });
  const cleanDefaults: Record<string, string> = {};
  if (defaults && typeof defaults === 'object') {
    for (const [k, v] of Object.entries(defaults)) {
      if (keys.has(k) && typeof v === 'string') cleanDefaults[k] = v;
    }
  }
  return { mapping, defaults: cleanDefaults };
}

/** Same field and meta column per column (confidence ignored): is a re-preview needed? */
export function sameMapping(a: readonly ColumnMapping[], b: readonly ColumnMapping[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.field === b[i]?.field && (m.meta ?? null) === (b[i]?.meta ?? null))
  );
}
