/** Strings of a plan's milestones panel (namespace `plans`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const PLANS_NS = 'plans';

const ko = {
  title: '추진일정 ({{done}}/{{n}} 완료)',
  none: '등록된 추진일정이 없습니다.',
  date: '일자',
  name: '내용',
  add: '일정 추가',
  done: '완료',
  failed: '저장하지 못했습니다: {{message}}',
};
export type PlansMessageKey = keyof typeof ko;

const en: Record<PlansMessageKey, string> = {
  title: 'Milestones ({{done}}/{{n}} done)',
  none: 'No milestones yet.',
  date: 'Date',
  name: 'Title',
  add: 'Add milestone',
  done: 'Done',
  failed: 'Could not save: {{message}}',
};

registerMessages(PLANS_NS, { ko, en });

export type PlansT = (key: PlansMessageKey, params?: Record<string, string | number>) => string;

export function usePlansT(): PlansT {
  const { t } = useTranslation(PLANS_NS);
  return t as unknown as PlansT;
}
