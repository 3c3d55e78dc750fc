/**
 * Columns → entity fields, from the registry alone: a field is recognised by its key, its Korean
 * and English labels and its `importSynonyms`. Spaces, brackets and width variants are
 * normalised away. The result is only a proposal: the user corrects it and the UI saves it under
 * `headerSignature(headers)`, to be passed back in as an explicit mapping next time.
 */
import type { EntityDef } from '../registry';

export interface ColumnMapping {
  /** 0-based column index (A = 0) */
  column: number;
  header: string;
  /** field key, or null when the column is not imported */
  field: string | null;
  /** 1 = exact label/synonym, 0.9 = same without the bracketed part, 0.6 = contains, 0 = none */
  confidence: number;
}

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
  out.delete('');
  return out;
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
 */
export function mapColumns(headers: readonly string[], entity: EntityDef): ColumnMapping[] {
  const candidates: Array<{ column: number; field: string; score: number }> = [];
  headers.forEach((header, column) => {
    for (const f of entity.fields) {
      const score = matchScore(header, spellings(entity, f.key));
      if (score > 0) candidates.push({ column, field: f.key, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, { field: string; score: number }>();
  const usedFields = new Set<string>();
  for (const c of candidates) {
    if (byColumn.has(c.column) || usedFields.has(c.field)) continue;
    byColumn.set(c.column, { field: c.field, score: c.score });
    usedFields.add(c.field);
  }
  return headers.map((header, column) => {
    const hit = byColumn.get(column);
    return { column, header, field: hit?.field ?? null, confidence: hit?.score ?? 0 };
  });
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
  return headers.map((header, column) => {
    const m = mapping.find((x) => x.column === column);
    const field = m?.field && keys.has(m.field) && !used.has(m.field) ? m.field : null;
    if (field) used.add(field);
    return { column, header, field, confidence: field ? (m?.confidence ?? 1) : 0 };
  });
}
