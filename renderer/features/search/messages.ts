/** Strings of the global search (Korean first, English second). */
import type { Lang } from '../../../shared/registry';

const messages = {
  ko: {
    title: '전체 검색',
    placeholder: '이름, 초성(ㅎㄱㄱㅅ), 사업자등록번호, 업종코드…',
    noMatch: '찾는 항목이 없습니다.',
    loading: '불러오는 중…',
    hint: '↑↓ 이동 · Enter 열기 · Esc 닫기',
    shortcut: '전체 검색 (Ctrl+K)',
    close: '닫기',
    recent: '최근 항목',
    noRecent: '최근에 연 항목이 없습니다. 이름이나 초성을 입력하세요.',
  },
  en: {
    title: 'Search everything',
    placeholder: 'Name, initials (ㅎㄱㄱㅅ), business number, KSIC code…',
    noMatch: 'Nothing found.',
    loading: 'Loading…',
    hint: '↑↓ move · Enter open · Esc close',
    shortcut: 'Search everything (Ctrl+K)',
    close: 'Close',
    recent: 'Recent items',
    noRecent: 'No recent items yet. Type a name or initials.',
  },
} as const;

export type SearchMessages = (typeof messages)['ko'] | (typeof messages)['en'];

export function searchMessages(lang: Lang): SearchMessages {
  return messages[lang];
}
