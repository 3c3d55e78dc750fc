import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedUrl } from '../../shared/ipc/app-origin';

/**
 * Only the app's own pages may call IPC: a frame that navigated elsewhere, an iframe of another
 * origin, or a destroyed frame (senderFrame null) is refused.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  trustedOrigins: readonly string[],
): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isTrustedUrl(url, trustedOrigins);
}
