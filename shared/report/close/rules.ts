/**
 * When a month may be closed, and the close row itself (pure: the db layer only stores it).
 */
import type { Lang } from '../../registry';
import type { MonthlyReportModel } from '../monthly/types';
import { monthPeriod, periodRange } from '../period';
import { nextRevision } from './corrections';
import { figuresOfModel } from './figures';
import type { ClosedBy, MonthClose } from './types';

/**
 * A month can be closed from the day after its last day (Korean calendar, `today` as
 * `YYYY-MM-DD`): a close records what happened in the month, so the month must be over.
 * Returns the refusal in the asked language, or null.
 */
export function closeRefusal(month: string, today: string, lang: Lang): string | null {
  const last = periodRange(monthPeriod(month)).to;
  if (last < today) return null;
  return lang === 'ko'
    ? `${month}은(는) 아직 끝나지 않은 달이라 마감할 수 없습니다. ${last} 다음 날부터 마감할 수 있습니다.`
    : `${month} is not over yet: it can be closed from the day after ${last}.`;
}

export interface MonthCloseInput {
  id: string;
  model: MonthlyReportModel;
  /** every close already stored (any cluster): the revision counts on from them */
  closes: readonly MonthClose[];
  closedAt: string;
  closedBy: ClosedBy | null;
  lang: Lang;
  signoff: Array<{ label: string; name: string }>;
  notes: string;
}

export function makeMonthClose(input: MonthCloseInput): MonthClose {
  const { model } = input;
  return {
    id: input.id,
    clusterId: model.clusterId,
    month: model.month,
    revision: nextRevision(input.closes, model.clusterId, model.month),
    closedAt: input.closedAt,
    closedBy: input.closedBy,
    lang: input.lang,
    figures: figuresOfModel(model),
    model,
    signoff: input.signoff.map((s) => ({ label: s.label, name: s.name })),
    notes: input.notes,
  };
}
