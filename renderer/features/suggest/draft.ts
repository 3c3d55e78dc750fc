import type { StoredRecord } from '../../../shared/registry';

/**
 * What a dialog holds but has not saved yet (the desk's 매칭 step: the mini-cluster just picked,
 * the experts already added), ranked as if stored: a picked mini-cluster's members count, and an
 * added expert is not suggested again.
 */
export interface SuggestDraft {
  miniClusterId?: string;
  expertIds?: readonly string[];
}

/** The stored difficulty with the dialog's unsaved values laid over it (a copy; pure). */
export function withDraft(stored: StoredRecord, draft: SuggestDraft | undefined): StoredRecord {
  if (!draft) return stored;
  const difficulty: StoredRecord = { ...stored };
  if (draft.miniClusterId !== undefined) difficulty['miniClusterId'] = draft.miniClusterId;
  if (draft.expertIds !== undefined) difficulty['expertIds'] = [...draft.expertIds];
  return difficulty;
}
