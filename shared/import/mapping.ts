/**
 * Columns → entity fields, from the registry alone: a field is recognised by its key, its Korean
 * and English labels and its `importSynonyms`. Spaces, brackets and width variants are
 * normalised away. The result is only a proposal: the user corrects it and the UI saves it under
 * `headerSignature(headers)`, to be passed back in as an explicit mapping next time.
 */
import type { EntityDef } from '../registry';
import { isSerialColumn, MIN_VALUE_FIT, valueFit } from './columnValues';
import type { CellValue } from './rawSheet';

export interface ColumnMapping {
  /** 0-based column index (A = 0) */
  column: number;
  header: string;
  /** field key, or null when the column is not imported */
  field: string | null;
  /** 1 = exact label/synonym, 0.9 = same without the bracketed part, 0.6 = contains, 0 = none */
  confidence: number;
  /**
   * A record meta column an export writes (`field` stays null: it is no entity field).
   * `clusterId` (클러스터) gives a new record its cluster; `updatedAt` (수정일) is informational.
   */
  meta?: MetaColumnKey;
  /** why the column was or was not mapped (shown next to the choice; see mappingReasonText) */
  reason?: MappingReason;
}

/** Why a column got its field, or none (issue 6: the user sees why). */
export type MappingReason =
  /** the header names the field; `share` = how many sampled values fit, when judged */
  | { code: 'header'; share?: number }
  /** a serial-number column (순번, 연번, No, 1..N): never imported */
  | { code: 'serial' }
  /** the header suggested `field` but too few of its values fit */
  | { code: 'values'; field: string; share: number; misfits: string[] }
  /** the header suggested `field`, which another column fills better */
  | { code: 'taken'; field: string; column: number }
  | { code: 'meta' }
  | { code: 'none' }
  /** chosen by the user (or a saved mapping) */
  | { code: 'user' };

export type MetaColumnKey = 'clusterId' | 'updatedAt';

/**
 * Header spellings of the meta columns (shared/export/columns.ts `META_COLUMNS` writes the first
 * Korean and English ones). Matched exactly only: `클러스터` must never drift to `미니클러스터`.
 */
export const META_COLUMN_SPELLINGS: Readonly<Record<MetaColumnKey, readonly string[]>> = {
  clusterId: ['클러스터', 'Cluster', 'clusterId', '소속 클러스터', '클러스터 코드'],
  updatedAt: ['수정일', 'Updated', 'updatedAt', '수정일시', '최종 수정일'],
};

/** Scores at or above this count as a confident (exact or bracket-stripped) match. */
export const CONFIDENT_MATCH = 0.9;

/** `공장 대표주소(지번 및 도로명주소)` → `공장대표주소지번및도로명주소`: compare headers loosely. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0()[\]{}<>·ㆍ_\-.:：/]+/g, '');
}

/** The header without its bracketed part (`매출액(백만원)` → `매출액`), normalised. */
export function headerStem(header: string): string {
  return normalizeHeader(header.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
}

/** Every spelling that names `field` in a header. */
function spellings(entity: EntityDef, key: string): string[] {
  const f = entity.fields.find((x) => x.key === key);
  if (!f) return [];
  return [f.key, f.label.ko, f.label.en, f.exportHeader ?? '', ...(f.importSynonyms ?? [])].filter(
    Boolean,
  );
}

/** Normalised spellings of every field of the entities given (header-row scoring uses it). */
export function fieldVocabulary(entities: readonly EntityDef[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    for (const f of e.fields) {
      for (const s of spellings(e, f.key)) {
        out.add(normalizeHeader(s));
        out.add(headerStem(s));
      }
    }
  }
  for (const list of Object.values(META_COLUMN_SPELLINGS)) {
    for (const s of list) out.add(normalizeHeader(s));
  }
  out.delete('');
  return out;
}

function metaColumnOf(header: string): MetaColumnKey | null {
  const full = normalizeHeader(header);
  if (!full) return null;
  for (const [key, list] of Object.entries(META_COLUMN_SPELLINGS) as Array<
    [MetaColumnKey, readonly string[]]
  >) {
    if (list.some((s) => normalizeHeader(s) === full)) return key;
  }
  return null;
}

function matchScore(header: string, candidates: string[]): number {
  const full = normalizeHeader(header);
  const stem = headerStem(header);
  if (!full) return 0;
  let best = 0;
  for (const c of candidates) {
    const cFull = normalizeHeader(c);
    const cStem = headerStem(c);
    if (!cFull) continue;
    if (full === cFull) return 1;
    if (stem && (stem === cStem || stem === cFull)) best = Math.max(best, 0.9);
    else if (
      stem.length >= 2 &&
      cStem.length >= 2 &&
      (stem.includes(cStem) || cStem.includes(stem))
    ) {
      best = Math.max(best, 0.6);
    }
  }
  return best;
}

/**
 * Proposes a field for every column. Each field is used at most once: the best-scoring column
 * wins it (ties go to the leftmost column), so `업종번호` takes `ksic` before `업종명` could.
 * A header that names something exactly (a field of this entity, or a meta column such as
 * `클러스터`) is never given a looser match instead: `클러스터` stays the cluster meta column and
 * never becomes `miniClusterId` by containing a synonym's part. An exact field match wins over a
 * meta column (the cluster entity's own `클러스터` synonym names its name field).
 * With `samples` (each column's first values, columnValues.sampleColumns), a candidate whose
 * values do not fit the field's kind is refused and serial-number columns are left unmapped.
 */
export function mapColumns(
  headers: readonly string[],
  entity: EntityDef,
  samples?: ReadonlyArray<readonly CellValue[]>,
): ColumnMapping[] {
  const candidates: Array<{ column: number; field: string; score: number; share?: number }> = [];
  const metaOf = new Map<number, MetaColumnKey>();
  const refused = new Map<number, MappingReason>();
  const fieldOf = new Map(entity.fields.map((f) => [f.key, f]));
  headers.forEach((header, column) => {
    const values = samples?.[column];
    let scored: Array<{ column: number; field: string; score: number; share?: number }> =
      entity.fields
        .map((f) => ({ column, field: f.key, score: matchScore(header, spellings(entity, f.key)) }))
        .filter((c) => c.score > 0);
    if (values) {
      // A serial column is no field, whatever its header resembles (`구분` holding 1, 2, 3 …),
      // unless its header names a number field exactly.
      const exactNumber = scored.some(
        (c) => c.score === 1 && ['integer', 'decimal'].includes(fieldOf.get(c.field)!.kind),
      );
      if (!exactNumber && isSerialColumn(header, values)) {
        refused.set(column, { code: 'serial' });
        return;
      }
      scored = scored.flatMap((c) => {
        const fit = valueFit(fieldOf.get(c.field)!, values);
        if (!fit) return [c];
        if (fit.share >= MIN_VALUE_FIT) return [{ ...c, share: fit.share }];
        if (!refused.has(column)) refused.set(column, { code: 'values', field: c.field, ...fit });
        return [];
      });
    }
    const exact = scored.filter((c) => c.score === 1);
    const meta = metaColumnOf(header);
    if (exact.length > 0) candidates.push(...exact);
    else if (meta) metaOf.set(column, meta);
    else candidates.push(...scored);
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, { field: string; score: number; share?: number }>();
  const winner = new Map<string, number>();
  for (const c of candidates) {
    if (byColumn.has(c.column) || winner.has(c.field)) continue;
    byColumn.set(c.column, c);
    winner.set(c.field, c.column);
  }
  const usedMeta = new Set<MetaColumnKey>();
  return headers.map((header, column) => {
    const hit = byColumn.get(column);
    const meta = metaOf.get(column);
    if (!hit && meta && !usedMeta.has(meta)) {
      usedMeta.add(meta);
      return { column, header, field: null, confidence: 1, meta, reason: { code: 'meta' } };
    }
    if (hit) {
      const reason: MappingReason =
        hit.share === undefined ? { code: 'header' } : { code: 'header', share: hit.share };
      return { column, header, field: hit.field, confidence: hit.score, reason };
    }
    const lost = candidates.find((c) => c.column === column);
    const reason: MappingReason = lost
      ? { code: 'taken', field: lost.field, column: winner.get(lost.field)! }
      : (refused.get(column) ?? { code: 'none' });
    return { column, header, field: null, confidence: 0, reason };
  });
}

/**
 * True when the header row names the entity's fields (or meta columns) confidently: at least
 * 80% of the non-empty headers. Such a file is a list of independent records (an export, a
 * template), never a grouped public table, so blanks in it are blanks, not "same as above".
 */
export function headersMapCleanly(headers: readonly string[], entity: EntityDef): boolean {
  const mapping = mapColumns(headers, entity);
  const named = mapping.filter((m) => m.header.trim() !== '');
  if (named.length === 0) return false;
  const clean = named.filter((m) => (m.field || m.meta) && m.confidence >= CONFIDENT_MATCH);
  return clean.length / named.length >= 0.8;
}

/**
 * A stable key for "a file shaped like this one": the normalised headers, hashed (FNV-1a).
 * The UI stores a user's corrected mapping under it and offers it for the next such file.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.map(normalizeHeader).join('\u241f');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${headers.length}:${h.toString(16).padStart(8, '0')}`;
}

/** Checks a saved or user-edited mapping against the entity (unknown fields dropped to null). */
export function sanitizeMapping(
  mapping: readonly ColumnMapping[],
  headers: readonly string[],
  entity: EntityDef,
): ColumnMapping[] {
  const keys = new Set(entity.fields.map((f) => f.key));
  const used = new Set<string>();
  const usedMeta = new Set<MetaColumnKey>();
  return headers.map((header, column) => {
    const m = mapping.find((x) => x.column === column);
    const field = m?.field && keys.has(m.field) && !used.has(m.field) ? m.field : null;
    if (field) used.add(field);
    const meta =
      !field && m?.meta && Object.hasOwn(META_COLUMN_SPELLINGS, m.meta) && !usedMeta.has(m.meta)
        ? m.meta
        : null;
    const reason = m?.reason ? { reason: m.reason } : {};
    if (meta) {
      usedMeta.add(meta);
      return { column, header, field: null, confidence: m?.confidence ?? 1, meta, ...reason };
    }
    return { column, header, field, confidence: field ? (m?.confidence ?? 1) : 0, ...reason };
  });
}
