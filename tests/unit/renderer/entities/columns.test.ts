import { describe, expect, it } from 'vitest';
import type {
  GetQuickFilterTextParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { entities, getEntity, type FieldDef, type StoredRecord } from '../../../../shared/registry';
import {
  buildColumnDefs,
  UNSENT_COL_ID,
  CLUSTER_COL_ID,
  fieldColumn,
  filterForKind,
  isoDateComparator,
  UPDATED_COL_ID,
  type RecordColDef,
} from '../../../../renderer/features/entities/columns';
import type { DisplayContext } from '../../../../renderer/features/entities/display';

const ko: DisplayContext = { lang: 'ko', titles: undefined };

/** Calls a column's valueFormatter the way AG Grid does (only the parts we read). */
function format(col: RecordColDef, value: unknown, context: DisplayContext = ko): string {
  const f = col.valueFormatter;
  if (typeof f !== 'function') throw new Error(`${col.colId} has no valueFormatter`);
  return f({ value, context } as ValueFormatterParams<StoredRecord>);
}

function getValue(col: RecordColDef, data: Record<string, unknown>, context: DisplayContext) {
  const g = col.valueGetter;
  if (typeof g !== 'function') throw new Error(`${col.colId} has no valueGetter`);
  return g({ data, context } as unknown as ValueGetterParams<StoredRecord>);
}

function filterValue(col: RecordColDef, data: Record<string, unknown>, context = ko) {
  const g = col.filterValueGetter;
  if (typeof g !== 'function') throw new Error(`${col.colId} has no filterValueGetter`);
  return g({ data, context } as unknown as ValueGetterParams<StoredRecord>);
}

function quickText(col: RecordColDef, value: unknown, context = ko) {
  const q = col.getQuickFilterText;
  if (!q) throw new Error(`${col.colId} has no getQuickFilterText`);
  return q({ value, context } as GetQuickFilterTextParams<StoredRecord>);
}

const field = (entityName: Parameters<typeof getEntity>[0], key: string): FieldDef => {
  const f = getEntity(entityName).fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${entityName}.${key}`);
  return f;
};

describe('buildColumnDefs', () => {
  it.each(entities.map((e) => [e.name, e] as const))(
    '%s: one column per registry field, then 클러스터, 수정일 and 미전송',
    (_name, entity) => {
      const cols = buildColumnDefs(entity, 'ko');
      expect(cols.map((c) => c.colId)).toEqual([
        ...entity.fields.map((f) => f.key),
        CLUSTER_COL_ID,
        UPDATED_COL_ID,
        UNSENT_COL_ID,
      ]);
      entity.fields.forEach((f, i) => {
        const col = cols[i] as RecordColDef;
        expect(col.headerName).toBe(f.label.ko);
        expect(col.hide).toBe(f.grid?.hide === true);
        expect(col.filter).toBe(filterForKind(f.kind));
        expect(col.sortable).toBe(true);
        if (f.grid?.width) expect(col.width).toBe(f.grid.width);
        // Plain text only: a React cell renderer per cell would not scale to 100,000 rows and
        // is where HTML injection would creep in.
        expect(col.cellRenderer).toBeUndefined();
        // Every column shows something readable: a formatter, a getter, or an ISO date as is.
        const readable =
          typeof col.valueFormatter === 'function' ||
          typeof col.valueGetter === 'function' ||
          f.kind === 'date';
        expect(readable).toBe(true);
      });
    },
  );

  it('uses English headers in English', () => {
    const cols = buildColumnDefs(getEntity('organization'), 'en');
    expect(cols.find((c) => c.colId === 'name')?.headerName).toBe('Name');
    expect(cols.find((c) => c.colId === CLUSTER_COL_ID)?.headerName).toBe('Cluster');
    expect(cols.find((c) => c.colId === UPDATED_COL_ID)?.headerName).toBe('Updated');
  });

  it('honours registry hide flags and pinning', () => {
    const cols = buildColumnDefs(getEntity('organization'), 'ko');
    expect(cols.find((c) => c.colId === 'crn')?.hide).toBe(true);
    expect(cols.find((c) => c.colId === 'notes')?.hide).toBe(true);
    expect(cols.find((c) => c.colId === 'brn')?.hide).toBe(false);
    expect(cols.find((c) => c.colId === 'name')?.pinned).toBe('left');
    expect(cols.find((c) => c.colId === 'brn')?.pinned).toBeNull();
  });
});

describe('filters by kind', () => {
  it('maps kinds to AG Grid filters', () => {
    expect(filterForKind('integer')).toBe('agNumberColumnFilter');
    expect(filterForKind('money')).toBe('agNumberColumnFilter');
    expect(filterForKind('decimal')).toBe('agNumberColumnFilter');
    expect(filterForKind('date')).toBe('agDateColumnFilter');
    expect(filterForKind('text')).toBe('agTextColumnFilter');
    expect(filterForKind('enum')).toBe('agTextColumnFilter');
    expect(filterForKind('ref')).toBe('agTextColumnFilter');
  });

  it('compares ISO date strings with the date filter day', () => {
    const day = new Date(2006, 3, 1); // local midnight, as AG Grid passes it
    expect(isoDateComparator(day, '2006-04-01')).toBe(0);
    expect(isoDateComparator(day, '2006-03-31')).toBeLessThan(0);
    expect(isoDateComparator(day, '2006-04-02')).toBeGreaterThan(0);
    expect(isoDateComparator(day, undefined)).toBeLessThan(0);
    const received = fieldColumn(field('difficulty', 'receivedOn'), 'ko');
    expect(received.filter).toBe('agDateColumnFilter');
    expect((received.filterParams as { comparator: unknown }).comparator).toBe(isoDateComparator);
  });
});

describe('cell text', () => {
  it('formats money in 원 and 달러 with thousands separators', () => {
    const revenue = fieldColumn(field('organization', 'revenueKrw'), 'ko');
    const exports = fieldColumn(field('organization', 'exportsUsd'), 'ko');
    expect(format(revenue, 5_000_000_000)).toBe('5,000,000,000원');
    expect(format(exports, 26_000_000)).toBe('26,000,000달러');
    expect(format(exports, 26_000_000, { lang: 'en', titles: undefined })).toBe('$26,000,000');
    expect(format(revenue, undefined)).toBe('');
    expect(revenue.type).toBe('rightAligned');
  });

  it('formats integers with separators and finds them typed either way', () => {
    const employees = fieldColumn(field('organization', 'employees'), 'ko');
    expect(format(employees, 1086)).toBe('1,086');
    const q = quickText(employees, 1086);
    expect(q).toContain('1086');
    expect(q).toContain('1,086');
  });

  it('shows enum labels, filters and searches on them, sorts in declared order', () => {
    const kind = fieldColumn(field('organization', 'kind'), 'ko');
    expect(format(kind, 'company')).toBe('기업');
    expect(format(kind, 'company', { lang: 'en', titles: undefined })).toBe('Company');
    expect(filterValue(kind, { kind: 'university' })).toBe('대학');
    expect(quickText(kind, 'institute')).toBe('연구소');
    const status = fieldColumn(field('difficulty', 'status'), 'ko');
    const sorted = ['resolved', 'received', 'matched'].sort((a, b) =>
      (status.comparator as (x: unknown, y: unknown) => number)(a, b),
    );
    expect(sorted).toEqual(['received', 'matched', 'resolved']);
  });

  it('joins multiEnum labels and tags', () => {
    const support = fieldColumn(field('difficulty', 'supportTypes'), 'ko');
    expect(format(support, ['guidance', 'prototype'])).toBe('기술지도, 시제품 제작');
    const expertise = fieldColumn(field('expert', 'expertise'), 'ko');
    expect(format(expertise, ['LED', '광학설계'])).toBe('LED, 광학설계');
    expect(filterValue(expertise, { expertise: ['LED', '광학설계'] })).toBe('LED, 광학설계');
  });

  it('sorts multiEnum and tags by their shown text, the same on every call for one array', () => {
    const support = fieldColumn(field('difficulty', 'supportTypes'), 'ko');
    const compare = support.comparator as (x: unknown, y: unknown) => number;
    const prototype = ['prototype']; // 시제품 제작
    const guidance = ['guidance']; // 기술지도
    const both = ['prototype', 'guidance']; // 시제품 제작, 기술지도
    const rows = [prototype, null, both, guidance]; // null: blank sorts first
    // Twice: the second sort reads the per-array texts kept by the first.
    for (let round = 0; round < 2; round++) {
      expect([...rows].sort(compare)).toEqual([null, guidance, prototype, both]);
    }
    const en = fieldColumn(field('difficulty', 'supportTypes'), 'en');
    const enCompare = en.comparator as (x: unknown, y: unknown) => number;
    expect(Math.sign(enCompare(prototype, guidance))).toBe(
      Math.sign('Prototype'.localeCompare('Technical guidance')),
    );
  });

  it('shows booleans as 예/아니오', () => {
    const shared = fieldColumn(field('expert', 'sharedWithNetwork'), 'ko');
    expect(format(shared, true)).toBe('예');
    expect(format(shared, false)).toBe('아니오');
    expect(format(shared, undefined)).toBe('');
  });

  it('shows reference titles from the context lookup, and says when the target is gone', () => {
    const company = fieldColumn(field('difficulty', 'companyId'), 'ko');
    const ctx: DisplayContext = {
      lang: 'ko',
      titles: { organization: new Map([['org1', '(주)한빛정밀']]) },
    };
    expect(getValue(company, { companyId: 'org1' }, ctx)).toBe('(주)한빛정밀');
    expect(getValue(company, { companyId: 'gone' }, ctx)).toBe('(삭제된 항목)');
    // Still loading: blank, never a raw id.
    expect(getValue(company, { companyId: 'org1' }, ko)).toBe('');
    expect(getValue(company, {}, ctx)).toBe('');
  });

  it('joins titles of multi-references', () => {
    const experts = fieldColumn(field('difficulty', 'expertIds'), 'ko');
    const ctx: DisplayContext = {
      lang: 'ko',
      titles: {
        expert: new Map([
          ['e1', '김광수'],
          ['e2', '이정민'],
        ]),
      },
    };
    expect(getValue(experts, { expertIds: ['e1', 'e2'] }, ctx)).toBe('김광수, 이정민');
  });

  it('keeps markup as the characters typed (AG Grid renders formatter output as text)', () => {
    const name = fieldColumn(field('organization', 'name'), 'ko');
    const evil = '<img src=x onerror=alert(1)>';
    expect(format(name, evil)).toBe(evil);
  });

  it('shows one line of long texts', () => {
    const notes = fieldColumn(field('organization', 'notes'), 'ko');
    expect(format(notes, '첫 줄\n둘째 줄')).toBe('첫 줄 둘째 줄');
  });

  it('shows the cluster name and a local 수정일', () => {
    const cols = buildColumnDefs(getEntity('organization'), 'ko');
    const cluster = cols.find((c) => c.colId === CLUSTER_COL_ID) as RecordColDef;
    expect(format(cluster, 'gumi')).toBe('구미');
    expect(filterValue(cluster, { clusterId: 'banwol-sihwa' })).toBe('반월·시화');
    const updated = cols.find((c) => c.colId === UPDATED_COL_ID) as RecordColDef;
    const local = new Date(2006, 3, 1, 9, 5).toISOString();
    expect(format(updated, local)).toBe('2006-04-01 09:05');
    expect(updated.filter).toBe('agDateColumnFilter');
  });
});

describe('미전송 marker column', () => {
  it('marks exactly the records whose ids the context lists as unsent, and is not searchable', () => {
    const col = buildColumnDefs(getEntity('organization'), 'ko').find(
      (c) => c.colId === UNSENT_COL_ID,
    ) as RecordColDef;
    const getter = col.valueGetter as (p: unknown) => string;
    const context = { lang: 'ko', titles: undefined, unsent: new Set(['a']) };
    expect(getter({ data: { id: 'a' }, context })).toBe('●');
    expect(getter({ data: { id: 'b' }, context })).toBe('');
    expect(getter({ data: { id: 'a' }, context: { lang: 'ko', titles: undefined } })).toBe('');
    expect((col.getQuickFilterText as () => string)()).toBe('');
  });
});
