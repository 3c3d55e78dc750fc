/**
 * Rows → an XLSX workbook with exceljs (imported like shared/import/xlsx.ts, so it bundles for
 * Node and Vite alike): Korean bold headers, a frozen header row, an autofilter, widths from the
 * content, and typed cells: numbers as numbers (`#,##0` for money), dates as real Excel dates
 * (`yyyy-mm-dd`), codes and every other text as TEXT cells (`01110` keeps its zero). Text is
 * neutralised against formula injection (cells.ts) and always written as a string value, never
 * as a formula: exceljs only writes a formula for a `{ formula }` object, which is never built.
 */
import ExcelJS from 'exceljs';
import type { ExportColumn, ExportRow } from './columns';
import {
  cellText,
  exportCell,
  neutraliseFormula,
  type CellContext,
  type ExportCell,
} from './cells';
import { ExportError } from './messages';

export interface XlsxOptions extends CellContext {
  sheetName: string;
}

const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** rows sampled for column widths: enough to be right, bounded for 100,000-row exports */
const WIDTH_SAMPLE_ROWS = 500;

/** Excel refuses `[]:*?/\` in sheet names, longer than 31 characters, or blank. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || 'Sheet1';
}

/** Display width in Excel character units: Hangul and other wide characters count twice. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f300;
    w += wide ? 2 : 1;
  }
  return w;
}

function widthText(cell: ExportCell): string {
  if (cell.type === 'number') return cell.value.toLocaleString('ko-KR');
  // only the first line of a multi-line cell sets the width
  return cellText(cell).split(/\r?\n/)[0] ?? '';
}

/** A Date whose UTC fields are the wanted calendar fields (exceljs writes serials from UTC). */
const utcDate = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s));

function writeCell(target: ExcelJS.Cell, cell: ExportCell): void {
  switch (cell.type) {
    case 'empty':
      return;
    case 'number':
      target.value = cell.value;
      target.numFmt = cell.numFmt;
      return;
    case 'date': {
      const [y, m, d] = cell.iso.split('-').map(Number) as [number, number, number];
      target.value = utcDate(y, m, d);
      target.numFmt = DATE_FORMAT;
      return;
    }
    case 'datetime': {
      const p = cell.parts;
      target.value = utcDate(p.year, p.month, p.day, p.hour, p.minute, p.second);
      target.numFmt = DATETIME_FORMAT;
      return;
    }
    case 'text':
      // A plain string value is a string cell (t="s"); `@` keeps it text when a user edits it.
      target.value = cell.text;
      target.numFmt = TEXT_FORMAT;
      if (cell.text.includes('\n')) target.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** exceljs gives a Node Buffer in Node and an ArrayBuffer in browsers: both → Uint8Array. */
function toBytes(buffer: unknown): Uint8Array {
  if (buffer instanceof Uint8Array) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes one sheet: bold frozen header, typed cells, widths from the content, an autofilter. */
function fillSheet(
  workbook: ExcelJS.Workbook,
  sheet: XlsxSheet,
  taken: Set<string>,
  opts: CellContext,
): void {
  const { columns, rows } = sheet;
  // Excel refuses two sheets of one name (compared case-blind): number the later ones.
  let name = safeSheetName(sheet.name);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    name = safeSheetName(`${sheet.name.slice(0, 27)} (${n})`);
  }
  taken.add(name.toLowerCase());
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columns.map((c) => displayWidth(c.header) + 3); // + the filter button

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutraliseFormula(c.header);
    cell.font = { bold: true };
  });
  rows.forEach((record, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((c, i) => {
      const cell = exportCell(c, record[c.key], opts);
      writeCell(row.getCell(i + 1), cell);
      if (r < WIDTH_SAMPLE_ROWS) widths[i] = Math.max(widths[i]!, displayWidth(widthText(cell)));
    });
  });
  columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i]! + 1));
  });
  if (columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
}

async function workbookBytes(workbook: ExcelJS.Workbook, opts: CellContext): Promise<Uint8Array> {
  try {
    return toBytes(await workbook.xlsx.writeBuffer());
  } catch (e) {
    throw new ExportError(
      'xlsxFailed',
      { detail: e instanceof Error ? e.message : String(e) },
      opts.lang,
    );
  }
}

/** Builds the workbook (one sheet); resolves to the .xlsx bytes. Rejects only with ExportError. */
export async function buildXlsx(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  opts: XlsxOptions,
): Promise<Uint8Array> {
  return buildXlsxSheets([{ name: opts.sheetName, columns, rows }], opts);
}

/** One sheet of a workbook with several (the monthly report's XLSX annex: a sheet per table). */
export interface XlsxSheet {
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly ExportRow[];
}

/** A workbook of several sheets, each written as buildXlsx writes its one. */
export async function buildXlsxSheets(
  sheets: readonly XlsxSheet[],
  opts: CellContext,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pumasi';
  const taken = new Set<string>();
  for (const sheet of sheets) fillSheet(workbook, sheet, taken, opts);
  return workbookBytes(workbook, opts);
}
