/**
 * What a difficulty must hold to be put in a status. Two levels:
 * - `recordRuleErrors`: the few rules every save enforces (form, import, restore, sync), wired
 *   into the registry's validateRecord — a 해결 (or 사후관리, which follows it) without 해결일
 *   would be missing from every monthly figure, so it is never stored.
 * - `missingForStatus`: what the desk asks for when a card is moved (매칭: mini-cluster and an
 *   expert; 해결: solution, date, outcomes with their amounts, satisfaction; 사후관리: a
 *   follow-up date). Imports of old records are not held to these: they record what happened.
 */
import type { Lang, RecordData } from '../registry/types';

export interface DeskFieldError {
  field: string;
  message: string;
}

const blank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** Outcome types measured by an amount field: choosing one asks for its amount. */
export const OUTCOME_AMOUNT_FIELD: Readonly<Record<string, string>> = {
  revenueUp: 'outcomeRevenueKrw',
  exportsUp: 'outcomeExportsUsd',
  costSaved: 'outcomeCostSavedKrw',
  timeSaved: 'outcomeMonthsSaved',
  newJobs: 'outcomeJobs',
};

const LABELS: Record<string, { ko: string; en: string }> = {
  miniClusterId: { ko: '담당 미니클러스터', en: 'Mini-cluster' },
  expertIds: { ko: '매칭 전문가', en: 'Experts' },
  solution: { ko: '해결 내용', en: 'Solution' },
  resolvedOn: { ko: '해결일', en: 'Resolved on' },
  outcomeTypes: { ko: '성과유형', en: 'Outcome types' },
  satisfaction: { ko: '만족도', en: 'Satisfaction' },
  followUpOn: { ko: '사후관리 예정일', en: 'Follow-up on' },
  outcomeRevenueKrw: { ko: '매출증대액(원)', en: 'Revenue gained (KRW)' },
  outcomeExportsUsd: { ko: '수출증대액(달러)', en: 'Exports gained (USD)' },
  outcomeCostSavedKrw: { ko: '비용절감액(원)', en: 'Cost saved (KRW)' },
  outcomeMonthsSaved: { ko: '기간단축(개월)', en: 'Months saved' },
  outcomeJobs: { ko: '신규고용(명)', en: 'New jobs' },
};

function needed(field: string, lang: Lang, status: string): DeskFieldError {
  const l = LABELS[field] ?? { ko: field, en: field };
  return {
    field,
    message:
      lang === 'ko'
        ? `${status} 상태에는 ${l.ko}을(를) 입력해야 합니다`
        : `${l.en} is required for status ${status}`,
  };
}

const STATUS_LABEL: Record<string, { ko: string; en: string }> = {
  matched: { ko: '매칭', en: 'Matched' },
  resolved: { ko: '해결', en: 'Resolved' },
  partlyResolved: { ko: '부분해결', en: 'Partly resolved' },
  followUp: { ko: '사후관리', en: 'Follow-up' },
};

/** Statuses that are a resolution and so need the day it happened (figures count by it). */
const NEEDS_RESOLVED_ON: readonly string[] = ['resolved', 'followUp'];

/** The rules every save of a difficulty enforces (see the header). */
export function recordRuleErrors(data: RecordData, lang: Lang): DeskFieldError[] {
  const status = String(data.status ?? '');
  if (NEEDS_RESOLVED_ON.includes(status) && blank(data.resolvedOn)) {
    return [needed('resolvedOn', lang, (STATUS_LABEL[status] ?? STATUS_LABEL.resolved!)[lang])];
  }
  return [];
}

/** The fields the desk asks for before a card goes to `status`, each with its message. */
export function missingForStatus(status: string, data: RecordData, lang: Lang): DeskFieldError[] {
  const name = STATUS_LABEL[status]?.[lang] ?? status;
  const want = (fields: string[]) =>
    fields.filter((f) => blank(data[f])).map((f) => needed(f, lang, name));
  switch (status) {
    case 'matched':
      return want(['miniClusterId', 'expertIds']);
    case 'resolved': {
      const errors = want(['solution', 'resolvedOn', 'outcomeTypes', 'satisfaction']);
      const types = Array.isArray(data.outcomeTypes) ? data.outcomeTypes : [];
      for (const t of types) {
        const amount = OUTCOME_AMOUNT_FIELD[t];
        if (amount && blank(data[amount])) errors.push(needed(amount, lang, name));
      }
      return errors;
    }
    case 'partlyResolved':
      return want(['solution', 'resolvedOn']);
    case 'followUp':
      return want(['resolvedOn', 'followUpOn']);
    default:
      return [];
  }
}

/** The fields the move dialog shows for `status` (what `missingForStatus` may ask). */
export function fieldsForStatus(status: string): string[] {
  switch (status) {
    case 'matched':
      return ['miniClusterId', 'expertIds'];
    case 'resolved':
      return [
        'solution',
        'resolvedOn',
        'outcomeTypes',
        ...Object.values(OUTCOME_AMOUNT_FIELD),
        'satisfaction',
      ];
    case 'partlyResolved':
      return ['solution', 'resolvedOn'];
    case 'followUp':
      return ['followUpOn', 'followUp'];
    default:
      return [];
  }
}
