/**
 * The report's record tables. Rows are the records behind the figures (the figure's ids), so a
 * table's row count always equals the figure printed above it. Cells are display values in the
 * report's language (enum labels, referenced names); numbers stay numbers for the formatter.
 */
import { enumLabel, type Lang } from '../../registry';
import { activitiesByMiniCluster, activityCount } from '../activities';
import * as d from '../difficulties';
import { daysBetween, monthPeriod, periodRange, type Period } from '../period';
import { scoped, type FigureRecord, type Scope } from '../scope';
import { TABLE_TITLES } from './definitions';
import type { ReportRecords } from './keyFigures';
import type { ColumnKind, ReportCell, ReportColumn, ReportTable, ReportTableId } from './types';

type Col = [key: string, ko: string, en: string, kind: ColumnKind, width: number];

function table(id: ReportTableId, cols: Col[], rows: ReportCell[][]): ReportTable {
  const columns: ReportColumn[] = cols.map(([key, ko, en, kind, width]) => ({
    key,
    label: { ko, en },
    kind,
    width,
  }));
  return { id, title: TABLE_TITLES[id], columns, rows };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Looks up a referenced record's title; a dangling or empty reference prints as blank. */
function namesOf(records: readonly FigureRecord[], field: string): Map<string, string> {
  return new Map(records.map((r) => [r.id, str(r[field])]));
}

export interface TableContext {
  records: ReportRecords;
  period: Period;
  scope: Scope;
  lang: Lang;
}

/** The records of a figure's ids, in input order (the tables sort them afterwards). */
function pick(records: readonly FigureRecord[], ids: readonly string[]): FigureRecord[] {
  const wanted = new Set(ids);
  return records.filter((r) => wanted.has(r.id));
}

const byThen =
  (a: string, b: string) =>
  (x: FigureRecord, y: FigureRecord): number =>
    str(x[a]).localeCompare(str(y[a])) ||
    str(x[b]).localeCompare(str(y[b])) ||
    x.id.localeCompare(y.id);

export function difficultyTables(c: TableContext): ReportTable[] {
  const { records, period, scope, lang } = c;
  const orgs = namesOf(records.organization, 'name');
  const label = (id: string, code: unknown) => (str(code) ? enumLabel(id, str(code), lang) : '');
  const resolved = pick(records.difficulty, d.resolved(records.difficulty, period, scope).ids).sort(
    byThen('resolvedOn', 'title'),
  );
  const received = pick(records.difficulty, d.received(records.difficulty, period, scope).ids).sort(
    byThen('receivedOn', 'title'),
  );
  return [
    table(
      'difficultiesResolved',
      [
        ['resolvedOn', '해결일', 'Resolved on', 'date', 13],
        ['title', '애로명', 'Title', 'text', 37],
        ['company', '신청기업', 'Company', 'text', 22],
        ['area', '애로분야', 'Area', 'text', 12],
        ['status', '처리상태', 'Status', 'text', 9],
        ['days', '소요일', 'Days', 'count', 7],
      ],
      resolved.map((r) => [
        str(r.resolvedOn),
        str(r.title),
        orgs.get(str(r.companyId)) ?? '',
        label('difficultyArea', r.area),
        label('difficultyStatus', r.status),
        daysBetween(r.receivedOn, r.resolvedOn),
      ]),
    ),
    table(
      'difficultiesReceived',
      [
        ['receivedOn', '접수일', 'Received on', 'date', 13],
        ['title', '애로명', 'Title', 'text', 41],
        ['company', '신청기업', 'Company', 'text', 22],
        ['area', '애로분야', 'Area', 'text', 13],
        ['status', '처리상태', 'Status', 'text', 11],
      ],
      received.map((r) => [
        str(r.receivedOn),
        str(r.title),
        orgs.get(str(r.companyId)) ?? '',
        label('difficultyArea', r.area),
        label('difficultyStatus', r.status),
      ]),
    ),
  ];
}

export function activityTables(c: TableContext): ReportTable[] {
  const { records, period, scope, lang } = c;
  const minis = namesOf(records.miniCluster, 'name');
  const none = lang === 'ko' ? '(미니클러스터 없음)' : '(no mini-cluster)';
  const summary = activitiesByMiniCluster(records.activity, period, scope)
    .map((m) => [minis.get(m.miniClusterId) ?? none, m.activities.value, m.attendance.value])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const list = pick(records.activity, activityCount(records.activity, period, scope).ids).sort(
    byThen('date', 'title'),
  );
  return [
    table(
      'activitiesByMiniCluster',
      [
        ['miniCluster', '미니클러스터', 'Mini-cluster', 'text', 60],
        ['activities', '활동 건수', 'Activities', 'count', 20],
        ['attendance', '참여 연인원', 'Attendance', 'count', 20],
      ],
      summary,
    ),
    table(
      'activities',
      [
        ['date', '일자', 'Date', 'date', 13],
        ['miniCluster', '미니클러스터', 'Mini-cluster', 'text', 25],
        ['title', '활동명', 'Title', 'text', 37],
        ['type', '활동유형', 'Type', 'text', 15],
        ['attendance', '참여 연인원', 'Attendance', 'count', 10],
      ],
      list.map((a) => [
        str(a.date),
        minis.get(str(a.miniClusterId)) ?? '',
        str(a.title),
        str(a.type) ? enumLabel('activityType', str(a.type), lang) : '',
        num(a.attendance),
      ]),
    ),
  ];
}

/** Success cases, shared resources and next month's plans (rules in definitions.ts). */
export function otherTables(c: TableContext): ReportTable[] {
  const { records, period, scope, lang } = c;
  const orgs = namesOf(records.organization, 'name');
  const minis = namesOf(records.miniCluster, 'name');
  const year = Number(periodRange(period).from.slice(0, 4));
  const cases = scoped(records.successCase, scope)
    .filter((s) => s.year === year)
    .sort(byThen('title', 'id'));
  const resources = scoped(records.resource, scope)
    .filter((r) => r.sharedWithNetwork === true)
    .sort(byThen('name', 'id'));
  const next = periodRange(nextMonth(period));
  const plans = scoped(records.plan, scope)
    .filter(
      (p) =>
        !['done', 'cancelled'].includes(str(p.status)) &&
        str(p.startOn) !== '' &&
        str(p.startOn) <= next.to &&
        (str(p.endOn) === '' || str(p.endOn) >= next.from),
    )
    .sort(byThen('startOn', 'title'));
  const label = (id: string, code: unknown) => (str(code) ? enumLabel(id, str(code), lang) : '');
  return [
    table(
      'successCases',
      [
        ['year', '연도', 'Year', 'text', 8],
        ['title', '사례명', 'Title', 'text', 36],
        ['miniCluster', '미니클러스터', 'Mini-cluster', 'text', 20],
        ['company', '기업', 'Company', 'text', 18],
        ['impact', '성과', 'Impact', 'text', 18],
      ],
      cases.map((s) => [
        String(s.year),
        str(s.title),
        minis.get(str(s.miniClusterId)) ?? '',
        orgs.get(str(s.companyId)) ?? '',
        str(s.impact),
      ]),
    ),
    table(
      'resourcesShared',
      [
        ['name', '자원명', 'Name', 'text', 40],
        ['kind', '자원유형', 'Kind', 'text', 15],
        ['owner', '보유기관', 'Owner', 'text', 30],
        ['availability', '이용가능 여부', 'Availability', 'text', 15],
      ],
      resources.map((r) => [
        str(r.name),
        label('resourceKind', r.kind),
        orgs.get(str(r.ownerOrgId)) ?? '',
        label('availability', r.availability),
      ]),
    ),
    table(
      'nextMonthPlans',
      [
        ['title', '계획명', 'Title', 'text', 36],
        ['scope', '범위', 'Scope', 'text', 10],
        ['miniCluster', '미니클러스터', 'Mini-cluster', 'text', 18],
        ['startOn', '시작일', 'Starts', 'date', 13],
        ['endOn', '종료일', 'Ends', 'date', 13],
        ['status', '진행상태', 'Status', 'text', 10],
      ],
      plans.map((p) => [
        str(p.title),
        label('planScope', p.scope),
        minis.get(str(p.miniClusterId)) ?? '',
        str(p.startOn),
        str(p.endOn),
        label('planStatus', p.status),
      ]),
    ),
  ];
}

export function nextMonth(p: Period): Period {
  const to = periodRange(p).to;
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  return m === 12
    ? monthPeriod(`${y + 1}-01`)
    : monthPeriod(`${y}-${String(m + 1).padStart(2, '0')}`);
}
