/**
 * The pull side of a simulated client database: applyRemote() and retryKeptAside() of
 * renderer/db/remoteApply.ts, each one transaction, deciding per record with the real
 * planRemoteChange() (shared/sync/applyChange.ts) and the registry's validation.
 */
import { getEntity, validateRecord, type EntityDef, type EntityName } from '../../shared/registry';
import { planRemoteChange, type RecordRules } from '../../shared/sync/applyChange';
import type { Hlc } from '../../shared/sync/hlc';
import type { RecordChange } from '../../shared/sync/protocol';
import { stampedFieldsOf } from '../../shared/sync/recordStamps';
import { recordKey } from '../../shared/sync/serverMerge';
import { catchUp, install, see, type ClientDb, type SimRecord } from './clientDb';
import type { Ledger } from './ledger';

const rulesCache = new Map<string, RecordRules>();
function rulesFor(entity: string): RecordRules | undefined {
  let rules = rulesCache.get(entity);
  if (rules) return rules;
  let def: EntityDef;
  try {
    def = getEntity(entity as EntityName);
  } catch {
    return undefined;
  }
  const keys = new Set(def.fields.map((f) => f.key));
  rules = {
    hasField: (field) => keys.has(field),
    validate(data) {
      const r = validateRecord(def, data, 'ko');
      return r.ok
        ? { ok: true, value: r.value }
        : { ok: false, message: r.errors.map((e) => e.field).join(',') };
    },
  };
  rulesCache.set(entity, rules);
  return rules;
}

/** applyRemote(): one pulled page, in one transaction (renderer/db/remoteApply.ts). */
export function applyRemote(
  db: ClientDb,
  clock: Hlc,
  changes: readonly RecordChange[],
  opts: { physicalMs: number; maxDriftMs: number; ledger: Ledger; retrying?: boolean },
): Set<number> {
  catchUp(db, clock);
  const keptIndexes = new Set<number>();
  let newest = '';
  let applied = 0;
  for (const [i, change] of changes.entries()) {
    const key = recordKey(change.entity, change.id);
    const current = db.records.get(key);
    for (const [f, fc] of Object.entries(change.fields)) see(db, key, f, fc.hlc);
    const plan = planRemoteChange(current, change, {
      rules: rulesFor(change.entity),
      localDevice: db.deviceId,
      physicalMs: opts.physicalMs,
      maxDriftMs: opts.maxDriftMs,
    });
    if (plan.kind === 'unchanged') continue;
    if (plan.kind === 'keptAside') {
      keptIndexes.add(i);
      if (opts.retrying) continue; // still kept aside: its row stays as it is
      db.keptAside.push({ reason: plan.reason, direction: 'pull', change });
      opts.ledger.note(
        `  ${db.deviceId} kept aside ${change.entity}:${change.id} (${plan.reason}: ${plan.message})`,
      );
      continue;
    }
    const record = {
      ...plan.data,
      id: change.id,
      clusterId: current?.clusterId ?? change.clusterId,
      deleted: plan.deleted,
      ...plan.meta,
    } as SimRecord;
    for (const f of plan.changed) install(db, opts.ledger, key, f, stampedFieldsOf(record)[f]!.hlc);
    db.records.set(key, record);
    if (plan.meta.hlc > newest) newest = plan.meta.hlc;
    applied++;
    for (const lost of plan.lost) {
      db.inbox.push({
        entity: change.entity,
        recordId: change.id,
        field: lost.field,
        lostHlc: lost.lostHlc,
        wonHlc: lost.wonHlc,
        why: lost.why,
      });
    }
  }
  // Every applied stamp passed the drift bound in planRemoteChange.
  if (newest) clock.receive(newest);
  let last: string | undefined;
  for (let i = 0; i < applied; i++) last = clock.tick(); // history entries: local stamps
  if (last) db.historyMax = last;
  return keptIndexes;
}

/** retryKeptAside(): the pulled changes kept aside, applied again; those that apply leave. */
export function retryKeptAside(
  db: ClientDb,
  clock: Hlc,
  opts: Parameters<typeof applyRemote>[3],
): void {
  const rows = db.keptAside.filter((k) => k.direction === 'pull');
  if (rows.length === 0) return;
  const still = applyRemote(
    db,
    clock,
    rows.map((r) => r.change),
    { ...opts, retrying: true },
  );
  const done = new Set(rows.filter((_, i) => !still.has(i)));
  db.keptAside = db.keptAside.filter((k) => !done.has(k));
}
