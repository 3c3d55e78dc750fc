/** Strings of the dashboard charts (namespace `dashboardCharts`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../../i18n';
import type { ChartsT } from './chartSpec';

export const CHARTS_NS = 'dashboardCharts';

export const chartsKo = {
  'period.label': '기간',
  'period.month': '월',
  'period.quarter': '분기',
  'period.year': '연',
  'period.range': '직접 지정',
  'period.from': '시작일',
  'period.to': '종료일',
  'period.quarterN': '{{n}}분기',
  'scope.label': '범위',
  'scope.cluster': '우리 클러스터 ({{name}})',
  'scope.all': '모든 클러스터',
  'scope.mc': '미니클러스터: {{name}}',
  'monthly.title': '월별 기술애로',
  received: '접수',
  resolved: '해결',
  open: '미결',
  overdue: '기한 경과',
  'byArea.title': '애로분야별 기술애로',
  'byMc.title': '미니클러스터별 기술애로',
  none: '(없음)',
  'activities.title': '미니클러스터 활동',
  activities: '활동 건수',
  attendance: '참여 연인원',
  'participation.title': '참여기업·전문가 추이',
  companies: '참여기업',
  experts: '참여 전문가',
  'indicator.title': '단지별 {{metric}}',
  'indicator.metric': '지표',
  'indicator.now': '당기',
  'indicator.previous': '전기',
  'indicator.lastYear': '전년 동기',
  'target.title': '{{metric}} 목표 경로 ({{complex}})',
  'target.path': '목표 경로',
  'target.actual': '실적',
  'target.none': '이 범위에는 목표가 없습니다',
  'cards.median': '해결 소요일 중앙값',
  'cards.successCases': '우수사례',
  'cards.resources': '공유 자원',
  'cards.companies': '참여기업',
  'table.show': '표로 보기',
  'table.open': '{{label}}: {{value}} 목록 열기',
  loading: '차트를 불러오는 중…',
  empty: '이 기간에는 자료가 없습니다',
  clickHint: '막대나 점을 누르면 그 자료 목록이 열립니다',
};

type ChartsKey = keyof typeof chartsKo;

const en: Record<ChartsKey, string> = {
  'period.label': 'Period',
  'period.month': 'Month',
  'period.quarter': 'Quarter',
  'period.year': 'Year',
  'period.range': 'Custom',
  'period.from': 'From',
  'period.to': 'To',
  'period.quarterN': 'Q{{n}}',
  'scope.label': 'Scope',
  'scope.cluster': 'Our cluster ({{name}})',
  'scope.all': 'All clusters',
  'scope.mc': 'Mini-cluster: {{name}}',
  'monthly.title': 'Technical difficulties by month',
  received: 'Received',
  resolved: 'Resolved',
  open: 'Open',
  overdue: 'Overdue',
  'byArea.title': 'Difficulties by area',
  'byMc.title': 'Difficulties by mini-cluster',
  none: '(none)',
  'activities.title': 'Mini-cluster activities',
  activities: 'Activities',
  attendance: 'Attendance',
  'participation.title': 'Participating companies and experts',
  companies: 'Companies',
  experts: 'Experts',
  'indicator.title': '{{metric}} by complex',
  'indicator.metric': 'Indicator',
  'indicator.now': 'This period',
  'indicator.previous': 'Previous period',
  'indicator.lastYear': 'Same period last year',
  'target.title': '{{metric}}: path to target ({{complex}})',
  'target.path': 'Path to target',
  'target.actual': 'Actual',
  'target.none': 'No target in this scope',
  'cards.median': 'Median days to resolve',
  'cards.successCases': 'Success cases',
  'cards.resources': 'Resources shared',
  'cards.companies': 'Participating companies',
  'table.show': 'Show as a table',
  'table.open': 'Open the {{value}} records of {{label}}',
  loading: 'Loading charts…',
  empty: 'No records in this period',
  clickHint: 'Click a bar or point to open its records',
};

registerMessages(CHARTS_NS, { ko: chartsKo, en });

export function useChartsT(): ChartsT {
  const { t } = useTranslation(CHARTS_NS);
  return t as unknown as ChartsT;
}
