/**
 * Exports (issue "Spreadsheets in and out"): the grid's visible columns and rows → XLSX or CSV
 * bytes. Pure TypeScript over Uint8Array: runs in the renderer and in Node (tests, CLI); the
 * caller writes the file (electron/ dialogs or a browser download).
 */
export { columnsForEntity, META_COLUMNS } from './columns';
export type { ExportColumn, ExportRow } from './columns';
export { exportCell, neutraliseFormula, NUMBER_FORMATS } from './cells';
export type { ExportCell, ResolveRef, CellContext } from './cells';
export { buildCsv, quoteCsvField } from './csv';
export type { CsvOptions, CsvEncoding, CsvDelimiter } from './csv';
export { buildXlsx, buildXlsxSheets, safeSheetName } from './xlsx';
export type { XlsxOptions, XlsxSheet } from './xlsx';
export { encodeCp949 } from './cp949';
export { ExportError, exportMessage, exportMessages } from './messages';
export type { ExportMessageKey } from './messages';
