/**
 * KICOX 국가산업단지 산업동향 workbooks → `indicator` (issue 6). Entry point for the CLI and the
 * import worker: bytes → every sheet → the recognised tables' values, the rest skipped with a
 * reason. See docs/ARCHITECTURE.md (Spreadsheets) for the format rules.
 */
import { sniffFileKind } from '../encoding';
import { resolveLimits, type ImportLimits } from '../limits';
import { ImportError, asImportError } from '../messages';
import { readXlsx } from '../xlsx';
import { previewKicoxSheets, type KicoxPreviewOptions, type KicoxWorkbookPreview } from './preview';

export type KicoxFileOptions = Omit<KicoxPreviewOptions, 'checksum'> & {
  limits?: Partial<ImportLimits>;
};

/** Reads an XLSX workbook and previews every KICOX table in it. Throws ImportError only. */
export async function previewKicoxWorkbook(
  bytes: Uint8Array,
  opts: KicoxFileOptions,
): Promise<KicoxWorkbookPreview> {
  try {
    if (sniffFileKind(bytes) !== 'xlsx') throw new ImportError('notXlsx');
    const sheets = await readXlsx(bytes, resolveLimits(opts.limits));
    if (opts.sheets) {
      for (const name of opts.sheets)
        if (!sheets.some((s) => s.name === name))
          throw new ImportError('sheetNotFound', {
            sheet: name,
            sheets: sheets.map((s) => s.name).join(', '),
          });
    }
    const digest = await globalThis.crypto.subtle.digest(
      'SHA-256',
      bytes as Uint8Array<ArrayBuffer>,
    );
    const checksum = [...new Uint8Array(digest)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    return previewKicoxSheets(sheets, { ...opts, checksum });
  } catch (e) {
    throw asImportError(e);
  }
}

export { previewKicoxSheets, isKicoxSheet, KICOX_SOURCE } from './preview';
export type {
  KicoxWorkbookPreview,
  KicoxSheetPreview,
  KicoxSkippedSheet,
  KicoxSheetCounts,
  KicoxPreviewOptions,
} from './preview';
export type { KicoxValue } from './extract';
export { findQuarter, quarterCode } from './labels';
