/**
 * Korean text for the parts of AG Grid people meet (filters, overlays, menus). AG Grid ships
 * English; keys it does not find here stay English, which is acceptable for rare tooltips.
 */
import type { Lang } from '../../../shared/registry';

const ko: Record<string, string> = {
  loadingOoo: '불러오는 중…',
  noRowsToShow: '조건에 맞는 자료가 없습니다',
  filterOoo: '필터…',
  searchOoo: '검색…',
  equals: '같음',
  notEqual: '같지 않음',
  blank: '비어 있음',
  notBlank: '비어 있지 않음',
  empty: '조건 선택',
  lessThan: '미만',
  greaterThan: '초과',
  lessThanOrEqual: '이하',
  greaterThanOrEqual: '이상',
  inRange: '범위',
  inRangeStart: '부터',
  inRangeEnd: '까지',
  contains: '포함',
  notContains: '포함하지 않음',
  startsWith: '시작 문자',
  endsWith: '끝 문자',
  before: '이전',
  after: '이후',
  dateFormatOoo: 'yyyy-mm-dd',
  andCondition: '그리고',
  orCondition: '또는',
  applyFilter: '적용',
  resetFilter: '초기화',
  clearFilter: '지우기',
  cancelFilter: '취소',
  selectAll: '모두 선택',
  pinColumn: '열 고정',
  pinLeft: '왼쪽에 고정',
  pinRight: '오른쪽에 고정',
  noPin: '고정 안 함',
  autosizeThisColumn: '이 열 너비 맞춤',
  autosizeAllColumns: '모든 열 너비 맞춤',
  resetColumns: '열 초기화',
  sortAscending: '오름차순 정렬',
  sortDescending: '내림차순 정렬',
  sortUnSort: '정렬 해제',
  columnFilter: '열 필터',
  columnChooser: '열 선택',
  page: '페이지',
  of: '/',
  to: '~',
};

/** AG Grid `localeText` for the UI language (undefined = AG Grid's built-in English). */
export function gridLocaleText(lang: Lang): Record<string, string> | undefined {
  return lang === 'ko' ? ko : undefined;
}
