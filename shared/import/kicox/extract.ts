/**
 * Layout → indicator values of one sheet: one per data row × value column (wide tables
 * unpivoted to complex × 업종그룹), converted from the stated unit to the metric's unit, with
 * withheld (`X`, 비공개) and empty cells left out and said so, and every 계 row and 계 column
 * checked against the sum of its parts.
 */
import type { Lang } from '../../registry';
import { columnLetter } from '../limits';
import { moneyScaleInHeader, parseNumberCell, type MoneyScale } from '../units';
import { quarterCode, textOf, type KicoxMetric } from './labels';
import type { KicoxLayout, LayoutRow, ValueColumn } from './layout';
import { formatNumber, itemName, kicoxMessage } from './messages';

export interface KicoxValue {
  sheet: string;
  row: number;
  column: string;
  metric: KicoxMetric;
  period: string;
  complex?: string;
  industryGroup?: string;
  /** in the metric's unit (KRW, USD, persons, companies, %) */
  value: number;
}

export interface KicoxNote {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ExtractResult {
  values: KicoxValue[];
  notes: KicoxNote[];
  withheld: number;
  totalsChecked: number;
  totalsMismatched: number;
  /** the money units converted (`억원 → 원`) */
  conversions: string[];
}

const MONEY: Partial<Record<KicoxMetric, 'KRW' | 'USD'>> = { production: 'KRW', exports: 'USD' };

interface Cell {
  /** in the stated unit, for the totals check */
  raw: number | null;
  withheld: boolean;
  decimals: number;
}

function decimalsOf(v: unknown): number {
  const s = typeof v === 'number' ? String(v) : String(v ?? '');
  const m = /\.(\d+)/.exec(s.replace(/,/g, ''));
  return m ? Math.min(m[1]!.length, 6) : 0;
}

export function extractValues(layout: KicoxLayout, lang: Lang = 'ko'): ExtractResult {
  const notes: KicoxNote[] = [];
  const values: KicoxValue[] = [];
  const conversions = new Set<string>();
  let withheld = 0;
  const sheet = layout.raw;
  const note = (row: number | null, col: number | null, message: string) =>
    notes.push({ row, column: col === null ? null : columnLetter(col), message });

  const derived = layout.columns.filter((c) => c.derived).map((c) => c.header);
  if (derived.length > 0)
    note(
      null,
      null,
      kicoxMessage('derivedSkipped', { headers: [...new Set(derived)].join(', ') }, lang),
    );

  // Which columns are imported, and with which unit factor.
  const factor = new Map<number, number>();
  for (const c of layout.columns) {
    if (c.derived || c.total) continue;
    if (!c.quarter) {
      note(
        null,
        c.col,
        kicoxMessage('unknownPeriod', { header: c.header || columnLetter(c.col) }, lang),
      );
      continue;
    }
    if (!c.metric) {
      note(
        null,
        c.col,
        kicoxMessage('unknownMetric', { header: c.header || columnLetter(c.col) }, lang),
      );
      continue;
    }
    const f = unitFactor(c, layout, lang, (m) => note(null, c.col, m), conversions);
    if (f !== null) factor.set(c.col, f);
  }

  const cellOf = (r: LayoutRow, c: ValueColumn): Cell => {
    const v = sheet.rows[r.row - 1]?.[c.col] ?? null;
    const p = parseNumberCell(v instanceof Date ? null : v);
    return { raw: p.ok ? p.value : null, withheld: p.suppressed, decimals: decimalsOf(v) };
  };

  for (const r of layout.rows) {
    if (r.total) continue;
    for (const c of layout.columns) {
      const f = factor.get(c.col);
      if (f === undefined) continue;
      const group = c.group ?? r.group;
      const item = {
        metric: c.metric!,
        period: quarterCode(c.quarter!),
        ...(r.complex ? { complex: r.complex } : {}),
        ...(group ? { industryGroup: group } : {}),
      };
      const v = sheet.rows[r.row - 1]?.[c.col] ?? null;
      const p = parseNumberCell(v instanceof Date ? null : v);
      if (p.suppressed) {
        withheld++;
        note(
          r.row,
          c.col,
          kicoxMessage('withheld', { item: itemName(item, lang), cell: textOf(v) }, lang),
        );
        continue;
      }
      if (!p.ok) {
        note(
          r.row,
          c.col,
          kicoxMessage('notNumber', { item: itemName(item, lang), cell: textOf(v) }, lang),
        );
        continue;
      }
      if (p.value === null) continue;
      // Money is stored as whole KRW / USD; counts and rates as read.
      const value = MONEY[item.metric] ? Math.round(p.value * f) : round6(p.value * f);
      values.push({ sheet: layout.sheet, row: r.row, column: columnLetter(c.col), ...item, value });
    }
  }

  const totals = checkTotals(layout, cellOf, lang, note);
  return {
    values,
    notes,
    withheld,
    totalsChecked: totals.checked,
    totalsMismatched: totals.mismatched,
    conversions: [...conversions],
  };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function unitFactor(
  c: ValueColumn,
  layout: KicoxLayout,
  lang: Lang,
  note: (m: string) => void,
  conversions: Set<string>,
): number | null {
  const currency = MONEY[c.metric!];
  const own: MoneyScale | null = moneyScaleInHeader(c.header);
  if (!currency) return 1;
  const stated = layout.unit?.money ?? {};
  const scale = own ?? stated[currency] ?? null;
  const metric = c.metric === 'production' ? '생산액' : '수출액';
  const target = kicoxMessage(currency === 'KRW' ? 'won' : 'dollar', {}, lang);
  if (scale && scale.currency === currency) {
    if (scale.factor !== 1)
      conversions.add(kicoxMessage('converted', { unit: scale.label, target }, lang));
    return scale.factor;
  }
  const other = own ?? stated[currency === 'KRW' ? 'USD' : 'KRW'];
  if (other) {
    note(
      kicoxMessage('wrongCurrency', { header: c.header, metric, target, unit: other.label }, lang),
    );
  } else note(kicoxMessage('noUnit', { header: c.header, metric }, lang));
  return null;
}

type NoteFn = (row: number | null, col: number | null, message: string) => void;

/** 계 columns against their row's 업종그룹 columns; 계 rows against the rows they sum. */
function checkTotals(
  layout: KicoxLayout,
  cellOf: (r: LayoutRow, c: ValueColumn) => Cell,
  lang: Lang,
  note: NoteFn,
): { checked: number; mismatched: number } {
  let checked = 0;
  let mismatched = 0;
  const compare = (total: Cell, parts: Cell[], row: number, col: number, what: string) => {
    if (total.raw === null || parts.length === 0) return;
    if (parts.some((p) => p.withheld)) {
      note(row, col, kicoxMessage('totalUnchecked', { what }, lang));
      return;
    }
    const present = parts.filter((p) => p.raw !== null);
    if (present.length === 0) return;
    const sum = present.reduce((s, p) => s + p.raw!, 0);
    const step = 10 ** -Math.max(total.decimals, ...present.map((p) => p.decimals));
    // Each published figure is rounded on its own: the sum may drift by half a step per part.
    const tolerance = (step * (present.length + 1)) / 2 + 1e-9;
    checked++;
    if (Math.abs(sum - total.raw) > tolerance) {
      mismatched++;
      const diff = round6(total.raw - sum);
      note(
        row,
        col,
        kicoxMessage(
          'totalMismatch',
          {
            what,
            total: formatNumber(total.raw),
            sum: formatNumber(round6(sum)),
            diff: formatNumber(Math.abs(diff)),
          },
          lang,
        ),
      );
    }
  };
  // Rates (가동률) are averages, not sums: their totals are not checked.
  const additive = (c: ValueColumn) =>
    c.metric !== 'operatingRate' && !c.derived && c.quarter !== null;
  const key = (c: ValueColumn) => `${c.metric}|${c.quarter?.year}|${c.quarter?.quarter}`;

  // 계 columns: per row, the 업종그룹 columns of the same metric and quarter.
  const totalCols = layout.columns.filter((c) => c.total && !c.group && additive(c));
  const groupCols = layout.columns.filter((c) => c.group && !c.total && additive(c));
  for (const r of layout.rows) {
    for (const t of totalCols) {
      const parts = groupCols.filter((g) => key(g) === key(t)).map((g) => cellOf(r, g));
      compare(cellOf(r, t), parts, r.row, t.col, kicoxMessage('totalColumn', {}, lang));
    }
  }
  // 계 rows: the rows in their scope, per value column (계 columns included).
  const data = layout.rows.filter((r) => !r.total);
  const cols = layout.columns.filter(additive);
  for (const t of layout.rows.filter((r) => r.total)) {
    const scope = totalScope(t, layout.rows, data);
    if (scope.length === 0) continue;
    for (const c of cols) {
      compare(
        cellOf(t, c),
        scope.map((r) => cellOf(r, c)),
        t.row,
        c.col,
        kicoxMessage('totalRow', {}, lang),
      );
    }
  }
  return { checked, mismatched };
}

/**
 * Which rows a 계 row sums: a complex's own 계 (its 업종 rows), a type's 계 (`국가 계`: the
 * rows of that type, or the block next to it), or the whole table.
 */
function totalScope(t: LayoutRow, all: LayoutRow[], data: LayoutRow[]): LayoutRow[] {
  if (t.complex) return data.filter((r) => r.complex === t.complex);
  const typed = /^(국가|일반|도시첨단|농공)/.exec(t.totalLabel.replace(/\s+/g, ''))?.[1];
  const sub = typed || /소계/.test(t.totalLabel);
  if (!sub) {
    // A grand total sums the data rows, not the subtotals between them.
    return data;
  }
  if (typed && data.some((r) => r.complexType))
    return data.filter((r) => r.complexType?.startsWith(typed));
  const i = all.indexOf(t);
  const before: LayoutRow[] = [];
  for (let j = i - 1; j >= 0 && !all[j]!.total; j--) before.unshift(all[j]!);
  if (before.length > 0 && all[0]!.total === false) return before;
  const after: LayoutRow[] = [];
  for (let j = i + 1; j < all.length && !all[j]!.total; j++) after.push(all[j]!);
  return after.length > 0 ? after : before;
}
