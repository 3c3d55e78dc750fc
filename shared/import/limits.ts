/**
 * Hard limits that keep a hostile or broken file from freezing the app. Every limit produces a
 * Korean ImportError or a row error; nothing is silently truncated.
 */
export interface ImportLimits {
  /** bytes of the file as picked */
  maxFileBytes: number;
  /** data rows after the header */
  maxRows: number;
  /** columns with data */
  maxColumns: number;
  /** Excel's own limit for one cell; longer cells are row errors */
  maxCellChars: number;
  /** XLSX: entries in the ZIP */
  maxZipEntries: number;
  /** XLSX: total bytes once decompressed (declared and actually inflated) */
  maxUncompressedBytes: number;
  /** XLSX: decompressed ÷ compressed for one entry larger than `ratioCheckFromBytes` */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCellChars: 32_767,
  maxZipEntries: 5_000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  // Real workbooks stay far below 100× (the KICOX survey's worst entry is 17×).
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 * 1024,
};

export function resolveLimits(partial?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

export const toMb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/** Spreadsheet column letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
