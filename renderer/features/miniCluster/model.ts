/**
 * What the mini-cluster page shows, computed from plain rows (pure, unit-tested): members with
 * roles and dates, activities newest first with 참여 연인원, open and resolved difficulties,
 * success cases. The page only renders this.
 */
import { enums, type Lang } from '../../../shared/registry';
import { RESOLVED_STATUSES } from '../../../shared/report/definitions';

export type Row = Readonly<Record<string, unknown>> & { readonly id: string };

export interface MemberLine {
  membershipId: string;
  /** organisation and/or expert shown for the member */
  name: string;
  organizationId?: string;
  expertId?: string;
  role: string;
  since: string;
  until: string;
  /** false once `until` has passed on `asOf` */
  current: boolean;
}

export interface ActivityLine {
  id: string;
  title: string;
  type: string;
  date: string;
  attendance: number | null;
  attendeeNames: string[];
}

export interface MiniClusterView {
  members: MemberLine[];
  activities: ActivityLine[];
  /** sum of the activities' 참여 연인원 */
  totalAttendance: number;
  openDifficulties: Row[];
  resolvedDifficulties: Row[];
  successCases: Row[];
}

export interface MiniClusterRows {
  memberships: readonly Row[];
  activities: readonly Row[];
  difficulties: readonly Row[];
  successCases: readonly Row[];
  /** id → display name of organisations and experts */
  names: ReadonlyMap<string, string>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const live = (r: Row) => r['deleted'] !== 1;
const ROLE_ORDER = enums.memberRole.map((o) => o.code);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function enumText(enumId: keyof typeof enums, code: string, lang: Lang): string {
  return enums[enumId].find((o) => o.code === code)?.label[lang] ?? code;
}

/** The member's name: "기관 · 전문가" when both are linked (a company's named delegate). */
export function memberName(m: Row, names: ReadonlyMap<string, string>): string {
  const parts = [str(m['organizationId']), str(m['expertId'])]
    .filter((id) => id !== '')
    .map((id) => names.get(id) ?? id);
  return parts.join(' · ');
}

export function buildMiniClusterView(
  miniClusterId: string,
  rows: MiniClusterRows,
  asOf: string,
): MiniClusterView {
  const mine = (r: Row) => live(r) && r['miniClusterId'] === miniClusterId;
  const members = rows.memberships
    .filter(mine)
    .map((m): MemberLine => {
      const until = str(m['until']);
      const line: MemberLine = {
        membershipId: m.id,
        name: memberName(m, rows.names),
        role: str(m['role']),
        since: str(m['since']),
        until,
        current: until === '' || until >= asOf,
      };
      const org = str(m['organizationId']);
      const expert = str(m['expertId']);
      if (org) line.organizationId = org;
      if (expert) line.expertId = expert;
      return line;
    })
    // Current members first, then by role (회장 … 회원), then by name: a stable roster.
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        byText(a.name, b.name) ||
        byText(a.membershipId, b.membershipId),
    );

  const activities = rows.activities
    .filter(mine)
    .map((a): ActivityLine => ({
      id: a.id,
      title: str(a['title']),
      type: str(a['type']),
      date: str(a['date']),
      attendance: typeof a['attendance'] === 'number' ? a['attendance'] : null,
      attendeeNames: [...strs(a['attendeeOrgIds']), ...strs(a['attendeeExpertIds'])].map(
        (id) => rows.names.get(id) ?? id,
      ),
    }))
    // Newest first; on the same day the later-created (greater ULID) first.
    .sort((a, b) => byText(b.date, a.date) || byText(b.id, a.id));

  const difficulties = rows.difficulties
    .filter(mine)
    .sort((a, b) => byText(str(b['receivedOn']), str(a['receivedOn'])) || byText(b.id, a.id));
  const isResolved = (d: Row) => RESOLVED_STATUSES.includes(str(d['status']));
  return {
    members,
    activities,
    totalAttendance: activities.reduce((n, a) => n + (a.attendance ?? 0), 0),
    openDifficulties: difficulties.filter((d) => !isResolved(d)),
    resolvedDifficulties: difficulties.filter(isResolved),
    successCases: rows.successCases
      .filter(mine)
      .sort((a, b) => Number(b['year'] ?? 0) - Number(a['year'] ?? 0) || byText(a.id, b.id)),
  };
}

export interface ActivityDraft {
  title: string;
  type: string;
  date: string;
  place: string;
  /** membership ids ticked as attending */
  attendees: ReadonlySet<string>;
  /** 참여 연인원 as typed; blank = the number of ticked attendees */
  attendance: string;
}

/** The activity record a logged activity becomes (validated by the registry on save). */
export function activityValues(
  miniClusterId: string,
  draft: ActivityDraft,
  members: readonly MemberLine[],
): Record<string, unknown> {
  const ticked = members.filter((m) => draft.attendees.has(m.membershipId));
  const orgIds = [...new Set(ticked.flatMap((m) => (m.organizationId ? [m.organizationId] : [])))];
  const expertIds = [...new Set(ticked.flatMap((m) => (m.expertId ? [m.expertId] : [])))];
  const typed = draft.attendance.trim();
  return {
    title: draft.title.trim(),
    type: draft.type,
    date: draft.date,
    place: draft.place.trim() || undefined,
    miniClusterId,
    attendeeOrgIds: orgIds.length > 0 ? orgIds : undefined,
    attendeeExpertIds: expertIds.length > 0 ? expertIds : undefined,
    // A typed number wins (guests who are not members count too); else one per ticked member.
    attendance: typed === '' ? ticked.length : Number(typed),
  };
}
