/**
 * The sync wire contract: the one shape for push and pull that the client engine
 * (renderer/sync), the server (server/) and the pure merge (shared/sync) all use.
 * docs/SYNC.md describes it in prose; this file is the source of truth.
 *
 * Invariants:
 * - A change carries only the fields that changed, each with the stamp (HLC, which ends in the
 *   writer's device id) of the write that set it. Receivers keep the sender's stamps: a field is
 *   replaced only by a value with a higher stamp, so every side converges to the same record.
 * - A tombstone is the field `deleted` (value 0 or 1) with its own stamp: it travels like any field.
 * - A mutation id is made once when the change is queued and repeated exactly on every retry,
 *   so the server can apply a mutation at most once per device.
 */
import { z } from 'zod';
import { isHlc } from './hlc';

export const PROTOCOL_VERSION = 1;

/** Bounds a server enforces and a client respects when it builds batches. */
export const SYNC_LIMITS = {
  maxMutationsPerPush: 1_000,
  maxBodyBytes: 4 * 1024 * 1024,
  maxChangesPerPull: 1_000,
} as const;

const hlcStamp = z.string().refine(isHlc, { message: 'not an HLC stamp' });

export const fieldChangeSchema = z.object({
  value: z.unknown(),
  hlc: hlcStamp,
  /** the stamp of the value this write replaced, as the writer saw it (null: it saw none);
   *  tells a concurrent write (base ≠ the receiver's stamp) from a sequential one */
  base: hlcStamp.nullable().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** Bounds of the sender's profile (HistoryWho: the same limits a backup's history entry has). */
export const WHO_LIMITS = { name: 100, role: 40 } as const;

/** Who made a change: the sender's profile name and 직책 (staffRole code). Unknown keys dropped. */
export const whoSchema = z.object({
  name: z.string().min(1).max(WHO_LIMITS.name),
  role: z.string().min(1).max(WHO_LIMITS.role).optional(),
});
export type Who = z.infer<typeof whoSchema>;

export const recordChangeSchema = z.object({
  /** registry entity name, e.g. `organization` */
  entity: z.string().min(1).max(64),
  id: z.string().min(1).max(64),
  /** owning cluster code (or the central office's owner code) */
  clusterId: z.string().min(1).max(64),
  /** changed fields only; `deleted` is a field like any other */
  fields: z.record(z.string().min(1).max(64), fieldChangeSchema),
  /** the sender's profile when it made (the newest write of) this change; absent: no profile.
   *  Pushed with each mutation, kept in the server's change log, returned on pull, and written
   *  into the receiver's history entry. */
  who: whoSchema.optional(),
});
export type RecordChange = z.infer<typeof recordChangeSchema>;

export const mutationSchema = z.object({
  /** made once when the change is queued — the client uses the HLC stamp of the newest write it
   *  carries, so ids grow per device (docs/SYNC.md, "Push"); a retry sends the same id */
  mutationId: z.string().min(1).max(64),
  change: recordChangeSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  deviceId: z.string().min(1).max(64),
  mutations: z.array(mutationSchema).max(SYNC_LIMITS.maxMutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(['applied', 'duplicate', 'refused']),
  /** machine code when refused, e.g. `not_owner`, `invalid_field` */
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

/** A concurrent write that lost the merge, recorded for the device that made it. */
export const conflictSchema = z.object({
  entity: z.string(),
  id: z.string(),
  field: z.string(),
  lostValue: z.unknown(),
  lostHlc: hlcStamp,
  wonValue: z.unknown(),
  wonHlc: hlcStamp,
});
export type Conflict = z.infer<typeof conflictSchema>;

export const pushResponseSchema = z.object({
  /** server wall clock (ms) when the response was made: for skew measurement */
  serverTime: z.number(),
  results: z.array(mutationResultSchema),
  conflicts: z.array(conflictSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** GET /v1/sync/pull?after=<cursor>&limit=<n>; the cursor is opaque to the client. */
export const pullResponseSchema = z.object({
  serverTime: z.number(),
  changes: z.array(recordChangeSchema),
  /** pass as `after` next time; unchanged when there was nothing new */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Error body of every non-2xx answer. */
export const syncErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  serverTime: z.number().optional(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;
