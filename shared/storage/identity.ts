/**
 * The shape of the database identity kept outside IndexedDB (renderer/db/storageGuard/identity.ts
 * says why). Shared: the desktop stores it through IPC, which validates it with this schema.
 */
import { z } from 'zod';

export const databaseIdentitySchema = z
  .object({
    format: z.literal(1),
    dbName: z.string().min(1).max(100),
    deviceId: z.string().max(100),
    clusterId: z.string().max(100).nullable(),
    /** ISO time the identity was first written */
    createdAt: z.string().max(40),
    /** ISO time of the last start that found the database */
    lastSeenAt: z.string().max(40),
  })
  .strict();

export type DatabaseIdentity = z.infer<typeof databaseIdentitySchema>;

/** Parses a stored identity; anything unreadable counts as none. */
export function parseIdentity(raw: unknown): DatabaseIdentity | null {
  const parsed = databaseIdentitySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
