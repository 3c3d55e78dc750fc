import { describe, expect, it } from 'vitest';
import { _defaultComparator as agDefaultComparator } from 'ag-stack';
import type {
  ColumnState,
  GridApi,
  IRowNode,
  PostSortRowsParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { getEntity, type StoredRecord } from '../../../../shared/registry';
import { buildColumnDefs, type RecordColDef } from '../../../../renderer/features/entities/columns';
import type { DisplayContext } from '../../../../renderer/features/entities/display';
import { KEEP_ORDER, ownSort } from '../../../../renderer/features/entities/gridSort';
import { rememberRanks } from '../../../../renderer/db/recordRanks';

type Comparator = (a: unknown, b: unknown) => number;

/** A grid API that knows only its sort model (what postSortRows reads). */
function fakeApi(sort: Array<{ colId: string; sort: 'asc' | 'desc' }>): GridApi<StoredRecord> {
  const state: ColumnState[] = sort.map((s, i) => ({ ...s, sortIndex: i }));
  return { getColumnState: () => state } as unknown as GridApi<StoredRecord>;
}

const nodesOf = (rows: StoredRecord[]) =>
  rows.map((data, i) => ({ data, id: data.id, sourceRowIndex: i }) as IRowNode<StoredRecord>);

/** AG Grid's own sort with the columns' REAL definitions (value getters, comparators). */
function agSorted(
  defs: RecordColDef[],
  nodes: IRowNode<StoredRecord>[],
  sort: Array<{ colId: string; sort: 'asc' | 'desc' }>,
  context: DisplayContext,
): string[] {
  const value = (col: RecordColDef, node: IRowNode<StoredRecord>) => {
    const getter = col.valueGetter;
    if (typeof getter === 'function')
      return getter({ data: node.data, node, context } as ValueGetterParams<StoredRecord>);
    return col.field ? node.data?.[col.field] : undefined;
  };
  return nodes
    .slice()
    .sort((a, b) => {
      for (const { colId, sort: dir } of sort) {
        const col = defs.find((d) => d.colId === colId) as RecordColDef;
        const compare = (col.comparator as Comparator | undefined) ?? agDefaultComparator;
        const r = compare(value(col, a), value(col, b));
        if (r) return dir === 'desc' ? -r : r;
      }
      return 0;
    })
    .map((n) => n.id as string);
}

function record(id: number, values: Record<string, unknown>): StoredRecord {
  return { id: `r${id}`, clusterId: 'gumi', ...values } as unknown as StoredRecord;
}

const difficulty = getEntity('difficulty');
const companies = new Map([
  ['c1', '한빛정밀'],
  ['c2', '대성전자'],
  ['c3', 'ABC테크'],
]);
const context: DisplayContext = { lang: 'ko', titles: { organization: companies } };
const STATUSES = ['received', 'matched', 'resolved', undefined];

const rows = Array.from({ length: 400 }, (_, i) =>
  record(i, {
    title: i % 9 === 0 ? undefined : `애로 ${String((i * 37) % 50).padStart(2, '0')}`,
    companyId: i % 5 === 0 ? undefined : `c${(i % 4) + 1}`, // c4: a deleted company
    status: STATUSES[i % 4],
    supportTypes: i % 3 === 0 ? ['guidance'] : i % 3 === 1 ? ['prototype', 'guidance'] : [],
  }),
);

describe('gridSort: the app ranks, AG Grid keeps only the sort state', () => {
  const defs = buildColumnDefs(difficulty, 'ko');
  const own = ownSort(defs, () => null);

  it('hands AG Grid every sortable column with a comparator that keeps the order', () => {
    const sortable = own.columnDefs.filter((c) => c.sortable !== false);
    expect(sortable.length).toBeGreaterThan(5);
    for (const col of sortable) expect(col.comparator).toBe(KEEP_ORDER);
    // The real definitions are left as they were (their comparators are tested in columns.test).
    expect(defs.find((c) => c.colId === 'status')?.comparator).not.toBe(KEEP_ORDER);
  });

  const cases: Array<Array<{ colId: string; sort: 'asc' | 'desc' }>> = [
    [{ colId: 'title', sort: 'asc' }],
    [{ colId: 'title', sort: 'desc' }],
    [{ colId: 'companyId', sort: 'asc' }], // a reference: sorted by the shown title
    [{ colId: 'status', sort: 'desc' }], // an enum: declared order
    [{ colId: 'supportTypes', sort: 'asc' }], // multiEnum: shown text, collator
    [
      { colId: 'status', sort: 'asc' },
      { colId: 'title', sort: 'desc' },
    ],
  ];
  it.each(cases.map((sort) => [JSON.stringify(sort), sort] as const))(
    'orders rows exactly as AG Grid would: %s',
    (_label, sort) => {
      const nodes = nodesOf(rows);
      const expected = agSorted(defs, nodes, sort, context);
      const params = { nodes, api: fakeApi(sort), context } as PostSortRowsParams<StoredRecord>;
      own.postSortRows(params);
      expect(nodes.map((n) => n.id)).toEqual(expected);
    },
  );

  it('re-ranks when a title changes (the cached ranks belong to the old context)', () => {
    const sort = [{ colId: 'companyId', sort: 'asc' as const }];
    const first = nodesOf(rows);
    own.postSortRows({
      nodes: first,
      api: fakeApi(sort),
      context,
    } as PostSortRowsParams<StoredRecord>);
    const renamed: DisplayContext = {
      lang: 'ko',
      titles: { organization: new Map([...companies, ['c1', '가나다']]) },
    };
    const nodes = nodesOf(rows);
    own.postSortRows({
      nodes,
      api: fakeApi(sort),
      context: renamed,
    } as PostSortRowsParams<StoredRecord>);
    expect(nodes.map((n) => n.id)).toEqual(agSorted(defs, nodesOf(rows), sort, renamed));
    // 한빛정밀 sorted after 대성전자; renamed 가나다, it now comes first of the two.
    const firstOf = (list: IRowNode<StoredRecord>[], id: string) =>
      list.findIndex((n) => n.data?.companyId === id);
    expect(firstOf(first, 'c1')).toBeGreaterThan(firstOf(first, 'c2'));
    expect(firstOf(nodes, 'c1')).toBeLessThan(firstOf(nodes, 'c2'));
  });

  it('leaves the rows alone when nothing is sorted', () => {
    const nodes = nodesOf(rows);
    own.postSortRows({ nodes, api: fakeApi([]), context } as PostSortRowsParams<StoredRecord>);
    expect(nodes.map((n) => n.id)).toEqual(rows.map((r) => r.id));
  });

  it('uses the ranks stored with a snapshot for exactly its records, and ranks anything else', () => {
    const organization = getEntity('organization');
    const orgSort = ownSort(buildColumnDefs(organization, 'ko'), () => null);
    const names = ['다', '가', '나', '가'];
    const records = names.map((name, i) => record(i, { name }));
    // Ranks that DISAGREE with the names: used, they give their own order (proof of use).
    rememberRanks(records, new Map([['name', { ranks: Int32Array.from([0, 3, 1, 2]), size: 4 }]]));
    const sort = [{ colId: 'name', sort: 'asc' as const }];
    const nodes = nodesOf(records);
    orgSort.postSortRows({
      nodes,
      api: fakeApi(sort),
      context,
    } as PostSortRowsParams<StoredRecord>);
    expect(nodes.map((n) => n.id)).toEqual(['r0', 'r2', 'r3', 'r1']);

    // The same records in another order (or a subset) are ranked from their values.
    const other = ownSort(buildColumnDefs(organization, 'ko'), () => null);
    const reordered = nodesOf([...records].reverse());
    other.postSortRows({
      nodes: reordered,
      api: fakeApi(sort),
      context,
    } as PostSortRowsParams<StoredRecord>);
    expect(reordered.map((n) => n.id)).toEqual(['r3', 'r1', 'r2', 'r0']);
  });
});
