/**
 * The end-of-schedule checks, pure over plain data so they are unit-tested with hand-made cases:
 * - `agreement`: every client holds exactly the server's records, field by field (value and stamp);
 * - `acknowledgedKept`: every edit mutate() committed is in the final state, or a write with a
 *   higher stamp to the same field is (nothing acknowledged is lost, later writes win);
 * - `noneTwice`: no write appears twice in the server's change log of cluster-owned records, and
 *   no lost write twice in the server's conflicts or twice from one source in a device's inbox
 *   (the push answer and the pull may both file one loss: by design, renderer/sync/conflicts.ts);
 * - `inboxComplete`: every loss the server stored for a device is in that device's inbox.
 */
import type { FaultConflict, FaultSnapshot } from '../../renderer/bench/faultsApi';
import type { RecordChange } from '../../shared/sync/protocol';

export interface StampedValue {
  value: unknown;
  hlc: string;
}
/** `entity/id` → field → the winning write */
export type ServerState = Map<string, Record<string, StampedValue>>;

export const keyOf = (entity: string, id: string) => `${entity}/${id}`;

/** JSON equality with absent ≡ null (a cleared field is stored absent locally, null on the wire). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Folds a pulled change log (oldest first) into the merged state: per field the highest stamp. */
export function foldChanges(changes: readonly RecordChange[]): ServerState {
  const state: ServerState = new Map();
  for (const c of changes) {
    const key = keyOf(c.entity, c.id);
    const fields = state.get(key) ?? {};
    state.set(key, fields);
    for (const [name, f] of Object.entries(c.fields)) {
      const current = fields[name];
      if (!current || f.hlc > current.hlc) fields[name] = { value: f.value, hlc: f.hlc };
    }
  }
  return state;
}

/** Differences between one client's records and the server's state (empty: they agree). */
export function agreement(client: string, snap: FaultSnapshot, server: ServerState): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of snap.records) {
    const key = keyOf(r.entity, r.id);
    seen.add(key);
    const fields = server.get(key);
    if (!fields) {
      problems.push(`${client}: ${key} is not on the server`);
      continue;
    }
    const names = new Set([...Object.keys(r.values), ...Object.keys(fields)]);
    for (const name of names) {
      const s = fields[name];
      if (!sameJson(r.values[name], s?.value)) {
        problems.push(
          `${client}: ${key}.${name} = ${JSON.stringify(r.values[name])}, server ${JSON.stringify(s?.value)}`,
        );
      } else if (s && r.stamps[name] !== s.hlc) {
        problems.push(`${client}: ${key}.${name} stamped ${r.stamps[name]}, server ${s.hlc}`);
      }
    }
  }
  for (const key of server.keys()) {
    if (!seen.has(key)) problems.push(`${client}: lacks ${key} (on the server)`);
  }
  return problems;
}

/** One committed edit as the harness saw it: which fields it set to what, under which stamp. */
export interface CommittedEdit {
  client: string;
  key: string;
  /** field → the value it held right after the edit, and its stamp */
  values: Record<string, unknown>;
  stamps: Record<string, string>;
}

/** Every committed edit survives unless a later-stamped write to that field replaced it. */
export function acknowledgedKept(edits: readonly CommittedEdit[], server: ServerState): string[] {
  interface Write {
    client: string;
    value: unknown;
    hlc: string;
  }
  const newest = new Map<string, Write>();
  for (const e of edits) {
    for (const [field, hlc] of Object.entries(e.stamps)) {
      const k = `${e.key}.${field}`;
      const cur = newest.get(k);
      if (!cur || hlc > cur.hlc) newest.set(k, { client: e.client, value: e.values[field], hlc });
    }
  }
  const problems: string[] = [];
  for (const [k, w] of newest) {
    const [entity = '', rest = ''] = k.split('/');
    const dot = rest.indexOf('.');
    const s = server.get(keyOf(entity, rest.slice(0, dot)))?.[rest.slice(dot + 1)];
    const what = `${w.client}'s ${k} = ${JSON.stringify(w.value)} (${w.hlc})`;
    if (!s) problems.push(`lost: ${what} is not on the server`);
    else if (s.hlc < w.hlc) problems.push(`lost: ${what}; the server holds the older ${s.hlc}`);
    else if (s.hlc === w.hlc && !sameJson(s.value, w.value)) {
      problems.push(`changed: ${what}; the server holds ${JSON.stringify(s.value)}`);
    }
  }
  return problems;
}

const conflictKey = (c: FaultConflict) => `${c.recordId}.${c.field}@${c.lostHlc}>${c.wonHlc}`;

/** Every loss the server stored for `deviceId` is in that device's conflict inbox. */
export function inboxComplete(
  client: string,
  inbox: readonly FaultConflict[],
  serverConflicts: readonly FaultConflict[],
): string[] {
  const have = new Set(inbox.map(conflictKey));
  return serverConflicts
    .filter((c) => !have.has(conflictKey(c)))
    .map((c) => `${client}'s inbox lacks ${conflictKey(c)} (stored by the server)`);
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const k of keys) (seen.has(k) ? twice : seen).add(k);
  return [...twice];
}

/**
 * Writes applied twice. `changes` must be cluster-owned records only: a record that becomes
 * shared is legitimately re-sent whole (docs/SYNC.md, "Pull"), repeating stamps.
 */
export function noneTwice(
  changes: readonly RecordChange[],
  serverConflicts: ReadonlyArray<{ device: string; conflict: FaultConflict }>,
  clients: ReadonlyArray<{ name: string; conflicts: readonly FaultConflict[] }>,
): string[] {
  const writes = changes.flatMap((c) =>
    Object.entries(c.fields).map(([f, v]) => `${keyOf(c.entity, c.id)}.${f}@${v.hlc}`),
  );
  const sourced = (c: FaultConflict) => `${conflictKey(c)} (${c.source ?? 'server'})`;
  return [
    ...duplicates(writes).map((w) => `server change log holds ${w} twice`),
    ...duplicates(serverConflicts.map((s) => `${s.device} ${conflictKey(s.conflict)}`)).map(
      (c) => `server conflicts hold ${c} twice`,
    ),
    ...clients.flatMap((cl) =>
      duplicates(cl.conflicts.map(sourced)).map((c) => `${cl.name}'s inbox holds ${c} twice`),
    ),
  ];
}
