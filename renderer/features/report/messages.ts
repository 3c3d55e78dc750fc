/** Strings of 월간 보고서 (namespace `report`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const REPORT_NS = 'report';

const ko = {
  title: '월간 실적 보고서',
  month: '보고 월',
  cluster: '클러스터',
  print: 'PDF로 저장·인쇄',
  printing: 'PDF를 만드는 중…',
  saved: 'PDF를 저장했습니다: {{name}}',
  cancelled: 'PDF 저장을 취소했습니다',
  printFailed: 'PDF를 만들지 못했습니다: {{message}}',
  signoffRoles: '결재란 직위',
  signoffHelp:
    '쉼표로 나눠 적습니다 (예: 담당, 팀장, 단장). 이름은 추진단 직원 목록에서 가져옵니다.',
  signoffSave: '결재란 저장',
  signoffSaved: '결재란을 저장했습니다',
  notes: '특이사항',
  notesHelp: '인쇄하기 전에 이 달의 특이사항을 적으세요. 월별로 저장됩니다 (최대 {{max}}자).',
  notesEmpty: '특이사항 없음',
  notesTooLong: '특이사항은 {{max}}자까지 적을 수 있습니다. 더 적은 내용은 저장되지 않았습니다.',
  loading: '보고서를 만드는 중…',
  noCluster: '클러스터를 먼저 고르세요.',
  coverTitle: '{{year}}년 {{month}}월 월간 실적 보고서',
  coverTeam: '{{cluster}} 혁신클러스터 추진단',
  coverPeriod: '보고 기간: {{from}} ~ {{to}}',
  signoff: '결재',
  keyFigures: '주요 실적',
  figure: '구분',
  thisMonth: '당월',
  lastMonth: '전월',
  changeLastMonth: '전월 대비',
  lastYear: '전년 동월',
  changeLastYear: '전년 동월 대비',
  chartTitle: '월별 기술애로 접수·해결 (최근 12개월)',
  received: '접수',
  resolved: '해결',
  indicators: '성과지표',
  metric: '지표',
  complex: '단지',
  value: '당월 값',
  continued: '(계속 {{part}}/{{parts}})',
  none: '해당 없음',
  appendix: '부록: 수치와 표의 정의',
  pageNote: '이 보고서의 모든 수치는 부록의 정의를 따릅니다.',
  unitDays: '일',
  unitPeople: '명',
};

type ReportMessageKey = keyof typeof ko;

const en: Record<ReportMessageKey, string> = {
  title: 'Monthly report',
  month: 'Month',
  cluster: 'Cluster',
  print: 'Save as PDF / print',
  printing: 'Making the PDF…',
  saved: 'Saved the PDF: {{name}}',
  cancelled: 'PDF not saved',
  printFailed: 'Could not make the PDF: {{message}}',
  signoffRoles: 'Sign-off roles',
  signoffHelp: 'Separate with commas (e.g. 담당, 팀장, 단장). Names come from the staff list.',
  signoffSave: 'Save sign-off box',
  signoffSaved: 'Sign-off box saved',
  notes: 'Notes',
  notesHelp:
    "Write this month's notes before printing. Saved per month (up to {{max}} characters).",
  notesEmpty: 'No notes',
  notesTooLong: 'Notes can hold {{max}} characters. The longer text was not saved.',
  loading: 'Building the report…',
  noCluster: 'Choose a cluster first.',
  coverTitle: 'Monthly report {{year}}-{{month}}',
  coverTeam: '{{cluster}} innovation cluster team',
  coverPeriod: 'Period: {{from}} – {{to}}',
  signoff: 'Sign-off',
  keyFigures: 'Key figures',
  figure: 'Figure',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  changeLastMonth: 'vs last month',
  lastYear: 'Same month last year',
  changeLastYear: 'vs last year',
  chartTitle: 'Difficulties received and resolved per month (last 12 months)',
  received: 'Received',
  resolved: 'Resolved',
  indicators: 'Indicators',
  metric: 'Metric',
  complex: 'Complex',
  value: 'Value',
  continued: '(continued {{part}}/{{parts}})',
  none: 'None',
  appendix: 'Appendix: definitions of figures and tables',
  pageNote: 'Every figure in this report follows the definitions in the appendix.',
  unitDays: ' days',
  unitPeople: '',
};

registerMessages(REPORT_NS, { ko: ko as Record<ReportMessageKey, string>, en });

export function useReportT() {
  return useTranslation(REPORT_NS).t;
}
