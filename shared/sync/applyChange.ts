/**
 * What applying one pulled change to one stored record means — pure: no clock, no storage. The
 * client's remote-apply path (renderer/db/remoteApply.ts) runs it per record inside its
 * transaction; the simulation can run it alike.
 *
 * Invariants:
 * - The sender's stamps are kept as they are (never restamped): the merge is mergeFields().
 * - A change is applied whole or not at all, and one bad change never stops a batch: it comes
 *   back as `keptAside` with a reason code (and a message), and the caller goes on.
 * - Only conflicts this device LOST are returned: they belong in this device's inbox. The ones
 *   the sender lost are the server's to record for the sender.
 */
import { driftBeyond, isHlc, parseHlc } from './hlc';
import { mergeFields, type StampedValue } from './merge';
import type { RecordChange } from './protocol';
import { metaFromStamps, restamp, stampedFieldsOf, type StampMeta } from './recordStamps';

/** What this app knows about an entity: its fields and how to validate a whole record. */
export interface RecordRules {
  hasField(field: string): boolean;
  /** the record's data (no meta, no `deleted`) cleaned, or why the local schema rejects it */
  validate(
    data: Record<string, unknown>,
  ): { ok: true; value: Record<string, unknown> } | { ok: false; message: string };
}

export type KeptAsideReason =
  | 'unknown_entity' // an entity this app version does not have
  | 'unknown_field' // a field this app version does not have (a newer app wrote it)
  | 'invalid_value' // the merged record fails the local schema (e.g. a newer enum option)
  | 'future_stamp' // a stamp beyond the drift bound
  | 'bad_stamp' // not an HLC stamp at all
  | 'missing_record'; // a lone tombstone for a record this device never had

/** Why the winner won: a later wall time, a later counter in the same ms, or the device order. */
export type WinReason = 'later_time' | 'later_counter' | 'device_order';

export interface LostField {
  field: string;
  lostValue: unknown;
  lostHlc: string;
  wonValue: unknown;
  wonHlc: string;
  why: WinReason;
}

export type StoredState = Readonly<Record<string, unknown>> & StampMeta;

export type RemotePlan =
  | { kind: 'unchanged' }
  | { kind: 'keptAside'; reason: KeptAsideReason; message: string }
  | {
      kind: 'apply';
      /** validated data fields (no meta, no `deleted`) */
      data: Record<string, unknown>;
      deleted: 0 | 1;
      meta: StampMeta;
      /** fields whose value or stamp changed; their previous values are the history's before */
      changed: string[];
      lost: LostField[];
      created: boolean;
    };

export interface PlanContext {
  rules: RecordRules | undefined;
  localDevice: string;
  physicalMs: number;
  maxDriftMs: number;
}

export function winReason(winner: string, loser: string): WinReason {
  const w = parseHlc(winner);
  const l = parseHlc(loser);
  if (w.wallMs !== l.wallMs) return 'later_time';
  return w.counter !== l.counter ? 'later_counter' : 'device_order';
}

const aside = (reason: KeptAsideReason, message: string): RemotePlan => ({
  kind: 'keptAside',
  reason,
  message,
});

/** The first reason a change cannot be applied at all, before any merge. */
function refusal(change: RecordChange, ctx: PlanContext): RemotePlan | undefined {
  if (!ctx.rules) return aside('unknown_entity', change.entity);
  // Judged once per distinct stamp: a record written in one go has one stamp on all its fields
  // (the pull's cost per field was a stamp parse; the verdict depends on the stamp alone).
  let passed: string | undefined;
  for (const [field, f] of Object.entries(change.fields)) {
    if (f.hlc !== passed) {
      if (!isHlc(f.hlc)) return aside('bad_stamp', `${field}: ${String(f.hlc)}`);
      const ahead = driftBeyond(f.hlc, ctx.physicalMs, ctx.maxDriftMs);
      if (ahead > 0) return aside('future_stamp', `${field}: ${f.hlc} (+${ahead} ms)`);
      passed = f.hlc;
    }
    if (field === 'deleted') {
      if (f.value !== 0 && f.value !== 1)
        return aside('invalid_value', `deleted: ${String(f.value)}`);
    } else if (!ctx.rules.hasField(field)) {
      return aside('unknown_field', field);
    }
  }
  return undefined;
}

const valueOf = (v: StampedValue | undefined): unknown => v?.value ?? null;

/** Plans applying `change` onto `current` (undefined: this device does not have the record). */
export function planRemoteChange(
  current: StoredState | undefined,
  change: RecordChange,
  ctx: PlanContext,
): RemotePlan {
  const refused = refusal(change, ctx);
  if (refused) return refused;
  const names = Object.keys(change.fields);
  if (!current && names.length === 1 && names[0] === 'deleted') {
    return aside('missing_record', 'deleted');
  }
  const merge = mergeFields(current ? stampedFieldsOf(current) : undefined, change.fields);
  if (merge.changed.length === 0) return { kind: 'unchanged' };

  const data: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(merge.fields)) {
    if (field !== 'deleted' && v.value !== null && v.value !== undefined) data[field] = v.value;
  }
  const checked = (ctx.rules as RecordRules).validate(data);
  if (!checked.ok) {
    // A new record needs every required field: a partial change for it fails here too.
    return aside('invalid_value', checked.message);
  }
  const stamps: Record<string, string> = {};
  for (const field of current ? merge.changed : Object.keys(merge.fields)) {
    stamps[field] = (merge.fields[field] as StampedValue).hlc;
  }
  const lost: LostField[] = [];
  for (const c of merge.conflicts) {
    if (c.loserDevice !== ctx.localDevice) continue;
    lost.push({
      field: c.field,
      lostValue: c.loser.value,
      lostHlc: c.loser.hlc,
      wonValue: c.winner.value,
      wonHlc: c.winner.hlc,
      why: winReason(c.winner.hlc, c.loser.hlc),
    });
  }
  return {
    kind: 'apply',
    data: checked.value,
    deleted: valueOf(merge.fields['deleted']) === 1 ? 1 : 0,
    meta: current ? restamp(current, stamps) : metaFromStamps(stamps),
    changed: merge.changed,
    lost,
    created: !current,
  };
}
