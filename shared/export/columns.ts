/**
 * The columns an export writes, derived from the registry: one per entity field plus the record
 * meta columns a grid can show (`clusterId` 클러스터, `updatedAt` 수정일). Headers are the Korean
 * labels (or `exportHeader`), which the import mapper recognises, so an exported file re-imports
 * without a manual mapping.
 */
import type { EntityDef, EntityName, FieldKind, Lang, Label, MoneyUnit } from '../registry';

export interface ExportColumn {
  /** field key, or a meta key (`clusterId`, `updatedAt`) */
  key: string;
  header: string;
  kind: FieldKind | 'meta';
  enumId?: string;
  ref?: EntityName;
  unit?: MoneyUnit;
  /** a year or code: written without thousands separators (FieldDef.plainDigits) */
  plainDigits?: true;
}

/** One record as the grid holds it (already filtered and sorted). */
export type ExportRow = Readonly<Record<string, unknown>>;

/** How a meta column is written: a code shown through an enumeration, or a timestamp. */
interface MetaColumnDef {
  label: Label;
  enumId?: string;
  format: 'enum' | 'datetime';
}

export const META_COLUMNS: Readonly<Record<string, MetaColumnDef>> = {
  clusterId: { label: { ko: '클러스터', en: 'Cluster' }, enumId: 'recordOwner', format: 'enum' },
  updatedAt: { label: { ko: '수정일', en: 'Updated' }, format: 'datetime' },
};

export function metaColumnFormat(key: string): MetaColumnDef['format'] | null {
  return META_COLUMNS[key]?.format ?? null;
}

/** Header of a field: Korean exports use `exportHeader` when declared, else the label. */
function fieldHeader(entity: EntityDef, key: string, lang: Lang): string | null {
  const f = entity.fields.find((x) => x.key === key);
  if (!f) return null;
  return lang === 'ko' ? (f.exportHeader ?? f.label.ko) : f.label.en;
}

function columnFor(entity: EntityDef, key: string, lang: Lang): ExportColumn | null {
  const f = entity.fields.find((x) => x.key === key);
  if (f) {
    const col: ExportColumn = { key, header: fieldHeader(entity, key, lang)!, kind: f.kind };
    if (f.enumId) col.enumId = f.enumId;
    if (f.ref) col.ref = f.ref;
    if (f.unit) col.unit = f.unit;
    if (f.plainDigits) col.plainDigits = true;
    return col;
  }
  const meta = META_COLUMNS[key];
  if (!meta) return null;
  const col: ExportColumn = { key, header: meta.label[lang], kind: 'meta' };
  if (meta.enumId) col.enumId = meta.enumId;
  return col;
}

/**
 * The export columns of an entity. With `visibleKeys` (the grid's visible columns in display
 * order) exactly those, in that order; keys that are neither a field nor a meta column are
 * skipped (a grid may show computed columns no file can hold). Without it, every field in
 * declaration order: a complete export that re-imports as is.
 */
export function columnsForEntity(
  entity: EntityDef,
  lang: Lang = 'ko',
  visibleKeys?: readonly string[],
): ExportColumn[] {
  const keys = visibleKeys ?? entity.fields.map((f) => f.key);
  const seen = new Set<string>();
  const out: ExportColumn[] = [];
  for (const key of keys) {
    // A key twice would give two columns of one header: the import mapper would drop the second.
    if (seen.has(key)) continue;
    seen.add(key);
    const col = columnFor(entity, key, lang);
    if (col) out.push(col);
  }
  return out;
}
