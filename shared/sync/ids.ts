/**
 * Record, device and mutation ids: ULIDs (26 Crockford base-32 characters, time-ordered).
 * One monotonic factory per process so ids made within the same millisecond still sort in the
 * order they were made (bulk imports create thousands per millisecond). Never auto-increment:
 * ids are made offline on many devices and must never collide when they meet on the server.
 */
import { isValid, monotonicFactory } from 'ulid';

const monotonicUlid = monotonicFactory();

export function newId(): string {
  return monotonicUlid();
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && isValid(value);
}
