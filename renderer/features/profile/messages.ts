/** Strings of the user profile and staff list (Korean first, English second). */
import type { Lang } from '../../../shared/registry';

const messages = {
  ko: {
    profileTitle: '내 프로필',
    profileHelp: '이 기기에서 고친 모든 기록의 이력에 이 이름과 직책이 남습니다.',
    name: '이름',
    role: '직책',
    chooseRole: '직책 선택',
    save: '저장',
    saved: '프로필을 저장했습니다.',
    staffTitle: '추진단 직원 명단',
    staffHelp: '기술애로 담당자, 개발계획 담당자와 월간 보고서 결재란에 쓰입니다.',
    staffEmpty: '아직 등록된 직원이 없습니다.',
    add: '추가',
    remove: '삭제',
    removeOne: (name: string) => `${name} 삭제`,
    firstRunLegend: '사용자 (나중에 설정에서 바꿀 수 있음)',
  },
  en: {
    profileTitle: 'My profile',
    profileHelp: 'This name and role are kept in the history of every record you change here.',
    name: 'Name',
    role: 'Role',
    chooseRole: 'Choose a role',
    save: 'Save',
    saved: 'Profile saved.',
    staffTitle: 'Team staff list',
    staffHelp: 'Used for difficulty assignees, plan owners and the monthly report sign-off box.',
    staffEmpty: 'No staff yet.',
    add: 'Add',
    remove: 'Remove',
    removeOne: (name: string) => `Remove ${name}`,
    firstRunLegend: 'User (you can change this later in Settings)',
  },
};

export type ProfileMessages = (typeof messages)['ko'];

export function profileMessages(lang: Lang): ProfileMessages {
  return messages[lang];
}
