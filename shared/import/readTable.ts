/**
 * bytes → ImportTable, the generic stage every import goes through (and the one a table without
 * a perfect entity target, such as the KSIC code list, stops at). Format by magic number: ZIP →
 * XLSX, OLE → old .xls (refused with advice), anything else → CSV/TSV text.
 */
import { entities, type EntityDef } from '../registry';
import { readCsv, type Delimiter } from './csv';
import { sniffFileKind, type TextEncodingName } from './encoding';
import { cellText, detectHeader } from './header';
import { resolveLimits, toMb, type ImportLimits } from './limits';
import { fieldVocabulary, headersMapCleanly } from './mapping';
import { ImportError, asImportError, throwIfAborted } from './messages';
import { sheetWidth, type RawSheet } from './rawSheet';
import { buildRows, type FillDownMode, type TableRow } from './table';
import { moneyScaleInHeader, parseUnitHint, type MoneyScale, type UnitHint } from './units';
import { describeSheet, pickDefaultSheet, readXlsx, type SheetInfo } from './xlsx';

export type ProgressCallback = (fraction: number, stage: ImportStage) => void;
export type ImportStage = 'read' | 'parse' | 'table' | 'validate' | 'compare' | 'checksum';

export interface ReadTableOptions {
  fileName: string;
  /** XLSX sheet to read; default: the sheet with the most data */
  sheet?: string;
  /** scores header rows against this entity's fields (default: every registry entity) */
  entity?: EntityDef;
  limits?: Partial<ImportLimits>;
  /**
   * `auto` (default): columns shaped like hierarchy parents (KSIC code tables) have their blanks
   * filled from the row above, except when `entity` is given and the header row names its
   * fields cleanly (an export or template of independent records). `off`: never fill down.
   */
  fillDown?: FillDownMode;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

export interface ImportTable {
  fileName: string;
  format: 'csv' | 'xlsx';
  sheets: SheetInfo[];
  sheet: string;
  /** spreadsheet row number (1-based) of the last header row; the first data row follows it */
  headerRow: number;
  /** all header rows (two for a merged two-row header) */
  headerRows: number[];
  headers: string[];
  rows: TableRow[];
  /** detected text encoding (CSV/TSV); null for XLSX */
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  /** the `(단위 : …)` cell above the header, if any */
  unitHint: UnitHint | null;
  /** money unit written in each column's header (`누계생산(백만원)`), else null */
  columnUnits: Array<MoneyScale | null>;
  numericColumns: number[];
  filledDownColumns: number[];
  footnotes: string[];
  /** Korean warnings about the file as a whole */
  warnings: string[];
}

async function loadSheets(
  bytes: Uint8Array,
  opts: ReadTableOptions,
  limits: ImportLimits,
): Promise<{
  sheets: RawSheet[];
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  warnings: string[];
}> {
  const kind = sniffFileKind(bytes);
  if (kind === 'xls') throw new ImportError('legacyXls');
  if (kind === 'xlsx') {
    return {
      sheets: await readXlsx(bytes, limits),
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      warnings: [],
    };
  }
  if (/\.(xlsx|xlsm|xls)$/i.test(opts.fileName)) throw new ImportError('notXlsx');
  const csv = readCsv(bytes, opts.fileName, limits, opts.signal);
  return {
    sheets: [csv.sheet],
    format: 'csv',
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    warnings: csv.warnings,
  };
}

function findUnitHint(sheet: RawSheet, lastRow: number): UnitHint | null {
  for (let r = 0; r <= lastRow; r++) {
    // Joined: an unquoted unit cell in a CSV arrives split at its commas.
    const text = (sheet.rows[r] ?? []).filter((v) => typeof v === 'string').join(',');
    const hint = text.includes('단위') ? parseUnitHint(text) : null;
    if (hint) return hint;
  }
  return null;
}

async function readTableUnsafe(bytes: Uint8Array, opts: ReadTableOptions): Promise<ImportTable> {
  const limits = resolveLimits(opts.limits);
  const progress = opts.onProgress ?? (() => {});
  if (bytes.length === 0) throw new ImportError('emptyFile');
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError('fileTooLarge', {
      size: toMb(bytes.length),
      max: toMb(limits.maxFileBytes),
    });
  }
  throwIfAborted(opts.signal);
  progress(0, 'read');
  const loaded = await loadSheets(bytes, opts, limits);
  throwIfAborted(opts.signal);
  progress(0.5, 'parse');

  const sheetInfos = loaded.sheets.map(describeSheet);
  let sheet: RawSheet | undefined;
  if (opts.sheet !== undefined && loaded.format === 'xlsx') {
    sheet = loaded.sheets.find((s) => s.name === opts.sheet);
    if (!sheet) {
      throw new ImportError('sheetNotFound', {
        sheet: opts.sheet,
        sheets: loaded.sheets.map((s) => s.name).join(', '),
      });
    }
  } else {
    sheet = pickDefaultSheet(loaded.sheets);
  }
  if (!sheet || sheetInfos.every((s) => s.cells === 0)) throw new ImportError('noData');
  const width = sheetWidth(sheet.rows);
  if (width > limits.maxColumns) {
    throw new ImportError('tooManyColumns', { columns: width, max: limits.maxColumns });
  }
  const header = detectHeader(sheet, fieldVocabulary(opts.entity ? [opts.entity] : entities));
  if (!header) throw new ImportError('noHeader');
  const lastHeader = header.rows[header.rows.length - 1]!;
  progress(0.7, 'table');
  const fillDown: FillDownMode =
    opts.fillDown === 'off' || (opts.entity && headersMapCleanly(header.headers, opts.entity))
      ? 'off'
      : 'auto';
  const built = buildRows(sheet, lastHeader + 1, Math.max(width, header.headers.length), fillDown);
  if (built.rows.length > limits.maxRows) {
    throw new ImportError('tooManyRows', { rows: built.rows.length, max: limits.maxRows });
  }
  const headers = Array.from(
    { length: Math.max(width, header.headers.length) },
    (_, c) => header.headers[c] ?? '',
  );
  progress(1, 'table');
  return {
    fileName: opts.fileName,
    format: loaded.format,
    sheets: sheetInfos,
    sheet: sheet.name,
    headerRow: lastHeader + 1,
    headerRows: header.rows.map((r) => r + 1),
    headers,
    rows: built.rows,
    encoding: loaded.encoding,
    delimiter: loaded.delimiter,
    unitHint: findUnitHint(sheet, lastHeader),
    columnUnits: headers.map((h) => moneyScaleInHeader(h)),
    numericColumns: built.numericColumns,
    filledDownColumns: built.filledDownColumns,
    footnotes: built.footnotes,
    warnings: loaded.warnings,
  };
}

/** Reads any supported file into a table. Throws ImportError only, with a Korean message. */
export async function readTable(bytes: Uint8Array, opts: ReadTableOptions): Promise<ImportTable> {
  try {
    return await readTableUnsafe(bytes, opts);
  } catch (e) {
    throw asImportError(e);
  }
}

export { cellText };
