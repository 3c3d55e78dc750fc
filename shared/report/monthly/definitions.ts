/**
 * What the monthly report adds to the figure definitions (../definitions.ts): the short label of
 * each key figure, and the rule that decides which records each table lists. The appendix prints
 * both, so every number and every row of the report has a written rule.
 */
import type { Label } from '../../registry/types';
import type { FigureKey } from '../definitions';
import type { ReportTableId } from './types';

export const KEY_FIGURE_LABELS: Partial<Record<FigureKey, Label>> = {
  difficultiesReceived: { ko: '접수 건수', en: 'Received' },
  difficultiesResolved: { ko: '해결 건수', en: 'Resolved' },
  difficultiesPartlyResolved: { ko: '부분해결 건수', en: 'Partly resolved' },
  difficultiesOpen: { ko: '미결 건수', en: 'Open' },
  difficultiesOverdue: { ko: '기한 경과 건수', en: 'Overdue' },
  resolutionRate: { ko: '애로 해결률', en: 'Resolution rate' },
  medianDaysToResolve: { ko: '해결 소요일 중앙값', en: 'Median days to resolve' },
  activities: { ko: '활동 건수', en: 'Activities' },
  attendance: { ko: '참여 연인원', en: 'Attendance' },
};

export const TABLE_TITLES: Record<ReportTableId, Label> = {
  keyFigures: { ko: '주요 실적', en: 'Key figures' },
  indicators: { ko: '성과지표', en: 'Indicators' },
  activitiesByMiniCluster: { ko: '미니클러스터별 활동', en: 'Activities by mini-cluster' },
  difficultiesResolved: { ko: '해결한 기술애로', en: 'Difficulties resolved' },
  difficultiesReceived: { ko: '접수한 기술애로', en: 'Difficulties received' },
  activities: { ko: '미니클러스터 활동', en: 'Mini-cluster activities' },
  successCases: { ko: '우수사례', en: 'Success cases' },
  resourcesShared: { ko: '공동활용 자원', en: 'Resources shared' },
  nextMonthPlans: { ko: '다음 달 추진계획', en: "Next month's plans" },
};

/** Which records each table lists (the figure tables follow the figure definitions). */
export const TABLE_RULES: Record<ReportTableId, Label> = {
  keyFigures: {
    ko: '주요 실적: 각 수치의 정의(아래)대로 해당 월, 전월, 전년 동월을 구하고 증감 = 해당 월 − 비교 월. 어느 한쪽이 없으면 증감 없음(–)',
    en: 'Key figures: each figure (defined below) for the month, last month and the same month last year; change = month − compared month, none (–) if either is missing',
  },
  indicators: {
    ko: '성과지표: 클러스터 단지별 생산액·수출액·고용·입주업체·가동업체·가동률의 해당 월 값과 전월·전년 동월 대비 증감 (지표 값 정의를 따름)',
    en: 'Indicators: production, exports, employment, tenants, operating companies and operating rate per complex for the month, with change on last month and last year',
  },
  activitiesByMiniCluster: {
    ko: '미니클러스터별 활동: 해당 월 활동 건수와 참여 연인원을 미니클러스터마다 (활동 건수·참여 연인원 정의를 따름)',
    en: 'Activities by mini-cluster: activities and attendance of the month per mini-cluster',
  },
  difficultiesResolved: {
    ko: '해결한 기술애로: 해결 건수에 들어간 기술애로 전부, 해결일 순',
    en: 'Difficulties resolved: every difficulty counted as resolved in the month, by resolvedOn',
  },
  difficultiesReceived: {
    ko: '접수한 기술애로: 접수 건수에 들어간 기술애로 전부, 접수일 순',
    en: 'Difficulties received: every difficulty counted as received in the month, by receivedOn',
  },
  activities: {
    ko: '미니클러스터 활동: 활동 건수에 들어간 활동 전부, 일자 순',
    en: 'Mini-cluster activities: every activity counted in the month, by date',
  },
  successCases: {
    ko: '우수사례: 연도가 보고 월의 연도인 클러스터의 우수사례',
    en: "Success cases: the cluster's success cases whose year is the report's year",
  },
  resourcesShared: {
    ko: '공동활용 자원: 클러스터의 자원 중 네트워크 공유로 표시된 것',
    en: "Resources shared: the cluster's resources marked as shared with the network",
  },
  nextMonthPlans: {
    ko: '다음 달 추진계획: 기간(시작일~종료일)이 다음 달과 겹치고 완료·취소가 아닌 클러스터의 개발계획. 시작일이 없으면 넣지 않고, 종료일이 없으면 계속 진행으로 봄',
    en: "Next month's plans: the cluster's plans whose start–end overlaps next month and are neither done nor cancelled; no start = left out, no end = ongoing",
  },
};
