/**
 * Reference cells → record ids. Exports write a referenced record's TITLE (`금오정밀(주)`), so an
 * import has to find the id again: from `refLookups` (the caller's `{ id, title }` lists, e.g.
 * read from Dexie before the preview) and/or a `resolveRefTitle` callback. A title that matches
 * no record, or several, is a row error: a reference is never guessed.
 */
import { enumCode, enums, type EntityName, type FieldDef, type Lang } from '../registry';
import { matchKey } from './fieldValues';
import { importMessage } from './messages';

export interface RefCandidate {
  id: string;
  title: string;
}

/** Records an import may point at, per referenced entity. */
export type RefLookups = Partial<Record<EntityName, readonly RefCandidate[]>>;

/** The caller's own title → id search: an id, null when unknown, or `'ambiguous'`. */
export type ResolveRefTitle = (entity: EntityName, title: string) => string | null | 'ambiguous';

export type RefResolution =
  { ok: true; id: string } | { ok: false; reason: 'missing' | 'ambiguous'; count?: number };

export type RefResolver = (entity: EntityName, text: string) => RefResolution;

/** A ULID: 26 Crockford base-32 characters (shared/sync/ids.ts makes them). */
export const looksLikeId = (s: string): boolean => /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i.test(s);

/** Title as people retype it: same characters, any run of spaces counts as one. */
const exactKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

interface EntityIndex {
  ids: Set<string>;
  exact: Map<string, string[]>;
  /** `(주)`, `㈜`, `주식회사`, spacing and punctuation ignored (fieldValues.ts `matchKey`) */
  loose: Map<string, string[]>;
}

function buildIndex(list: readonly RefCandidate[]): EntityIndex {
  const index: EntityIndex = { ids: new Set(), exact: new Map(), loose: new Map() };
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    if (!key) return;
    const ids = map.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(key, ids);
  };
  for (const { id, title } of list) {
    index.ids.add(id);
    add(index.exact, exactKey(title), id);
    add(index.loose, matchKey(undefined, title), id);
  }
  return index;
}

function fromIds(ids: string[] | undefined): RefResolution | null {
  if (!ids || ids.length === 0) return null;
  return ids.length === 1
    ? { ok: true, id: ids[0]! }
    : { ok: false, reason: 'ambiguous', count: ids.length };
}

/**
 * The resolver a preview uses, or null when the caller gave neither lookups nor a callback (the
 * cell then goes to the validator as it is, as before this option existed).
 * Order: an existing id as is → exact title → loose title → the callback. Without a lookup list
 * for the entity, a callback's `null` still lets a ULID through (it cannot be checked here).
 */
export function makeRefResolver(
  lookups: RefLookups | undefined,
  callback: ResolveRefTitle | undefined,
): RefResolver | null {
  if (!lookups && !callback) return null;
  const indexes = new Map<EntityName, EntityIndex | null>();
  const indexOf = (entity: EntityName): EntityIndex | null => {
    if (!indexes.has(entity)) {
      const list = lookups?.[entity];
      indexes.set(entity, list ? buildIndex(list) : null);
    }
    return indexes.get(entity)!;
  };
  return (entity, text) => {
    const index = indexOf(entity);
    if (index) {
      if (index.ids.has(text)) return { ok: true, id: text };
      const hit =
        fromIds(index.exact.get(exactKey(text))) ??
        fromIds(index.loose.get(matchKey(undefined, text)));
      if (hit) return hit;
    }
    if (callback) {
      const r = callback(entity, text);
      if (r === 'ambiguous') return { ok: false, reason: 'ambiguous' };
      if (r !== null) return { ok: true, id: r };
      if (!index && looksLikeId(text)) return { ok: true, id: text };
    }
    return { ok: false, reason: 'missing' };
  };
}

/** What a user calls a record of each entity in a reference error (`기업 '㈜가나다'…`). */
const REF_NOUNS: Record<EntityName, { ko: string; en: string }> = {
  cluster: { ko: '클러스터', en: 'Cluster' },
  miniCluster: { ko: '미니클러스터', en: 'Mini-cluster' },
  organization: { ko: '기업', en: 'Organisation' },
  expert: { ko: '전문가', en: 'Expert' },
  membership: { ko: '참여', en: 'Membership' },
  difficulty: { ko: '기술애로', en: 'Difficulty' },
  activity: { ko: '활동', en: 'Activity' },
  resource: { ko: '공동활용 자원', en: 'Resource' },
  plan: { ko: '개발계획', en: 'Plan' },
  indicator: { ko: '성과지표', en: 'Indicator' },
  target: { ko: '목표', en: 'Target' },
  successCase: { ko: '우수사례', en: 'Success case' },
  resourceRequest: { ko: '자원 사용 요청', en: 'Resource request' },
  resourceDecision: { ko: '자원 요청 결정', en: 'Resource decision' },
  planMilestone: { ko: '추진일정', en: 'Plan milestone' },
  companyYear: { ko: '기업 연도별 실적', en: 'Company yearly figures' },
};

/** The Korean (or English) row-error message of a failed resolution. */
export function refErrorMessage(
  entity: EntityName,
  title: string,
  failure: Extract<RefResolution, { ok: false }>,
  lang: Lang,
): string {
  const noun = REF_NOUNS[entity][lang];
  return failure.reason === 'missing'
    ? importMessage('refNotFound', { entity: noun, title }, lang)
    : importMessage(
        'refAmbiguous',
        { entity: noun, title, count: failure.count ?? (lang === 'ko' ? '여러' : 'several') },
        lang,
      );
}

/** At most this many `, `-separated pieces are tried as one title (bounds the search). */
const MAX_PIECES_PER_TITLE = 4;

/**
 * A `refs` cell (`김광수, 이영희`) → its titles, resolved. Titles are split at commas (the
 * exporter joins with `, `); a title that itself holds a comma is found by trying the longest
 * run of pieces first, rejoined with the separators the cell really had. Returns the ids in cell
 * order, or the first failure with its title.
 */
export function resolveRefList(
  resolve: RefResolver,
  entity: EntityName,
  text: string,
):
  | { ok: true; ids: string[] }
  | { ok: false; title: string; failure: Extract<RefResolution, { ok: false }> } {
  // Odd indexes hold the separators, so a run of pieces is rejoined exactly as written.
  const parts = text.split(/(,\s*|，\s*|\r?\n)/);
  const pieces: string[] = [];
  for (let k = 0; k < parts.length; k += 2) pieces.push(parts[k]!);
  const run = (from: number, to: number) =>
    parts
      .slice(from * 2, to * 2 - 1)
      .join('')
      .trim();
  const ids: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i]!.trim() === '') {
      i++;
      continue;
    }
    let taken = 0;
    for (let j = Math.min(pieces.length, i + MAX_PIECES_PER_TITLE); j > i; j--) {
      const r = resolve(entity, run(i, j));
      if (r.ok) {
        ids.push(r.id);
        taken = j - i;
        break;
      }
      if (j === i + 1) return { ok: false, title: run(i, j), failure: r };
    }
    i += taken;
  }
  return { ok: true, ids };
}

/** A `ref` / `refs` cell's text → the id(s) the validator expects, or the row-error message. */
export function resolveRefCell(
  resolve: RefResolver,
  field: FieldDef,
  text: string,
  lang: Lang,
): { ok: true; value: string | string[] } | { ok: false; message: string } {
  const entity = field.ref!;
  if (field.kind === 'ref') {
    const r = resolve(entity, text);
    return r.ok
      ? { ok: true, value: r.id }
      : { ok: false, message: refErrorMessage(entity, text, r, lang) };
  }
  const r = resolveRefList(resolve, entity, text);
  return r.ok
    ? { ok: true, value: r.ids }
    : { ok: false, message: refErrorMessage(entity, r.title, r.failure, lang) };
}

/**
 * The `클러스터` meta cell → a cluster code, by label (`구미`, `반월·시화`) or code (`gumi`), as
 * the export writes it through `enums.clusterCode`. Blank → no code; unknown → the row error.
 */
export function clusterCodeOf(
  text: string,
  lang: Lang,
): { ok: true; code: string | null } | { ok: false; message: string } {
  const s = text.trim();
  if (!s) return { ok: true, code: null };
  const code = enumCode(enums.recordOwner, s);
  return typeof code === 'string' && enums.recordOwner.some((o) => o.code === code)
    ? { ok: true, code }
    : { ok: false, message: importMessage('clusterUnknown', { value: s }, lang) };
}
