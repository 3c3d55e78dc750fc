/**
 * The words of a grid filter set by the route (a chart click): `해결, 사후관리 · 2006-03`. The filter
 * itself is the figure model's (shared/report/routeFilter.ts), so the rows it keeps are exactly
 * the records behind the figure; this file only names it for the chip.
 */
import { enumLabel, type Lang } from '../../../shared/registry';
import { formatNumber } from '../../../shared/format/numbers';
import type { RouteFilter, RouteFilterPart } from '../../../shared/report';
import type { TitleLookups } from './display';

const WORDS = {
  ko: {
    yes: '예',
    no: '아니오',
    none: '(없음)',
    ids: '지정한 {{n}}건',
    openOn: '{{day}} 미결',
    overdueOn: '{{day}} 기한 경과',
    memberOn: '{{day}} 회원',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    none: '(none)',
    ids: '{{n}} chosen records',
    openOn: 'open on {{day}}',
    overdueOn: 'overdue on {{day}}',
    memberOn: 'member on {{day}}',
  },
} as const;

const fill = (s: string, vars: Record<string, string>): string =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');

function valueText(part: RouteFilterPart, lang: Lang, titles: TitleLookups | undefined): string {
  const w = WORDS[lang];
  const { key, value, field } = part;
  if (field && field.kind === 'date') return value; // a period key, e.g. 2006-03
  const one = (v: string): string => {
    if (v === '') return w.none;
    if (field?.kind === 'enum' && field.enumId) return enumLabel(field.enumId, v, lang);
    if (field?.kind === 'ref' && field.ref) return titles?.[field.ref]?.get(v) ?? v;
    if (field?.kind === 'boolean') return v === 'true' ? w.yes : w.no;
    if (key === 'clusterId') return enumLabel('recordOwner', v, lang);
    if (key === 'inMiniCluster') return titles?.miniCluster?.get(v) ?? v;
    return v;
  };
  switch (key) {
    case 'ids':
      return fill(w.ids, { n: formatNumber(value === '' ? 0 : value.split(',').length, lang) });
    case 'openOn':
    case 'overdueOn':
    case 'memberOn':
      return fill(w[key], { day: value });
    default: {
      const text = value.split(',').map(one).join(', ');
      // A boolean alone says nothing ("예"): name its field.
      return field?.kind === 'boolean' ? `${field.label[lang]}: ${text}` : text;
    }
  }
}

/** `해결, 사후관리 · 2006-03` — the chip's text after "필터:". */
export function routeFilterText(
  filter: RouteFilter,
  lang: Lang,
  titles: TitleLookups | undefined,
): string {
  // Whose, then what, then when — whatever order the address lists its keys in (sorted there).
  const rank = (p: RouteFilterPart): number =>
    p.key === 'clusterId' || p.key === 'inMiniCluster'
      ? 0
      : p.field && p.field.kind !== 'date'
        ? 1
        : p.key === 'ids'
          ? 3
          : 2;
  return [...filter.parts]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => valueText(p, lang, titles))
    .join(' · ');
}
