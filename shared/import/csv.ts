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

export function readCsv(bytes: Uint8Array, fileName: string, limits: ImportLimits): CsvResult {
  const decoded = decodeText(bytes);
  const text = decoded.text;
  if (text.trim() === '') throw new ImportError('emptyFile');
  const delimiter = sniffDelimiter(text, fileName);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const warnings = [...decoded.warnings];
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) warnings.push(importMessage('csvQuote', { row: (quoteError.row ?? 0) + 1 }));
  if (parsed.data.length > limits.maxRows + 100) {
    throw new ImportError('tooManyRows', { rows: parsed.data.length, max: limits.maxRows });
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
