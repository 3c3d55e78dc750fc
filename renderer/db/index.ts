/** The local store: Dexie database, the one write path, settings and React hooks. */
export { PumasiDb, openDb, getDb, entityTable, DEFAULT_DB_NAME, DB_DURABILITY } from './db';
export { mutate, type MutateOptions, type MutateResult } from './mutate';
export type { Mutation, MutationOrigin, MutationError } from './apply';
export { conflictsOf, isConflictError, sameStoredValue, type ConflictError } from './expect';
export { getSetting, setSetting, getDeviceId, type SettingKey } from './settings';
export { getClock } from './clock';
export { getPref, setPref, queryRecords, queryRecord, queryPendingCount } from './queries';
export { readOutbox, ackOutbox, countOutbox, readHistory, queryRecordHistory } from './outbox';
export { useRecords, useRecord, useSetting, usePendingCount, usePref, useDeviceId } from './hooks';
export { retainRecords, prefetchRecords, peekRecords, useRecordLists } from './liveRecords';
export { LARGE_WRITE_RECORDS, refreshAfterLargeWrite, refreshGridSnapshot } from './gridSnapshot';
export {
  generateStores,
  normalizeStores,
  WRITE_CHUNK,
  type HistoryEntry,
  type OutboxEntry,
  type HistoryRow,
  type OutboxRow,
  type MutationOp,
  type StoresSpec,
} from './schema';
export { DB_VERSIONS, LATEST_DB_VERSION, type DbVersion } from './versions';
export {
  applyRemote,
  retryKeptAside,
  queryKeptAside,
  queryConflicts,
  type ApplyRemoteOptions,
  type ApplyRemoteResult,
  type KeptAsideRow,
  type ConflictRow,
} from './remoteApply';
export { buildPushBatch, ackPushed, type PushBatch } from './push';
export { listMonthCloses, getMonthClose, addMonthClose, MONTH_CLOSES_TABLE } from './monthCloses';
