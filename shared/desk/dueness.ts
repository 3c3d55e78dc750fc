/**
 * Per-record timing of a difficulty, on the same rules as the report's figures
 * (shared/report): "overdue" = 처리기한 passed and not closed (보류 stays open, so it can be
 * overdue); days to resolve = 접수일 → 해결일 in calendar days. Dates are `YYYY-MM-DD` strings.
 */
import { CLOSED_STATUSES } from '../report/definitions';
import { daysBetween, isBefore } from '../report/period';
import type { RecordData } from '../registry/types';

/** True when the due date is before `today` and the difficulty is not closed. */
export function isOverdue(d: RecordData, today: string): boolean {
  if (CLOSED_STATUSES.includes(String(d.status ?? ''))) return false;
  // Due on the day itself is not yet overdue (same rule as the overdue figure).
  return isBefore(d.dueOn, today);
}

/** Days from receipt to resolution; null while unresolved or when a date is missing. */
export function daysToResolve(d: RecordData): number | null {
  return daysBetween(d.receivedOn, d.resolvedOn);
}
