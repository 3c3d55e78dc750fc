/**
 * The board's data, pure: difficulties filtered (mini-cluster, 애로분야, assignee, overdue),
 * grouped into one column per status with its count, each column cut to `limit` cards (the rest
 * behind "더 보기": 2,000+ difficulties would otherwise mean 2,000+ DOM cards). Within a column
 * overdue first, then by priority, then newest receipt first.
 */
import type { StoredRecord } from '../../../shared/registry';
import { DESK_STATUSES, isOverdue, type DeskStatus } from '../../../shared/desk';

export interface BoardFilter {
  miniClusterId: string;
  area: string;
  assignee: string;
  overdueOnly: boolean;
}

export const NO_FILTER: BoardFilter = {
  miniClusterId: '',
  area: '',
  assignee: '',
  overdueOnly: false,
};

export interface BoardCard {
  record: StoredRecord;
  overdue: boolean;
}

export interface BoardColumn {
  status: DeskStatus;
  /** every matching card of the status (the column's count) */
  total: number;
  /** the first `limit` of them, in board order */
  cards: BoardCard[];
}

/** Cards shown per column before "더 보기" (each press shows this many more). */
export const COLUMN_PAGE = 40;

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const rank = (r: StoredRecord) => PRIORITY_RANK[String(r.priority ?? '')] ?? 2;

function byBoardOrder(a: BoardCard, b: BoardCard): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const p = rank(a.record) - rank(b.record);
  if (p !== 0) return p;
  const ra = String(a.record.receivedOn ?? '');
  const rb = String(b.record.receivedOn ?? '');
  return ra < rb ? 1 : ra > rb ? -1 : a.record.id < b.record.id ? -1 : 1;
}

export function matchesFilter(card: BoardCard, f: BoardFilter): boolean {
  const r = card.record;
  if (f.miniClusterId && r.miniClusterId !== f.miniClusterId) return false;
  if (f.area && r.area !== f.area) return false;
  if (f.assignee && r.assignee !== f.assignee) return false;
  if (f.overdueOnly && !card.overdue) return false;
  return true;
}

/** The columns of the board; `limits` per status (default COLUMN_PAGE). */
export function buildBoard(
  records: readonly StoredRecord[],
  filter: BoardFilter,
  today: string,
  limits: Partial<Record<DeskStatus, number>> = {},
): BoardColumn[] {
  const groups = new Map<DeskStatus, BoardCard[]>(DESK_STATUSES.map((s) => [s, []]));
  for (const record of records) {
    const card = { record, overdue: isOverdue(record, today) };
    if (!matchesFilter(card, filter)) continue;
    // An unknown status (old import) is shown under 접수, where someone will look at it.
    const list = groups.get(record.status as DeskStatus) ?? groups.get('received');
    list?.push(card);
  }
  return DESK_STATUSES.map((status) => {
    const all = (groups.get(status) ?? []).sort(byBoardOrder);
    return { status, total: all.length, cards: all.slice(0, limits[status] ?? COLUMN_PAGE) };
  });
}
