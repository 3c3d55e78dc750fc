/**
 * What the commit does with a preview, in one place: rows with errors are skipped and listed,
 * valid new and changed rows are written together (one mutate() call), unchanged and duplicate
 * rows are left alone. The button says so in numbers.
 */
import { formatCount } from '../../../shared/format/numbers';
import type { RowStatus } from '../../../shared/import';
import type { Lang } from '../../../shared/registry';
import { importT } from './messages';

export type PreviewCounts = Record<RowStatus, number>;

/** Records the commit writes: new + updated rows. */
export function writeCount(counts: PreviewCounts): number {
  return counts.new + counts.updated;
}

/** The commit is offered only for a current preview with something to write. */
export function canCommit(counts: PreviewCounts | undefined, stale: boolean): boolean {
  return !stale && counts !== undefined && writeCount(counts) > 0;
}

/** `오류 4행을 제외하고 1,728건 가져오기` / `1,728건 가져오기` / nothing to import. */
export function commitButtonText(counts: PreviewCounts, lang: Lang): string {
  const n = writeCount(counts);
  if (n === 0) return importT('commit.nothing', lang);
  const params = {
    n: formatCount(n, undefined, lang),
    errors: formatCount(counts.error, '', lang),
  };
  return importT(counts.error > 0 ? 'commit.skipErrors' : 'commit.some', lang, params);
}

/** `2006-04-01 09:05` in local time (the import log's `at` is ISO UTC). */
export function formatImportedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `기업목록.csv` → `기업목록` (the error report is named after the file). */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name || 'import';
}

/**
 * Exactly what the commit does, in numbers: rows written (new, updated) and rows skipped, by
 * reason. The write itself stays one transaction (all of these or nothing).
 */
export function commitSummary(counts: PreviewCounts, lang: Lang): string {
  const n = (v: number) => formatCount(v, lang === 'ko' ? '행' : '', lang);
  return importT('commit.summary', lang, {
    new: n(counts.new),
    updated: n(counts.updated),
    error: n(counts.error),
    unchanged: n(counts.unchanged),
    duplicate: n(counts.duplicate),
    skipped: n(counts.skipped),
  });
}
