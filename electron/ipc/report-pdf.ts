/**
 * report:printPdf — prints the window that asked to an A4 PDF and saves it where the user picks.
 * Only the caller's own webContents is printed (never another window), the size is A4 set
 * explicitly with the page's CSS @page margins, and the renderer never names a path.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { SavedFile } from '../../shared/ipc/contract';
import type { IpcHandler } from '../../shared/ipc/register';
import { IpcFailure } from '../../shared/ipc/result';
import { writeFileAtomically, type FileDialogs } from './files';

/** The options passed to printToPDF (exported for the test). */
export const REPORT_PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  // The report's @page rule sets the margins and the "3 / 12" footer; Electron's own header and
  // footer would print the URL and date over it.
  preferCSSPageSize: true,
  displayHeaderFooter: false,
} as const satisfies Parameters<WebContents['printToPDF']>[0];

export function createReportPdfHandler(
  dialogs: Pick<FileDialogs, 'showSaveDialog'>,
): IpcHandler<'report:printPdf', IpcMainInvokeEvent> {
  return async (input, event): Promise<SavedFile | null> => {
    // Printed before the dialog opens: the page is in the state the user asked to print.
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(await event.sender.printToPDF(REPORT_PDF_OPTIONS));
    } catch {
      throw new IpcFailure('INTERNAL', 'PDF를 만들지 못했습니다. 다시 시도해 보세요.');
    }
    const picked = await dialogs.showSaveDialog(event, {
      title: 'PDF로 저장',
      defaultPath: input.defaultName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (picked.canceled || !picked.filePath) return null;
    await writeFileAtomically(picked.filePath, pdf);
    return { path: picked.filePath };
  };
}
