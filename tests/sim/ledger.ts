/**
 * The simulation's oracle: every local write ever made, what became of it, and every violation
 * seen while the schedule ran. Nothing here is product state; the checks (checks.ts) compare the
 * parties' state against it.
 */
export type WriteStatus =
  /** still queued (must not remain after the final sync) */
  | 'pending'
  /** acknowledged by the server (applied or duplicate) */
  | 'acked'
  /** every field it set was overwritten by pulled writes before it was pushed */
  | 'superseded'
  /** refused by the server for good (not the owner, stamp too far ahead…) */
  | 'refused'
  /** dropped by a restore from an older backup (documented: the confirmation lists them) */
  | 'discarded';

export interface LedgerWrite {
  stamp: string;
  machine: string;
  deviceId: string;
  entity: string;
  recordId: string;
  /** field → value this write set */
  fields: Record<string, unknown>;
  /** field → stamps of that field this database had had in hand before this write */
  seenBefore: Record<string, string[]>;
  status: WriteStatus;
}

export class Ledger {
  readonly writes = new Map<string, LedgerWrite>();
  /** device id → the owner code its token writes for (a cluster, or `central` for hq) */
  readonly ownerOfDevice = new Map<string, string>();
  readonly violations: string[] = [];
  readonly trace: string[] = [];
  /** (device, mutation id) → how often the server answered `applied` */
  /** lost concurrent writes the conflict check looked for (it is not vacuous) */
  conflictsChecked = 0;
  /** pushes whose record the server lacked (`unknown_record_incomplete`), kept queued to go whole */
  resentWhole = 0;

  add(write: LedgerWrite): void {
    this.writes.set(write.stamp, write);
  }

  settle(stamp: string, status: Exclude<WriteStatus, 'pending'>): void {
    const w = this.writes.get(stamp);
    // A restored database pushes the backup's writes again: the first verdict stays.
    if (w && (w.status === 'pending' || w.status === 'discarded')) w.status = status;
  }

  violate(message: string): void {
    this.violations.push(message);
  }

  note(line: string): void {
    this.trace.push(line);
  }
}
