/**
 * The guarantees, checked once a schedule has healed and quiesced (docs/SYNC.md, "Proven by
 * simulation"):
 * 1. convergence: every client holds every record it may read exactly as the server does,
 *    field by field, value and stamp;
 * 2. no acknowledged write is lost: the server's stamp of every field it set is at least its own;
 *    and nothing stays queued;
 * 3. nothing applied twice: no device id + mutation id is applied twice by the server, and no
 *    database installs the same (record, field, stamp) twice (checked as it happens);
 * 4. ownership: every field of every server record was written by a device of its owner;
 * 5. conflicts: a device's last write of a field, overwritten by a write that never saw it (and
 *    never knowingly replaced by anyone), is in that device's conflict inbox or the server's
 *    conflict log for it;
 * 6. bounded clocks: no device mints a stamp beyond the drift bound (checked as it happens);
 * 7. no fragment: every server record is a whole record (its tombstone field and every required
 *    field), so every client may apply it.
 */
import { canRead } from '../../server/sync/rules';
import { getEntity, validateRecord, type EntityName } from '../../shared/registry';
import { parseHlc } from '../../shared/sync/hlc';
import { sameValue } from '../../shared/sync/merge';
import { stampedFieldsOf } from '../../shared/sync/recordStamps';
import type { ServerRecordState } from '../../shared/sync/serverMerge';
import type { LedgerWrite } from './ledger';
import type { World } from './world';

const deviceOf = (stamp: string) => parseHlc(stamp).deviceId;
const [entityOf, idOf] = [
  (k: string) => k.split('\u0000')[0] as string,
  (k: string) => k.split('\u0000')[1] as string,
];

/**
 * A server record lacking `deleted` or a required field (e.g. its create refused for a stamp more
 * than a day ahead, a later edit of it accepted alone): no device can apply it, each keeps it
 * aside as `invalid_value`. The server refuses such changes (`unknown_record_incomplete`,
 * shared/sync/serverMerge.ts); a fragment fails the schedule.
 */
export function isFragment(key: string, st: ServerRecordState): boolean {
  if (!st.fields['deleted']) return true; // every create carries `deleted`: this one never came
  const data: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(st.fields))
    if (name !== 'deleted' && f.value != null) data[name] = f.value;
  return !validateRecord(getEntity(entityOf(key) as EntityName), data, 'ko').ok;
}

function checkWhole(w: World): void {
  for (const [key, st] of w.server.records) {
    if (isFragment(key, st))
      w.ledger.violate(
        `fragment: server holds ${key.replace('\u0000', ':')} without a whole record (${Object.keys(st.fields).join(',')})`,
      );
  }
}

function checkConvergence(w: World, refused: Set<string>): void {
  for (const m of w.machines) {
    for (const [key, st] of w.server.records) {
      if (!canRead(m.principal, st.clusterId, st.shared) || isFragment(key, st)) continue;
      const local = m.db.records.get(key);
      const localFields = local ? stampedFieldsOf(local) : {};
      // A write the server refused stays on its device (kept aside): that copy may differ.
      if (Object.values(localFields).some((f) => refused.has(f.hlc))) continue;
      if (!local) {
        w.ledger.violate(`${m.name} lacks ${key.replace('\u0000', ':')}`);
        continue;
      }
      for (const name of new Set([...Object.keys(st.fields), ...Object.keys(localFields)])) {
        const [a, b] = [st.fields[name], localFields[name]];
        if (a?.hlc !== b?.hlc || !sameValue(a?.value ?? null, b?.value ?? null)) {
          w.ledger.violate(
            `diverged: ${m.name} ${key.replace('\u0000', ':')}.${name} = ${JSON.stringify(b)} but server ${JSON.stringify(a)}`,
          );
        }
      }
    }
    for (const [key, local] of m.db.records) {
      if (w.server.records.has(key)) continue;
      const stamps = Object.values(stampedFieldsOf(local)).map((f) => f.hlc);
      if (!stamps.every((s) => refused.has(s)))
        w.ledger.violate(`${m.name} has ${key.replace('\u0000', ':')} the server never got`);
    }
  }
}

function checkWrites(
  w: World,
  refusedRecords: Set<string>,
  serverField: (k: string, f: string) => string | undefined,
): void {
  for (const write of w.ledger.writes.values()) {
    if (write.status === 'pending')
      w.ledger.violate(`write ${write.stamp} still queued after quiescing`);
    if (write.status !== 'acked' && write.status !== 'superseded') continue;
    // Superseded by a later write of the same record that the server then refused: gone with it.
    if (
      write.status === 'superseded' &&
      refusedRecords.has(`${write.entity}\u0000${write.recordId}`)
    )
      continue;
    for (const field of Object.keys(write.fields)) {
      const stamp = serverField(`${write.entity}\u0000${write.recordId}`, field);
      if (stamp === undefined || stamp < write.stamp) {
        w.ledger.violate(
          `acknowledged write lost: ${write.stamp} ${write.recordId}.${field} (server has ${stamp})`,
        );
      }
    }
  }
  for (const [k, n] of w.server.appliedCount)
    if (n > 1) w.ledger.violate(`applied ${n} times: ${k.replace('\u0000', ' ')}`);
}

function checkOwnership(w: World): void {
  for (const [key, st] of w.server.records) {
    for (const [name, f] of Object.entries(st.fields)) {
      const owner = w.ledger.ownerOfDevice.get(deviceOf(f.hlc));
      if (owner !== st.clusterId)
        w.ledger.violate(
          `${key.replace('\u0000', ':')}.${name} (owner ${st.clusterId}) written by ${owner}`,
        );
    }
  }
}

function checkConflicts(w: World, byField: Map<string, LedgerWrite[]>): void {
  const recorded = new Set<string>();
  for (const c of w.server.conflicts) recorded.add(`${c.device_id} ${c.lost_hlc}`);
  for (const m of w.machines)
    for (const c of m.db.inbox) recorded.add(`${deviceOf(c.lostHlc)} ${c.lostHlc}`);
  for (const [key, st] of w.server.records as Map<string, ServerRecordState>) {
    for (const [field, won] of Object.entries(st.fields)) {
      const writes = byField.get(`${key}\u0000${field}`) ?? [];
      const winner = w.ledger.writes.get(won.hlc);
      const lastByDevice = new Map<string, LedgerWrite>();
      for (const x of writes)
        if (x.status === 'acked' || x.status === 'superseded') lastByDevice.set(x.deviceId, x);
      for (const [device, lost] of lastByDevice) {
        if (!winner || device === winner.deviceId || lost.stamp >= won.hlc) continue;
        if (sameValue(lost.fields[field], won.value)) continue;
        if ((winner.seenBefore[field] ?? []).includes(lost.stamp)) continue;
        // Knowingly replaced by someone, or kept alive by an equal value: not lost to concurrency.
        const replaced = writes.some(
          (v) =>
            v.stamp > lost.stamp &&
            ((v.seenBefore[field] ?? []).includes(lost.stamp) ||
              sameValue(v.fields[field], lost.fields[field])),
        );
        if (replaced) continue;
        w.ledger.conflictsChecked++;
        if (!recorded.has(`${device} ${lost.stamp}`)) {
          w.ledger.violate(
            `conflict not in ${device}'s inbox: ${entityOf(key)}:${idOf(key)}.${field} ${lost.stamp} lost to ${won.hlc}`,
          );
        }
      }
    }
  }
}

export function checkWorld(w: World): void {
  const refused = new Set<string>();
  const refusedRecords = new Set<string>();
  const byField = new Map<string, LedgerWrite[]>();
  for (const x of [...w.ledger.writes.values()].sort((a, b) => (a.stamp < b.stamp ? -1 : 1))) {
    if (x.status === 'refused') {
      refused.add(x.stamp);
      refusedRecords.add(`${x.entity}\u0000${x.recordId}`);
    }
    for (const f of Object.keys(x.fields)) {
      const k = `${x.entity}\u0000${x.recordId}\u0000${f}`;
      byField.set(k, [...(byField.get(k) ?? []), x]);
    }
  }
  checkWhole(w);
  checkConvergence(w, refused);
  checkWrites(w, refusedRecords, (k, f) => w.server.records.get(k)?.fields[f]?.hlc);
  checkOwnership(w);
  checkConflicts(w, byField);
}
