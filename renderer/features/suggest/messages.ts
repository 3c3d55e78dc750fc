/** Strings of the expert suggestions (namespace `suggest`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const SUGGEST_NS = 'suggest';

const ko = {
  title: '추천 전문가',
  loading: '추천을 계산하는 중…',
  none: '추천할 전문가가 없습니다. 전문가의 전문분야·소속기관을 채우거나 미니클러스터를 정하면 추천이 생깁니다.',
  noneLeft: '더 추천할 전문가가 없습니다 (이미 매칭된 전문가는 추천하지 않습니다).',
  assign: '배정',
  assignTitle: '{{name}} 전문가를 이 기술애로에 배정',
  assigned: '{{name}} 전문가를 배정했습니다',
  pick: '추가',
  pickTitle: '{{name}} 전문가를 매칭 전문가에 추가',
  assignFailed: '배정하지 못했습니다: {{message}}',
  score: '점수 {{score}}',
};
export type SuggestMessageKey = keyof typeof ko;

const en: Record<SuggestMessageKey, string> = {
  title: 'Suggested experts',
  loading: 'Working out suggestions…',
  none: 'No expert to suggest. Fill in experts’ expertise and organisations, or pick a mini-cluster.',
  noneLeft: 'No other expert to suggest (experts already matched are not suggested).',
  assign: 'Assign',
  assignTitle: 'Assign {{name}} to this difficulty',
  assigned: 'Assigned {{name}}',
  pick: 'Add',
  pickTitle: 'Add {{name}} to the matched experts',
  assignFailed: 'Could not assign: {{message}}',
  score: 'Score {{score}}',
};

registerMessages(SUGGEST_NS, { ko, en });

export type SuggestT = (key: SuggestMessageKey, params?: Record<string, string | number>) => string;

export function useSuggestT(): SuggestT {
  const { t } = useTranslation(SUGGEST_NS);
  return t as unknown as SuggestT;
}
