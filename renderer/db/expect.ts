/**
 * Conditional updates: `{ op: 'update', expect: { field: valueWhenTheFormOpened } }` makes an
 * update apply only where every expected field still holds that value. mutate() runs the check
 * inside its write transaction, against the state it read there (and the earlier mutations of
 * the same batch), so no write of another tab can slip in between the check and the write.
 * A failed check is a ConflictError per field (field, expected, current) and nothing is written.
 *
 * Kept apart from mutate()'s internals so forms today and sync later can share it.
 */
import type { Lang, StoredRecord } from '../../shared/registry';
import { lookupEntity, type Mutation, type MutationError } from './apply';

/** An update that found `field` changed since the caller read it. */
export interface ConflictError extends MutationError {
  kind: 'conflict';
  /** the value the caller expected (what it read earlier) */
  expected: unknown;
  /** the value stored now (null when absent) */
  current: unknown;
}

export function isConflictError(e: MutationError): e is ConflictError {
  return (e as Partial<ConflictError>).kind === 'conflict';
}

/** The conflict errors of a failed mutate() result (empty when it failed for other reasons). */
export function conflictsOf(errors: readonly MutationError[]): ConflictError[] {
  return errors.filter(isConflictError);
}

/**
 * Equality of stored values: absent, undefined and null are the same (a cleared field is stored
 * as absent, a patch sends null); arrays and plain objects compare by content.
 */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(xs), ...Object.keys(ys)]);
  for (const k of keys) if (!sameStoredValue(xs[k], ys[k])) return false;
  return true;
}

const messages = {
  ko: (label: string) =>
    `${label}: 이 화면을 연 뒤 다른 곳에서 값이 바뀌었습니다. 어느 값을 남길지 고르세요`,
  en: (label: string) =>
    `${label}: changed elsewhere since this was opened. Choose which value to keep`,
} as const;

/**
 * The conflicts of mutation `index` against `current` (the record as stored now). Only updates
 * carry `expect`; a missing record is left to mutate()'s own "not found" error.
 */
export function expectConflicts(
  m: Mutation,
  index: number,
  current: StoredRecord | undefined,
  lang: Lang,
): ConflictError[] {
  if (m.op !== 'update' || !m.expect || !current) return [];
  const def = lookupEntity(m.entity);
  const conflicts: ConflictError[] = [];
  for (const [field, expected] of Object.entries(m.expect)) {
    const now = current[field];
    if (sameStoredValue(expected, now)) continue;
    const label = def?.fields.find((f) => f.key === field)?.label[lang] ?? field;
    conflicts.push({
      index,
      field,
      kind: 'conflict',
      expected: expected ?? null,
      current: now ?? null,
      message: (messages[lang] ?? messages.ko)(label),
    });
  }
  return conflicts;
}
