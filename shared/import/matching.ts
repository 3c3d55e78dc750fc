/**
 * Which existing record (or earlier row of the same file) an import row is. Rules (issue 6):
 * - A record is identified by its entity's natural keys, in priority order. A blank part of a
 *   key is part of the key (blank = blank): three cluster-level indicators of different metrics
 *   in one month are three records, never one matched by its title.
 * - A key set whose parts are all blank says nothing and is left out. A match through a key set
 *   with a blank part holds only when the two records agree on every key part, blanks included:
 *   an expert without an e-mail is not matched by name + blank affiliation to one who has an
 *   e-mail (that is a weak match, offered), while a re-imported export matches itself.
 * - A match is refused when a stronger or weaker key set has a value on both sides that differs
 *   (two companies of one name and address but different 사업자등록번호 stay two).
 * - Weak keys (an expert's name alone) never match: they only yield "maybe the same" candidates
 *   the user decides on.
 */
import type { EntityDef, FieldDef, RecordData } from '../registry';
import { matchKey } from './fieldValues';

const SEP = '\u241f';

/** Normalised parts of every key set of a record (one array per set). */
export type KeyParts = string[][];

export class KeyMatcher {
  private readonly fields: Map<string, FieldDef>;
  constructor(
    private readonly keySets: readonly string[][],
    entity: EntityDef,
  ) {
    this.fields = new Map(entity.fields.map((f) => [f.key, f]));
  }

  parts(values: RecordData): KeyParts {
    return this.keySets.map((set) => set.map((k) => matchKey(this.fields.get(k), values[k])));
  }

  /** The key string of set `i`, or null when all its parts are blank. */
  keyAt(i: number, p: readonly string[]): string | null {
    return p.some((x) => x !== '') ? `${i}=${p.join(SEP)}` : null;
  }

  /** The key strings of a record (one per set that is not all blank). */
  keys(parts: KeyParts): string[] {
    const out: string[] = [];
    parts.forEach((p, i) => {
      const k = this.keyAt(i, p);
      if (k !== null) out.push(k);
    });
    return out;
  }
}

/** True when every key part is the same on both sides (blank = blank). */
export function allEqual(a: KeyParts, b: KeyParts): boolean {
  return a.every((pa, i) => pa.every((x, j) => x === b[i]![j]));
}

/** True when some key part has a value on both sides and the values differ. */
export function conflicts(a: KeyParts, b: KeyParts): boolean {
  for (let i = 0; i < a.length; i++) {
    const pa = a[i]!;
    const pb = b[i]!;
    for (let j = 0; j < pa.length; j++) {
      if (pa[j] !== '' && pb[j] !== '' && pa[j] !== pb[j]) return true;
    }
  }
  return false;
}

interface Entry<T> {
  item: T;
  parts: KeyParts;
}

/** Items indexed by their key strings; `find` honours the conflict rule. */
export class KeyIndex<T> {
  private readonly byKey = new Map<string, Array<Entry<T>>>();
  constructor(private readonly matcher: KeyMatcher) {}

  add(item: T, parts: KeyParts): void {
    for (const k of this.matcher.keys(parts)) {
      const list = this.byKey.get(k);
      if (list) list.push({ item, parts });
      else this.byKey.set(k, [{ item, parts }]);
    }
  }

  /**
   * The first item sharing a key with `parts` (in key priority order) that does not conflict;
   * through a key with a blank part, only an item equal on every key part.
   */
  find(parts: KeyParts): T | undefined {
    for (let i = 0; i < parts.length; i++) {
      const k = this.matcher.keyAt(i, parts[i]!);
      const list = k === null ? undefined : this.byKey.get(k);
      if (!list) continue;
      const withBlank = parts[i]!.includes('');
      for (const e of list) {
        if (withBlank ? allEqual(parts, e.parts) : !conflicts(parts, e.parts)) return e.item;
      }
    }
    return undefined;
  }

  /** Every distinct item sharing a key with `parts` (weak candidates). */
  findAll(parts: KeyParts): T[] {
    const out = new Set<T>();
    for (const k of this.matcher.keys(parts))
      for (const e of this.byKey.get(k) ?? []) out.add(e.item);
    return [...out];
  }
}

/** A weak key is usable only when every part has a value (a blank name says nothing). */
export function completeWeakParts(parts: KeyParts): KeyParts {
  return parts.map((p) => (p.every((x) => x !== '') ? p : p.map(() => '')));
}
