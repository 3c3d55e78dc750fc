/**
 * Closed months (월 마감, table `monthCloses`, v8): a close stores the month's report model and
 * figures as they were (shared/report/close). Rows are only ever added: closing again makes a
 * new revision, and nothing edits or deletes a close (the history of what the team reported).
 * Local to the install: backed up with the database (a restore brings them back), never synced
 * — another team's closes are none of this team's business, and the central office reads
 * figures from the records themselves (docs/ARCHITECTURE.md "Monthly report").
 */
import type { Table } from 'dexie';
import type { MonthClose } from '../../shared/report/close';
import type { PumasiDb } from './db';

export const MONTH_CLOSES_TABLE = 'monthCloses';

function closesTable(db: PumasiDb): Table<MonthClose, string> {
  return db.table<MonthClose, string>(MONTH_CLOSES_TABLE);
}

/** Every close, any cluster (a year of monthly closes per team is a few dozen rows). */
export function listMonthCloses(db: PumasiDb): Promise<MonthClose[]> {
  return closesTable(db).toArray();
}

export function getMonthClose(db: PumasiDb, id: string): Promise<MonthClose | undefined> {
  return closesTable(db).get(id);
}

/**
 * Stores a close made from the closes read before (`make(closes)` numbers its revision from
 * them), in one rw transaction: two tabs closing the same month at once both get a revision,
 * one after the other, never the same number.
 */
export async function addMonthClose(
  db: PumasiDb,
  make: (closes: readonly MonthClose[]) => MonthClose,
): Promise<MonthClose> {
  const table = closesTable(db);
  return db.transaction('rw', table, async () => {
    const row = make(await table.toArray());
    await table.add(row);
    return row;
  });
}
