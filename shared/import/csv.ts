/**
 * CSV/TSV bytes → RawSheet: decode (encoding.ts), sniff the delimiter, parse with papaparse.
 * Cells stay strings so codes keep their leading zeros (`01110`); numbers are read later, per
 * target field.
 */
import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './encoding';
import { ImportError, importMessage } from './messages';
import type { ImportLimits } from './limits';
import { trimRow, type CellNote, type CellValue, type RawSheet } from './rawSheet';

export type Delimiter = ',' | '\t' | ';' | '|';
const DELIMITERS: Delimiter[] = [',', '\t', ';', '|'];

export interface CsvResult {
  sheet: RawSheet;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  warnings: string[];
}

/**
 * Picks the delimiter that splits the most sample rows into the same number (> 1) of fields.
 * Title rows above the header have one field whatever the delimiter, so they do not vote.
 */
export function sniffDelimiter(text: string, fileName = ''): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = /\.tsv$/i.test(fileName) ? '\t' : ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 60 }).data;
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [width, n] of counts) score = Math.max(score, n * Math.log2(width));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Without any quote character every line is one row, so the widest row (columns up to the last
 * filled one) can be found by a scan that allocates nothing: papaparse would first build the
 * whole row, 47 million fields for a 45 MB line of commas. With quotes, -1: the parser decides.
 */
function widestUnquotedRow(text: string, delimiter: Delimiter): number {
  if (text.includes('"')) return -1;
  const sep = delimiter.charCodeAt(0);
  let widest = 0;
  let field = 0;
  let filled = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 10;
    if (ch === sep) field++;
    else if (ch === 10 || ch === 13) {
      widest = Math.max(widest, filled);
      field = 0;
      filled = 0;
    } else filled = field + 1;
  }
  return widest;
}

/**
 * Parses row by row (papaparse `step`) so the limits hold DURING the parse: a file of 45 MB of
 * blank lines stops at row maxRows + 101 instead of first building millions of rows, and a row
 * wider than maxColumns stops it at that row. The abort signal is checked at every row too.
 */
function parseRows(
  text: string,
  delimiter: Delimiter,
  limits: ImportLimits,
  signal: AbortSignal | undefined,
): { data: string[][]; quoteErrorRow: number | null } {
  const data: string[][] = [];
  let quoteErrorRow: number | null = null;
  let failure: ImportError | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    // Papaparse's fast mode (input without quotes) splits the whole text into lines before the
    // first step: 45 MB of blank lines → a 47-million-entry array. The full parser steps row
    // by row, so the limits below stop it early.
    fastMode: false,
    step: (result, parser) => {
      const fields = result.data;
      if (quoteErrorRow === null && result.errors.some((e) => e.type === 'Quotes')) {
        quoteErrorRow = data.length;
      }
      let width = fields.length;
      while (width > 0 && fields[width - 1] === '') width--;
      if (signal?.aborted) failure = new ImportError('aborted');
      // +100: title, header and footnote rows above and below the data are not data rows.
      else if (data.length >= limits.maxRows + 100) {
        failure = new ImportError('tooManyRows', {
          rows: `${(limits.maxRows + 100).toLocaleString('ko-KR')}+`,
          max: limits.maxRows,
        });
      } else if (width > limits.maxColumns) {
        failure = new ImportError('tooManyColumns', { columns: width, max: limits.maxColumns });
      }
      if (failure) parser.abort();
      else data.push(fields);
    },
  });
  if (failure) throw failure;
  return { data, quoteErrorRow };
}

export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  signal?: AbortSignal,
): CsvResult {
  const decoded = decodeText(bytes);
  const text = decoded.text;
  if (text.trim() === '') throw new ImportError('emptyFile');
  const delimiter = sniffDelimiter(text, fileName);
  const widest = widestUnquotedRow(text, delimiter);
  if (widest > limits.maxColumns) {
    throw new ImportError('tooManyColumns', { columns: widest, max: limits.maxColumns });
  }
  const parsed = parseRows(text, delimiter, limits, signal);
  const warnings = [...decoded.warnings];
  if (parsed.quoteErrorRow !== null) {
    warnings.push(importMessage('csvQuote', { row: parsed.quoteErrorRow + 1 }));
  }
  const notes: CellNote[] = [];
  const rows: CellValue[][] = parsed.data.map((fields, r) =>
    trimRow(
      fields.map((f, c) => {
        if (f.length > limits.maxCellChars) {
          // Never truncate silently: the cell is emptied and the row reported as an error.
          notes.push({
            row: r,
            col: c,
            error: true,
            message: importMessage('cellTooLong', { length: f.length, max: limits.maxCellChars }),
          });
          return null;
        }
        return f === '' ? null : f;
      }),
    ),
  );
  return {
    sheet: { name: fileName.replace(/^.*[\\/]/, ''), rows, merges: [], notes },
    encoding: decoded.encoding,
    delimiter,
    warnings,
  };
}
