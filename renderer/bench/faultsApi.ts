/**
 * The contract between the bench page and the real-process fault harness (tests/faults):
 * `window.pumasiFaults`. The harness opens bench.html in the SAME browser context as the app page
 * (same origin, same IndexedDB), so its writes go through the real mutate() path as a second tab
 * of that device, and it reads the device's database to compare it with the server.
 * Types only, so both rooms can import it.
 */

/** The entities the harness writes: a cluster-owned one and a network-shareable one. */
export type FaultEntity = 'organization' | 'resource';

export type FaultEdit =
  | { op: 'create'; entity: FaultEntity; values: Record<string, unknown> }
  | { op: 'update'; entity: FaultEntity; id: string; values: Record<string, unknown> }
  | { op: 'delete' | 'restore'; entity: FaultEntity; id: string };

/**
 * What mutate() committed: the record, and for every field the edit set (`deleted` for a delete
 * or restore; every given field and `deleted` for a create) the value and stamp it now holds.
 */
export type FaultEditResult =
  | { ok: true; id: string; values: Record<string, unknown>; stamps: Record<string, string> }
  | { ok: false; message: string };

/** One record as this device holds it: data fields, `deleted`, and per-field stamps. */
export interface FaultRecord {
  entity: FaultEntity;
  id: string;
  clusterId: string;
  version: number;
  /** data fields and `deleted` → value */
  values: Record<string, unknown>;
  /** data fields and `deleted` → stamp of the write that set it */
  stamps: Record<string, string>;
}

export interface FaultConflict {
  recordId: string;
  field: string;
  lostHlc: string;
  wonHlc: string;
  /** where the device filed it: the push answer or applying a pull (the same loss may be both) */
  source?: 'push' | 'pull';
}

export interface FaultSnapshot {
  deviceId: string;
  records: FaultRecord[];
  /** queued writes not yet acknowledged */
  outbox: number;
  conflicts: FaultConflict[];
  /** changes this device could not apply, or pushes the server refused (reason each) */
  keptAside: string[];
  /** history entries per record id (one per state this database held) */
  historyCounts: Record<string, number>;
}

export interface PumasiFaults {
  ready: true;
  /** first run done for `clusterId`, connected to `endpoint` with `token` (browser-mode store) */
  setup(args: { clusterId: string; endpoint: string; token: string }): Promise<void>;
  /** each edit through mutate() (origin local), one call each, in order */
  edit(edits: FaultEdit[]): Promise<FaultEditResult[]>;
  snapshot(): Promise<FaultSnapshot>;
}

declare global {
  interface Window {
    pumasiFaults?: PumasiFaults;
  }
}
