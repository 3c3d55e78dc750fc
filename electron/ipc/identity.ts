/**
 * identity:read / identity:write — the database identity file in the data folder
 * (renderer/db/storageGuard/identity.ts says why it lives outside IndexedDB). The input was
 * validated by the contract's zod schema; what is read back is validated again, so a damaged or
 * hand-edited file reads as "no identity" instead of crashing the start.
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcParsedInput } from '../../shared/ipc/contract';
import type { IpcHandler } from '../../shared/ipc/register';
import { parseIdentity, type DatabaseIdentity } from '../../shared/storage/identity';
import { writeFileAtomically } from './files';

export const IDENTITY_FILE_NAME = 'database-identity.json';
/** An identity is a few hundred bytes; anything larger is not ours. */
const MAX_IDENTITY_BYTES = 16 * 1024;

export function createIdentityHandlers(dataDir: string): {
  'identity:read': IpcHandler<'identity:read', unknown>;
  'identity:write': IpcHandler<'identity:write', unknown>;
} {
  const path = join(dataDir, IDENTITY_FILE_NAME);
  return {
    'identity:read': async (): Promise<DatabaseIdentity | null> => {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return null; // none yet (a first run) or unreadable
      }
      if (text.length > MAX_IDENTITY_BYTES) return null;
      try {
        return parseIdentity(JSON.parse(text));
      } catch {
        return null;
      }
    },
    'identity:write': async (input: IpcParsedInput<'identity:write'>): Promise<null> => {
      if (input === null) {
        await unlink(path).catch(() => undefined);
        return null;
      }
      // Atomic and flushed: a crash mid-write must not leave half a file (read as none).
      await writeFileAtomically(path, new TextEncoder().encode(JSON.stringify(input)));
      return null;
    },
  };
}
