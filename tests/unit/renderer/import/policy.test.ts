import { describe, expect, it } from 'vitest';
import {
  baseName,
  canCommit,
  commitButtonText,
  commitSummary,
  formatImportedAt,
  writeCount,
  type PreviewCounts,
} from '../../../../renderer/features/import/policy';

const counts = (over: Partial<PreviewCounts>): PreviewCounts => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  duplicate: 0,
  skipped: 0,
  error: 0,
  ...over,
});

describe('commit policy', () => {
  it('writes new and updated rows only', () => {
    expect(
      writeCount(counts({ new: 1700, updated: 28, unchanged: 5, duplicate: 2, error: 4 })),
    ).toBe(1728);
  });

  it('says in the button that rows with errors are skipped', () => {
    expect(commitButtonText(counts({ new: 1700, updated: 28, error: 4 }), 'ko')).toBe(
      '오류 4행을 제외하고 1,728건 가져오기',
    );
    expect(commitButtonText(counts({ new: 3 }), 'ko')).toBe('3건 가져오기');
    expect(commitButtonText(counts({ new: 1700, updated: 28, error: 4 }), 'en')).toBe(
      'Import 1,728, skipping 4 rows with errors',
    );
  });

  it('offers no commit when nothing would be written or the preview is out of date', () => {
    expect(commitButtonText(counts({ unchanged: 3, error: 1 }), 'ko')).toBe(
      '가져올 새 자료나 바뀐 자료가 없습니다',
    );
    expect(canCommit(counts({ unchanged: 3, error: 1 }), false)).toBe(false);
    expect(canCommit(counts({ new: 1 }), false)).toBe(true);
    expect(canCommit(counts({ new: 1 }), true)).toBe(false);
    expect(canCommit(undefined, false)).toBe(false);
  });
});

describe('formatting', () => {
  it('shows the import time as YYYY-MM-DD HH:mm in local time', () => {
    const local = new Date(2006, 3, 1, 9, 5, 30);
    expect(formatImportedAt(local.toISOString())).toBe('2006-04-01 09:05');
    expect(formatImportedAt('not a date')).toBe('not a date');
  });

  it('names the error report after the file', () => {
    expect(baseName('구미_입주기업.csv')).toBe('구미_입주기업');
    expect(baseName('C:\\자료\\목록.v2.xlsx')).toBe('목록.v2');
    expect(baseName('.csv')).toBe('.csv');
  });
});

describe('commit summary', () => {
  it('says exactly how many rows are written, updated and skipped, and why', () => {
    const c = counts({ new: 1700, updated: 28, unchanged: 5, duplicate: 2, skipped: 1, error: 4 });
    expect(commitSummary(c, 'ko')).toBe(
      '저장: 새 항목 1,700행, 바뀜 28행 · 건너뜀: 오류 4행, 같음 5행, 중복 2행, 빈 행·합계 1행',
    );
    expect(commitSummary(c, 'en')).toBe(
      'Saved: 1,700 new, 28 updated · skipped: 4 with errors, 5 unchanged, 2 duplicates, 1 blank or totals rows',
    );
  });
});
