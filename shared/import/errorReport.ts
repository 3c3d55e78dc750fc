/**
 * The preview's errors as an XLSX the user can open next to the original file and fix row by
 * row: sheet, row, column, field, message. Korean headers (the office's working language).
 */
import ExcelJS from 'exceljs';
import { entities } from '../registry';
import type { ImportPreview } from './preview';

export interface ErrorReportOptions {
  lang?: 'ko' | 'en';
}

const HEADERS = {
  ko: ['시트', '행', '열', '항목', '내용'],
  en: ['Sheet', 'Row', 'Column', 'Field', 'Message'],
} as const;

/** Builds the error report workbook; resolves to the .xlsx bytes. */
export async function buildErrorReport(
  preview: ImportPreview,
  opts: ErrorReportOptions = {},
): Promise<Uint8Array> {
  const lang = opts.lang ?? 'ko';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pumasi';
  const ws = workbook.addWorksheet(lang === 'ko' ? '오류 목록' : 'Errors');
  ws.columns = [
    { header: HEADERS[lang][0], key: 'sheet', width: 18 },
    { header: HEADERS[lang][1], key: 'row', width: 8 },
    { header: HEADERS[lang][2], key: 'column', width: 8 },
    { header: HEADERS[lang][3], key: 'field', width: 18 },
    { header: HEADERS[lang][4], key: 'message', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // 항목 shows the field's label as the user knows it (`전화번호`), never its key (`phone`).
  const fields = entities.find((x) => x.name === preview.entity)?.fields ?? [];
  const labelOf = (key: string | null) =>
    key ? (fields.find((f) => f.key === key)?.label[lang] ?? key) : '';
  for (const e of preview.errors) {
    ws.addRow({
      sheet: e.sheet ?? preview.fileName,
      row: e.row,
      column: e.column ?? '',
      field: labelOf(e.field),
      message: e.message,
    });
  }
  // exceljs returns a Node Buffer in Node and an ArrayBuffer in browsers (its types say Buffer,
  // declared as an ArrayBuffer): normalise both to a plain Uint8Array.
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  if (buffer instanceof Uint8Array) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  return new Uint8Array(buffer as ArrayBuffer);
}
