/**
 * How a stored field value reads on screen (grid cells, quick search, reference titles).
 * Pure functions over the registry, so the grid formatter and the tests share one truth.
 * Output is plain text: callers render it as text, never as HTML.
 */
import {
  enumLabel,
  metricUnitOf,
  type MetricUnit,
  type EntityDef,
  type EntityName,
  type FieldDef,
  type Lang,
  type StoredRecord,
} from '../../../shared/registry';
import { formatKrw, formatNumber, formatPercent, formatUsd } from '../../../shared/format/numbers';

/** id → title of the records of each referenced entity (absent while still loading). */
export type TitleLookups = Partial<Record<EntityName, ReadonlyMap<string, string>>>;

export interface DisplayContext {
  lang: Lang;
  titles: TitleLookups | undefined;
  /** ids of records with writes not yet sent (the 미전송 marker column); absent: none known */
  unsent?: ReadonlySet<string>;
}

const WORDS = {
  ko: { yes: '예', no: '아니오', missingRef: '(삭제된 항목)' },
  en: { yes: 'Yes', no: 'No', missingRef: '(deleted)' },
} as const;

/** Long texts show on one line in a cell; the form shows them whole. */
const CELL_TEXT_LIMIT = 300;

const asNumber = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Title of one referenced record; a dangling id (deleted record) says so instead of blanking. */
export function refTitle(target: EntityName | undefined, id: unknown, ctx: DisplayContext): string {
  if (typeof id !== 'string' || id === '' || !target) return '';
  const map = ctx.titles?.[target];
  // While the lookup loads show nothing rather than a raw ULID or a false "deleted".
  if (!map) return '';
  return map.get(id) ?? WORDS[ctx.lang].missingRef;
}

/** The text a user sees for `value` of `field`. Blank values give ''. */
export function fieldText(
  field: FieldDef,
  value: unknown,
  ctx: DisplayContext,
  /** the whole record, for a value whose unit another field decides (FieldDef.unitFromField) */
  record?: Readonly<Record<string, unknown>>,
): string {
  if (value === undefined || value === null || value === '') return '';
  const { lang } = ctx;
  const unit = metricUnitOf(field.unitFromField, record);
  if (unit) return unitText(unit, asNumber(value), lang);
  switch (field.kind) {
    case 'integer':
      if (field.plainDigits) return String(asNumber(value) ?? value);
      return formatNumber(asNumber(value), lang);
    case 'decimal':
      return formatNumber(asNumber(value), lang);
    case 'money':
      return field.unit === 'USD'
        ? formatUsd(asNumber(value), lang)
        : formatKrw(asNumber(value), lang);
    case 'percent':
      return formatPercent(asNumber(value), 1, lang);
    case 'boolean':
      return value === true ? WORDS[lang].yes : value === false ? WORDS[lang].no : '';
    case 'enum':
      return enumLabel(field.enumId ?? '', String(value), lang);
    case 'multiEnum':
      return asList(value)
        .map((code) => enumLabel(field.enumId ?? '', code, lang))
        .join(', ');
    case 'ref':
      return refTitle(field.ref, value, ctx);
    case 'refs':
      return asList(value)
        .map((id) => refTitle(field.ref, id, ctx))
        .join(', ');
    case 'tags':
      return asList(value).join(', ');
    case 'longText': {
      const oneLine = String(value).replace(/\s*\n\s*/g, ' ');
      return oneLine.length > CELL_TEXT_LIMIT ? `${oneLine.slice(0, CELL_TEXT_LIMIT)}…` : oneLine;
    }
    default:
      return String(value);
  }
}

function unitText(unit: MetricUnit, n: number | undefined, lang: Lang): string {
  if (unit.kind === 'money')
    return unit.currency === 'USD' ? formatUsd(n, lang) : formatKrw(n, lang);
  if (unit.kind === 'percent') return formatPercent(n, 1, lang);
  const num = formatNumber(n, lang);
  return num === '' ? '' : `${num}${lang === 'ko' ? '' : ' '}${unit.label[lang]}`;
}

/** `clusterId` code → cluster name (구미), the code itself when unknown. */
export function clusterText(code: unknown, lang: Lang): string {
  return typeof code === 'string' && code !== '' ? enumLabel('recordOwner', code, lang) : '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO timestamp → local `2006-04-01 14:05`; '' when unreadable. */
export function formatDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

/** The record's title (its `titleField` as displayed), or its id when that is blank. */
export function recordTitle(entity: EntityDef, record: StoredRecord, lang: Lang): string {
  const field = entity.fields.find((f) => f.key === entity.titleField);
  const text = field
    ? fieldText(field, record[field.key], { lang, titles: undefined })
    : String(record[entity.titleField] ?? '');
  return text || record.id;
}

/** Entities this entity points to (ref / refs fields), each once, in a stable order. */
export function refTargets(entity: EntityDef): EntityName[] {
  const set = new Set<EntityName>();
  for (const f of entity.fields)
    if ((f.kind === 'ref' || f.kind === 'refs') && f.ref) set.add(f.ref);
  return [...set].sort();
}
