/**
 * The server in memory: the same checks (server/sync/rules.ts) and the same merge
 * (shared/sync/serverMerge.ts) as server/sync/push.ts, over maps instead of SQL. What survives a
 * crash is exactly what the real server commits: records, applied mutation ids, the change log,
 * the conflict log and the device registry change only in `commit()`, all at once.
 */
import type { EntityDef } from '../../shared/registry';
import type {
  PullResponse,
  PushRequest,
  PushResponse,
  RecordChange,
} from '../../shared/sync/protocol';
import {
  keepOwnersRecords,
  mergePush,
  recordKey,
  type AcceptedMutation,
  type ChangeLogRow,
  type ConflictLogRow,
  type PushResult,
  type ServerRecordState,
} from '../../shared/sync/serverMerge';
import type { TokenPrincipal } from '../../server/auth/tokens';
import { canRead, checkChange, isShared } from '../../server/sync/rules';
import type { Variant } from './variants';

export interface StagedPush {
  response: PushResponse;
  /** makes the push durable (the transaction's COMMIT) */
  commit(): void;
}

export class ServerModel {
  readonly records = new Map<string, ServerRecordState>();
  readonly appliedIds = new Set<string>();
  readonly changes: Array<ChangeLogRow & { seq: number }> = [];
  readonly conflicts: ConflictLogRow[] = [];
  readonly devices = new Map<string, string>();
  /** the checker's count of `applied` answers per device and mutation id */
  readonly appliedCount = new Map<string, number>();

  constructor(private readonly variant: Variant) {}

  /** Judges and merges a push against committed state; nothing is durable before commit(). */
  push(principal: TokenPrincipal, req: PushRequest, serverNow: number): StagedPush | 'mismatch' {
    const bound = this.devices.get(req.deviceId);
    if (bound !== undefined && bound !== principal.clusterCode) return 'mismatch';
    const results: PushResult[] = new Array(req.mutations.length);
    const accepted: AcceptedMutation<EntityDef>[] = [];
    const seen = new Set<string>();
    req.mutations.forEach((mutation, index) => {
      if (seen.has(mutation.mutationId)) {
        results[index] = { mutationId: mutation.mutationId, status: 'duplicate' };
        return;
      }
      seen.add(mutation.mutationId);
      const check = checkChange(principal, mutation.change, serverNow);
      if ('reason' in check)
        results[index] = { mutationId: mutation.mutationId, status: 'refused', ...check };
      else accepted.push({ index, entity: check.entity, mutation });
    });
    // Work on copies: an uncommitted push leaves no trace (like a rolled-back transaction).
    const states = new Map<string, ServerRecordState>();
    for (const a of accepted) {
      const key = recordKey(a.mutation.change.entity, a.mutation.change.id);
      const st = this.records.get(key);
      if (st) states.set(key, { ...structuredClone(st), dirty: false });
    }
    const owned = keepOwnersRecords(accepted, states, results, {
      acceptIncomplete: this.variant.acceptIncomplete ?? false,
    });
    const idKey = (id: string) => `${req.deviceId}\u0000${id}`;
    const fresh = new Set(
      owned
        .map((a) => a.mutation.mutationId)
        .filter((id) => this.variant.forgetMutationIds || !this.appliedIds.has(idKey(id))),
    );
    const merged = mergePush({
      deviceId: req.deviceId,
      owned,
      fresh,
      states,
      results,
      isShared,
      ...(this.variant.merge && { merge: this.variant.merge }),
    });
    const commit = () => {
      this.devices.set(req.deviceId, principal.clusterCode);
      for (const id of fresh) this.appliedIds.add(idKey(id));
      for (const [key, st] of states) if (st.dirty) this.records.set(key, { ...st, dirty: false });
      for (const row of merged.changeRows)
        this.changes.push({ ...row, seq: this.changes.length + 1 });
      this.conflicts.push(...merged.conflictRows);
      for (const r of results) {
        if (r.status !== 'applied') continue;
        const k = idKey(r.mutationId);
        this.appliedCount.set(k, (this.appliedCount.get(k) ?? 0) + 1);
      }
    };
    return {
      response: structuredClone({ serverTime: serverNow, results, conflicts: merged.conflicts }),
      commit,
    };
  }

  /** GET /v1/sync/pull: the change log after `after` that `principal` may read (server/sync/pull.ts). */
  pull(principal: TokenPrincipal, after: number, limit: number, serverNow: number): PullResponse {
    const rows = this.changes.filter(
      (c) => c.seq > after && canRead(principal, c.cluster_id, c.shared),
    );
    const page = rows.slice(0, limit);
    const changes: RecordChange[] = page.map((row) => ({
      entity: row.entity,
      id: row.id,
      clusterId: row.cluster_id,
      fields: Object.fromEntries(
        Object.entries(row.fields).map(([name, f]) => [
          name,
          f.base ? { value: f.value, hlc: f.hlc, base: f.base } : { value: f.value, hlc: f.hlc },
        ]),
      ),
    }));
    return structuredClone({
      serverTime: serverNow,
      changes,
      cursor: String(page.length > 0 ? page[page.length - 1]!.seq : after),
      hasMore: rows.length > limit,
    });
  }
}
