/**
 * The written definition of every figure the dashboard and the monthly report show, Korean
 * first. The report's appendix prints these, docs/ARCHITECTURE.md lists them (a test keeps the
 * two equal), and each figure function cites its key, so a definition lives in one place.
 *
 * Resolution rule (decided here, issue 7): 해결 and 사후관리 count as resolved — 사후관리 is the
 * follow-up after a resolution. 부분해결 does not: KICOX reports it apart, so it is a figure of
 * its own. 해결 · 사후관리 · 부분해결 · 미해결 close a difficulty; 보류 is a pause, still open.
 */
import type { Label } from '../registry/types';

export const figureDefinitions = {
  difficultiesReceived: {
    ko: '접수 건수: 접수일(receivedOn)이 기간 안인 기술애로 수',
    en: 'Received: technical difficulties whose receivedOn lies in the period',
  },
  difficultiesResolved: {
    ko: '해결 건수: 처리상태가 해결 또는 사후관리이고 해결일(resolvedOn)이 기간 안인 기술애로 수',
    en: 'Resolved: difficulties with status 해결 or 사후관리 whose resolvedOn lies in the period',
  },
  difficultiesPartlyResolved: {
    ko: '부분해결 건수: 처리상태가 부분해결이고 해결일(resolvedOn)이 기간 안인 기술애로 수 (해결에 넣지 않음)',
    en: 'Partly resolved: status 부분해결 with resolvedOn in the period (not counted as resolved)',
  },
  difficultiesResolvedUndated: {
    ko: '해결일 없는 해결 건수: 처리상태가 해결 또는 사후관리인데 해결일이 비어 있는 기술애로 수 (월별 해결 건수에 들어가지 않으므로 따로 보임)',
    en: 'Resolved without a date: status 해결 or 사후관리 with no resolvedOn (shown apart: no month counts them)',
  },
  difficultiesOpen: {
    ko: '미결 건수: 기간 말일까지 접수되었고 그날까지 종결(해결·사후관리·부분해결·미해결; 해결일이 말일 이후면 아직 미결, 해결일이 없으면 현재 상태대로)되지 않은 기술애로 수. 보류는 미결에 포함',
    en: 'Open: received by the last day of the period and not closed by then (해결, 사후관리, 부분해결, 미해결 with resolvedOn on or before that day, or no resolvedOn); 보류 stays open',
  },
  difficultiesOverdue: {
    ko: '기한 경과 건수: 기간 말일의 미결 기술애로 중 처리기한(dueOn)이 그 말일보다 앞선 것의 수',
    en: 'Overdue: difficulties open on the last day of the period whose dueOn is before that day',
  },
  difficultiesReceivedToDate: {
    ko: '누적 접수 건수: 접수일이 기간 말일 이전인 기술애로 수',
    en: 'Received to date: difficulties received on or before the last day of the period',
  },
  difficultiesResolvedToDate: {
    ko: '누적 해결 건수: 누적 접수 중 처리상태가 해결 또는 사후관리이고 해결일이 기간 말일 이전이거나 비어 있는 기술애로 수',
    en: 'Resolved to date: of those received to date, status 해결 or 사후관리 with resolvedOn on or before the last day, or empty',
  },
  resolutionRate: {
    ko: '애로 해결률: 누적 해결 건수 ÷ 누적 접수 건수 × 100 (%). 접수가 없으면 값 없음',
    en: 'Resolution rate: resolved to date ÷ received to date × 100 (%); none when nothing was received',
  },
  medianDaysToResolve: {
    ko: '해결 소요일 중앙값: 기간 안에 해결된 기술애로의 접수일부터 해결일까지 일수의 중앙값. 해결이 없으면 값 없음',
    en: 'Median days to resolve: median of days from receivedOn to resolvedOn over difficulties resolved in the period',
  },
  activities: {
    ko: '활동 건수: 일자(date)가 기간 안인 미니클러스터 활동 수',
    en: 'Activities: mini-cluster activities whose date lies in the period',
  },
  attendance: {
    ko: '참여 연인원: 기간 안 활동의 참여 연인원(attendance) 합계. 값이 비어 있는 활동은 0으로 세지 않고 빼며, 근거 목록에도 넣지 않음',
    en: 'Attendance: sum of attendance over activities in the period; activities without a value are left out, never counted as 0',
  },
  indicatorValue: {
    ko: '지표 값: 해당 기간·단지의 성과지표 값(업종그룹 구분 없는 행). 그 기간의 행이 없으면 월별 값으로 구함: 생산액·수출액은 합계, 고용·입주업체·가동업체는 마지막 달 값, 가동률은 마지막 달 가동업체 ÷ 입주업체 × 100. 빠진 달이나 비공개 값이 있으면 값 없음 (0으로 세지 않음)',
    en: "Indicator value: the period's indicator value for the complex (rows without an industry group); otherwise from the months: production and exports summed, employment and company counts from the last month, operating rate = operating ÷ tenants of the last month. A missing or withheld month gives no value, never 0",
  },
  indicatorChangePrevious: {
    ko: '전기 대비 증감: 지표 값 − 직전 기간(전월·전분기·전년) 지표 값. 어느 하나라도 없으면 값 없음',
    en: 'Change on the previous period: value − value of the previous month, quarter or year; none if either is missing',
  },
  indicatorChangeLastYear: {
    ko: '전년 동기 대비 증감: 지표 값 − 전년 같은 기간의 지표 값. 어느 하나라도 없으면 값 없음',
    en: 'Change on the same period last year: value − value one year earlier; none if either is missing',
  },
  targetProgress: {
    ko: '목표 달성률: 목표연도까지의 가장 최근 연 실적 ÷ 목표값 × 100 (%)',
    en: 'Progress to target: latest yearly value up to the target year ÷ target value × 100 (%)',
  },
  targetPath: {
    ko: '목표 경로 값: 기준연도(가장 이른 연 실적)에서 목표연도 목표값까지 직선으로 이은 해당 연도의 값',
    en: 'Path to target: the value for a year on the straight line from the earliest yearly value to the target',
  },
  participatingCompanies: {
    ko: '참여기업 수: 기간 말일에 미니클러스터 회원(가입일이 말일 이전이고 탈퇴일이 비었거나 말일 이후)인 서로 다른 기업 수',
    en: 'Participating companies: distinct companies that are mini-cluster members on the last day of the period (joined on or before it, not left before it)',
  },
  participatingExperts: {
    ko: '참여 전문가 수: 기간 말일에 미니클러스터 회원인 서로 다른 전문가 수 (회원 기준은 참여기업과 같음)',
    en: 'Participating experts: distinct experts who are mini-cluster members on the last day of the period (same membership rule)',
  },
  successCases: {
    ko: '우수사례 수: 연도(year)가 기간이 걸친 연도 안인 우수사례 수',
    en: 'Success cases: success cases whose year is one of the years the period touches',
  },
  resourcesShared: {
    ko: '공유 자원 수: 네트워크 공유가 예인 자원 수 (자원에는 날짜가 없어 현재 상태로 셈)',
    en: 'Resources shared: resources marked as shared with the network (resources carry no date: counted as they are now)',
  },
  growthParticipants: {
    ko: '참여기업 성장률: 해당 연도 말일에 미니클러스터 회원인 기업 중 그해와 전년의 기업 연도별 실적(매출액·수출액·종업원 수 중 고른 값)이 모두 있는 기업들의 합계 증가율 ((올해 합 ÷ 전년 합 − 1) × 100, %). 전년 합이 0이거나 해당 기업이 없으면 값 없음',
    en: 'Growth of participants: over companies that are mini-cluster members on the last day of the year and have the chosen yearly figure (revenue, exports or employees) for that year and the year before, (sum this year ÷ sum last year − 1) × 100 (%); none when the sum of the year before is 0 or no company qualifies',
  },
  growthNonParticipants: {
    ko: '비참여기업 성장률: 같은 방식으로 구한, 해당 연도 말일에 미니클러스터 회원이 아닌 기업들의 합계 증가율 (%)',
    en: 'Growth of non-participants: the same, over companies that are not mini-cluster members on the last day of the year (%)',
  },
} satisfies Record<string, Label>;

export type FigureKey = keyof typeof figureDefinitions;

export const FIGURE_KEYS = Object.keys(figureDefinitions) as FigureKey[];

/** Statuses that count as resolved (see the rule above). */
export const RESOLVED_STATUSES: readonly string[] = ['resolved', 'followUp'];
/** Statuses that close a difficulty; every other status (보류 included) is open. */
export const CLOSED_STATUSES: readonly string[] = [
  'resolved',
  'followUp',
  'partlyResolved',
  'unresolved',
];
