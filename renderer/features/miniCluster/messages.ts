/** Strings of the mini-cluster page (namespace `miniCluster`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const MINI_CLUSTER_NS = 'miniCluster';

const ko = {
  loading: '불러오는 중…',
  notFound: '미니클러스터를 찾을 수 없습니다 (삭제되었거나 다른 클러스터의 자료입니다).',
  back: '목록',
  edit: '편집',
  logActivity: '활동 기록',
  members: '참여 회원 ({{n}})',
  noMembers: '등록된 참여 회원이 없습니다.',
  role: '역할',
  name: '회원',
  since: '시작일',
  until: '종료일',
  former: '종료',
  activities: '활동 ({{n}}건, 참여 연인원 {{total}}명)',
  noActivities: '기록된 활동이 없습니다.',
  date: '일자',
  title: '활동명',
  type: '유형',
  attendance: '참여 연인원',
  attendees: '참석자',
  openDifficulties: '진행 중인 기술애로 ({{n}})',
  resolvedDifficulties: '해결한 기술애로 ({{n}})',
  noDifficulties: '없음',
  successCases: '우수사례 ({{n}})',
  noSuccessCases: '등록된 우수사례가 없습니다.',
  'log.title': '활동 기록',
  'log.activityTitle': '활동명',
  'log.type': '활동유형',
  'log.date': '일자',
  'log.place': '장소',
  'log.attendees': '참석자 (회원 중 선택)',
  'log.attendance': '참여 연인원',
  'log.attendanceHint': '비워 두면 선택한 참석자 수 ({{n}}명)로 저장합니다.',
  'log.save': '저장',
  'log.cancel': '취소',
  'log.saved': '활동을 기록했습니다',
  'log.noMembers': '참여 회원이 없어 참석자를 고를 수 없습니다.',
};
export type MiniClusterMessageKey = keyof typeof ko;

const en: Record<MiniClusterMessageKey, string> = {
  loading: 'Loading…',
  notFound: 'Mini-cluster not found (deleted, or another cluster’s record).',
  back: 'List',
  edit: 'Edit',
  logActivity: 'Log activity',
  members: 'Members ({{n}})',
  noMembers: 'No members yet.',
  role: 'Role',
  name: 'Member',
  since: 'Since',
  until: 'Until',
  former: 'Former',
  activities: 'Activities ({{n}}, total attendance {{total}})',
  noActivities: 'No activities logged.',
  date: 'Date',
  title: 'Title',
  type: 'Type',
  attendance: 'Attendance',
  attendees: 'Attendees',
  openDifficulties: 'Open difficulties ({{n}})',
  resolvedDifficulties: 'Resolved difficulties ({{n}})',
  noDifficulties: 'None',
  successCases: 'Success cases ({{n}})',
  noSuccessCases: 'No success cases yet.',
  'log.title': 'Log an activity',
  'log.activityTitle': 'Title',
  'log.type': 'Type',
  'log.date': 'Date',
  'log.place': 'Place',
  'log.attendees': 'Attendees (from the members)',
  'log.attendance': 'Attendance',
  'log.attendanceHint': 'Left blank, the number of ticked attendees ({{n}}) is saved.',
  'log.save': 'Save',
  'log.cancel': 'Cancel',
  'log.saved': 'Activity logged',
  'log.noMembers': 'No members to pick attendees from.',
};

registerMessages(MINI_CLUSTER_NS, { ko, en });

export type MiniClusterT = (
  key: MiniClusterMessageKey,
  params?: Record<string, string | number>,
) => string;

export function useMiniClusterT(): MiniClusterT {
  const { t } = useTranslation(MINI_CLUSTER_NS);
  return t as unknown as MiniClusterT;
}
