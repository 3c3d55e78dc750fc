/**
 * An in-memory search index over record titles, registration numbers and KSIC codes. Built once,
 * then kept current record by record: `upsert` skips a record whose version has not changed, so
 * following writes costs only the changed records, never a rebuild per keystroke.
 */
import { digitsOnly } from '../ids';
import { foldForIndex, foldWithPositions } from './fold';
import { matchFolded, parseQuery, RANK, type ParsedQuery, type Rank } from './match';

export interface SearchDoc {
  id: string;
  /** anything that changes when the record changes (a version counter, the title…) */
  version: string | number;
  title: string;
  /** a grouping such as the entity name (global search groups by it) */
  group?: string;
  /** 사업자등록번호, 법인등록번호… (any punctuation; matched by digits) */
  numbers?: readonly (string | undefined)[];
  /** KSIC codes as stored, e.g. `"26, 261"` (matched by prefix of any code) */
  codes?: string;
}

interface Entry {
  /** doc.version, kept on the entry itself: the diff of a 100,000-record list reads only this */
  version: string | number;
  doc: SearchDoc;
  key: string;
  cho: string;
  /**
   * Digits of the registration numbers / KSIC codes, each followed by a space and the whole led
   * by one (` 1234567890 `), or '' when none: one string per record instead of arrays keeps the
   * index build light on allocations; ` q` is a prefix match, ` q ` an exact one.
   */
  numbers: string;
  codes: string;
}

export type MatchField = 'title' | 'number' | 'code';

export interface SearchHit {
  id: string;
  title: string;
  group: string | undefined;
  rank: Rank;
  field: MatchField;
  /** the matched part of `title` (NFC), for highlighting; absent for number/code matches */
  span?: { start: number; end: number };
}

export interface SearchOptions {
  limit?: number;
  /** records to leave out (already chosen in a multi-reference) */
  exclude?: ReadonlySet<string>;
  group?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** more records match than are listed */
  more: boolean;
}

/** `123-45-67890` (how numbers are stored) without a regex; anything else through digitsOnly. */
function numberDigits(n: string): string {
  if (n.length === 12 && n[3] === '-' && n[6] === '-')
    return n.slice(0, 3) + n.slice(4, 6) + n.slice(7);
  return digitsOnly(n);
}

function joinNumbers(numbers: SearchDoc['numbers']): string {
  if (!numbers) return '';
  let out = '';
  for (const n of numbers) {
    const d = n ? numberDigits(n) : '';
    if (d !== '') out += ` ${d}`;
  }
  return out === '' ? '' : `${out} `;
}

function joinCodes(codes: string | undefined): string {
  if (!codes) return '';
  let out = '';
  for (const part of codes.split(/[\s,，;/]+/u)) {
    const d = digitsOnly(part);
    if (d !== '') out += ` ${d}`;
  }
  return out === '' ? '' : `${out} `;
}

/** exact / prefix rank of `digits` in a joined numbers string, or null. */
function digitsRank(joined: string, digits: string): Rank | null {
  if (joined === '' || !joined.includes(` ${digits}`)) return null;
  return joined.includes(` ${digits} `) ? RANK.exact : RANK.prefix;
}

interface Candidate {
  entry: Entry;
  rank: Rank;
  field: MatchField;
  start: number;
  end: number;
}

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces a record; returns false (and does nothing) when its version is unchanged. */
  upsert(doc: SearchDoc): boolean {
    const old = this.entries.get(doc.id);
    if (old && old.version === doc.version) return false;
    const folded = foldForIndex(doc.title);
    this.entries.set(doc.id, {
      version: doc.version,
      doc,
      key: folded.key,
      cho: folded.cho,
      numbers: joinNumbers(doc.numbers),
      codes: joinCodes(doc.codes),
    });
    return true;
  }

  remove(id: string): boolean {
    return this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** True when the index holds `id` at `version` (a caller can skip building its doc). */
  isCurrent(id: string, version: string | number): boolean {
    return this.entries.get(id)?.version === version;
  }

  /** The indexed document of `id` (recent items, titles), if any. */
  get(id: string): SearchDoc | undefined {
    return this.entries.get(id)?.doc;
  }

  /**
   * Makes the index hold exactly `docs`: unchanged versions are skipped, missing ids removed.
   * Returns how many records were (re)indexed.
   */
  sync(docs: Iterable<SearchDoc>): number {
    const seen = new Set<string>();
    let changed = 0;
    for (const doc of docs) {
      seen.add(doc.id);
      if (this.upsert(doc)) changed++;
    }
    for (const id of [...this.entries.keys()]) {
      if (!seen.has(id)) {
        this.entries.delete(id);
        changed++;
      }
    }
    return changed;
  }

  /** Ranked hits: by rank, then where the match starts, then by folded title (가나다 order). */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 50;
    const q = parseQuery(query);
    const candidates: Candidate[] = [];
    for (const entry of this.entries.values()) {
      if (options.exclude?.has(entry.doc.id)) continue;
      if (options.group !== undefined && entry.doc.group !== options.group) continue;
      const c = q.key === '' ? emptyQueryCandidate(entry) : matchEntry(entry, q);
      if (c) candidates.push(c);
    }
    candidates.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.start - b.start ||
        (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0),
    );
    const hits = candidates.slice(0, limit).map(toHit);
    return { hits, more: candidates.length > limit };
  }
}

function emptyQueryCandidate(entry: Entry): Candidate {
  return { entry, rank: RANK.prefix, field: 'title', start: 0, end: 0 };
}

function matchEntry(entry: Entry, q: ParsedQuery): Candidate | null {
  if (q.digits.length >= 2) {
    const byNumber = digitsRank(entry.numbers, q.digits);
    if (byNumber !== null) return { entry, rank: byNumber, field: 'number', start: 0, end: 0 };
    const byCode = digitsRank(entry.codes, q.digits);
    if (byCode !== null) return { entry, rank: byCode, field: 'code', start: 0, end: 0 };
  }
  const m = matchFolded(entry.key, entry.cho, q);
  return m ? { entry, rank: m.rank, field: 'title', start: m.start, end: m.end } : null;
}

function toHit(c: Candidate): SearchHit {
  const { doc } = c.entry;
  const hit: SearchHit = {
    id: doc.id,
    title: doc.title.normalize('NFC'),
    group: doc.group,
    rank: c.rank,
    field: c.field,
  };
  if (c.field === 'title' && c.end > c.start) {
    // Positions are computed again only for the few hits shown, not stored for every record.
    const { pos, source } = foldWithPositions(doc.title);
    const start = pos[c.start] ?? 0;
    const last = pos[c.end - 1] ?? start;
    hit.span = { start, end: last + charLength(source, last) };
  }
  return hit;
}

function charLength(s: string, at: number): number {
  const code = s.codePointAt(at) ?? 0;
  return code > 0xffff ? 2 : 1;
}
