/**
 * A grid filter from a route query, e.g. `#/difficulties?status=resolved,followUp&resolvedIn=2006-03`:
 * what a chart click hands the grid so it shows exactly the records behind a figure. Pure, so the
 * test can check that the filter picks out the same ids as the figure, and the grid's count
 * equals the chart's.
 *
 * Keys (values are comma lists where several make sense; an empty value matches an empty field):
 * - `<field>` — an enum, ref, text, number or boolean field equals one of the values
 * - `<name>In` — the date field `<name>On` (or `<name>`) lies in a period key (`2006-03`, `2006-Q1`, `2006`, `a~b`)
 * - `clusterId` — the owning cluster; `inMiniCluster` — the figure model's mini-cluster scope
 * - `openOn`, `overdueOn` (기술애로) — open / overdue on that day, as the figures define them
 * - `memberOn` (회원) — a member on that day; `ids` — exactly these records
 * Anything else is ignored and reported back, never an error: an old bookmark still opens.
 */
import type { EntityDef, FieldDef } from '../registry/types';
import { open, overdue } from './difficulties';
import { inRange, periodRange } from './period';
import { parsePeriodKey } from './periodKey';
import { memberOn } from './participation';
import { inScope, type FigureRecord } from './scope';

export interface RouteFilterPart {
  key: string;
  value: string;
  /** the field the key reads, when it is one */
  field?: FieldDef;
}

export interface RouteFilter {
  parts: RouteFilterPart[];
  /** keys that mean nothing here (or carry an unreadable value): ignored */
  ignored: string[];
  test(record: FigureRecord): boolean;
}

const EQUALITY_KINDS = new Set([
  'enum',
  'ref',
  'text',
  'integer',
  'decimal',
  'money',
  'percent',
  'boolean',
  'brn',
  'crn',
  'ksic',
]);

const values = (v: string): string[] => v.split(',');
const asText = (v: unknown): string => (v == null ? '' : String(v));
const dayOk = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

type Test = (r: FigureRecord) => boolean;

function partTest(entity: EntityDef, key: string, value: string): RouteFilterPart | null {
  const field = entity.fields.find((f) => f.key === key);
  if (field && EQUALITY_KINDS.has(field.kind)) return { key, value, field };
  if (key.endsWith('In')) {
    // `resolvedIn` reads `resolvedOn`, `dateIn` reads `date`.
    const stem = key.slice(0, -2);
    const dateField = entity.fields.find(
      (f) => (f.key === `${stem}On` || f.key === stem) && f.kind === 'date',
    );
    if (dateField && parsePeriodKey(value)) return { key, value, field: dateField };
  }
  if (key === 'ids' || key === 'clusterId') return { key, value };
  if (key === 'inMiniCluster' && value !== '') return { key, value };
  if ((key === 'openOn' || key === 'overdueOn') && entity.name === 'difficulty' && dayOk(value)) {
    return { key, value };
  }
  if (key === 'memberOn' && entity.name === 'membership' && dayOk(value)) return { key, value };
  return null;
}

function toTest(part: RouteFilterPart, query: Readonly<Record<string, string>>): Test {
  const { key, value, field } = part;
  if (field && key.endsWith('In') && field.kind === 'date' && key !== field.key) {
    // parsePeriodKey succeeded in partTest
    const range = periodRange(parsePeriodKey(value) ?? { kind: 'year', year: 0 });
    return (r) => inRange(r[field.key], range);
  }
  if (field) {
    const wanted = new Set(values(value));
    return (r) => wanted.has(asText(r[field.key]));
  }
  switch (key) {
    case 'ids': {
      const wanted = new Set(values(value));
      return (r) => wanted.has(r.id);
    }
    case 'clusterId': {
      const wanted = new Set(values(value));
      return (r) => wanted.has(r.clusterId);
    }
    case 'inMiniCluster': {
      // The figure model's own scope rule, so the grid and the figure cannot disagree.
      const scope = {
        kind: 'miniCluster' as const,
        clusterId: query.clusterId ?? '',
        miniClusterId: value,
      };
      return (r) => inScope(r, scope);
    }
    case 'openOn':
      return (r) =>
        open([r], { kind: 'range', from: value, to: value }, { kind: 'all' }).value === 1;
    case 'overdueOn':
      return (r) =>
        overdue([r], { kind: 'range', from: value, to: value }, { kind: 'all' }).value === 1;
    default:
      // memberOn (partTest admits nothing else)
      return (r) => memberOn(r, value);
  }
}

/** The filter a query asks for on an entity's grid; null when the query is empty. */
export function buildRouteFilter(
  entity: EntityDef,
  query: Readonly<Record<string, string>>,
): RouteFilter | null {
  const parts: RouteFilterPart[] = [];
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const part = partTest(entity, key, value);
    if (part) parts.push(part);
    else ignored.push(key);
  }
  if (parts.length === 0 && ignored.length === 0) return null;
  const tests = parts.map((p) => toTest(p, query));
  return { parts, ignored, test: (r) => tests.every((t) => t(r)) };
}

/** The records a filter keeps, in their order (the whole list when there is no filter). */
export function applyRouteFilter<R extends FigureRecord>(
  records: readonly R[],
  filter: RouteFilter | null,
): readonly R[] {
  return filter && filter.parts.length > 0 ? records.filter((r) => filter.test(r)) : records;
}
