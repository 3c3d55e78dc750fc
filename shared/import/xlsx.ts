/**
 * XLSX bytes → RawSheets with exceljs, after the zip-bomb guard. Formulas are never evaluated:
 * their cached results are read (a file saved by Excel always carries them). Merged ranges are
 * kept as ranges and only their top-left cell keeps the value, so header detection can tell a
 * title spanning 19 columns from 19 header cells.
 */
import ExcelJS from 'exceljs';
import { guardZip } from './zipGuard';
import { ImportError, asImportError, importMessage } from './messages';
import { columnLetter, type ImportLimits } from './limits';
import { trimRow, type CellNote, type CellValue, type MergeRange, type RawSheet } from './rawSheet';

export interface SheetInfo {
  name: string;
  /** rows with at least one value */
  rows: number;
  /** columns up to the last one with a value (trailing empty columns trimmed) */
  columns: number;
  cells: number;
}

type ExcelValue = ExcelJS.CellValue;

/** exceljs cell value → plain value; formula → its cached result; error → null with a note. */
function plainValue(v: ExcelValue, note: (m: string) => void, col: number): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'object') return null;
  if ('error' in v) {
    note(importMessage('formulaError', { column: columnLetter(col), value: String(v.error) }));
    return null;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    return plainValue((v as { result?: ExcelValue }).result ?? null, note, col);
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) {
    const t = (v as { text: unknown }).text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t) {
      return (t as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
    }
  }
  return null;
}

function decodeAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function parseMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  const out: MergeRange[] = [];
  for (const range of list) {
    const [a, b] = range.split(':');
    const from = a ? decodeAddress(a) : null;
    const to = b ? decodeAddress(b) : from;
    if (from && to) out.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return out;
}

function readSheet(ws: ExcelJS.Worksheet, limits: ImportLimits): RawSheet {
  if (ws.rowCount > limits.maxRows + 100) {
    throw new ImportError('tooManyRows', { rows: ws.rowCount, max: limits.maxRows });
  }
  const merges = parseMerges(ws);
  const notes: CellNote[] = [];
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Refused like a CSV, never cut off silently: dropped columns would lose data unseen.
      if (c >= limits.maxColumns) {
        throw new ImportError('tooManyColumns', {
          columns: Math.max(ws.columnCount, colNumber),
          max: limits.maxColumns,
        });
      }
      let v = plainValue(cell.value, (message) => notes.push({ row: r, col: c, message }), c);
      if (typeof v === 'string' && v.length > limits.maxCellChars) {
        notes.push({
          row: r,
          col: c,
          error: true,
          message: importMessage('cellTooLong', { length: v.length, max: limits.maxCellChars }),
        });
        v = null;
      }
      cells[c] = v;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[r] = trimRow(cells);
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  // Only the top-left cell of a merge keeps its value (exceljs repeats it in every cell).
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
      }
      rows[r] = trimRow(row);
    }
  }
  return { name: ws.name, rows, merges, notes };
}

export function describeSheet(sheet: RawSheet): SheetInfo {
  let rows = 0;
  let columns = 0;
  let cells = 0;
  for (const r of sheet.rows) {
    const filled = r.filter((v) => v !== null && v !== '').length;
    if (filled > 0) rows++;
    cells += filled;
    columns = Math.max(columns, r.length);
  }
  return { name: sheet.name, rows, columns, cells };
}

/** Loads every worksheet. Throws ImportError only (zip guard, corrupt file, limits). */
export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<RawSheet[]> {
  guardZip(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw asImportError(e instanceof ImportError ? e : new Error(String(e)), 'xlsxCorrupt');
  }
  try {
    const sheets = workbook.worksheets.map((ws) => readSheet(ws, limits));
    if (sheets.length === 0) throw new ImportError('noSheets');
    return sheets;
  } catch (e) {
    throw asImportError(e, 'xlsxCorrupt');
  }
}

/** Default sheet: the one with the most filled cells (the main table, not the summary). */
export function pickDefaultSheet(sheets: RawSheet[]): RawSheet | undefined {
  let best: RawSheet | undefined;
  let bestCells = -1;
  for (const s of sheets) {
    const n = describeSheet(s).cells;
    if (n > bestCells) {
      bestCells = n;
      best = s;
    }
  }
  return best;
}
