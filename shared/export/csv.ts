/**
 * Rows → CSV bytes: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (what Korean Excel opens
 * correctly by double-click) or CP949 for older public-office tools. A character CP949 cannot
 * hold is an error naming its row and column: nothing is silently replaced by `?`.
 * Cell values and the formula-injection rule are those of cells.ts.
 */
import { columnLetter } from '../import/limits';
import type { ExportColumn, ExportRow } from './columns';
import { cellText, exportCell, neutraliseFormula, type CellContext } from './cells';
import { characterAt, encodeCp949 } from './cp949';
import { ExportError } from './messages';

export type CsvEncoding = 'utf-8-bom' | 'cp949';
export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions extends CellContext {
  /** default `utf-8-bom` */
  encoding?: CsvEncoding;
  /** default `,` */
  delimiter?: CsvDelimiter;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const CRLF = '\r\n';

/** Quotes a field when it holds the delimiter, a quote, CR or LF (RFC 4180 §2.6–2.7). */
export function quoteCsvField(value: string, delimiter: CsvDelimiter = ','): string {
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\r') ||
    value.includes('\n');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The table as text cells, header first (row 0 = spreadsheet row 1). */
function csvCells(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  ctx: CellContext,
): string[][] {
  const out: string[][] = [columns.map((c) => neutraliseFormula(c.header))];
  for (const row of rows) out.push(columns.map((c) => cellText(exportCell(c, row[c.key], ctx))));
  return out;
}

/** Grows a byte buffer chunk by chunk (CP949 is encoded cell by cell to locate a bad one). */
class ByteSink {
  private buf = new Uint8Array(64 * 1024);
  private length = 0;
  push(bytes: ArrayLike<number>): void {
    if (this.length + bytes.length > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + bytes.length));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function encodeCp949Table(
  table: string[][],
  columns: readonly ExportColumn[],
  delimiter: CsvDelimiter,
  ctx: CellContext,
): Uint8Array {
  const sink = new ByteSink();
  const ascii = (s: string) => sink.push(Array.from(s, (ch) => ch.charCodeAt(0)));
  table.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (c > 0) ascii(delimiter);
      const field = quoteCsvField(value, delimiter);
      const encoded = encodeCp949(field);
      if (encoded.badIndex >= 0) {
        throw new ExportError(
          'cp949Unencodable',
          {
            row: r + 1,
            column: columnLetter(c),
            header: columns[c]?.header ?? '',
            char: characterAt(field, encoded.badIndex),
          },
          ctx.lang,
        );
      }
      sink.push(encoded.bytes);
    });
    ascii(CRLF);
  });
  return sink.result();
}

/**
 * Builds the CSV file. Throws ExportError (Korean message, row and column named) only when
 * `encoding: 'cp949'` meets a character CP949 cannot encode.
 */
export function buildCsv(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  opts: CsvOptions,
): Uint8Array {
  const delimiter = opts.delimiter ?? ',';
  const table = csvCells(columns, rows, opts);
  if (opts.encoding === 'cp949') return encodeCp949Table(table, columns, delimiter, opts);
  const text = table.map((cells) => cells.map((v) => quoteCsvField(v, delimiter)).join(delimiter));
  const body = new TextEncoder().encode(text.join(CRLF) + CRLF);
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}
