import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../../shared/sync/hlc';
import {
  assembleMutations,
  collapseWrites,
  resendWhole,
  wholeRecords,
  type CurrentRecord,
  type PendingWrite,
} from '../../../../shared/sync/pushBatch';

const ME = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const OTHER = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const s = (ms: number, d = ME) => formatHlc({ wallMs: ms, counter: 0, deviceId: d });

const records = new Map<string, CurrentRecord>([
  // created at 1, renamed at 2 and 4, phone set at 3
  [
    'a',
    {
      id: 'a',
      clusterId: 'gumi',
      name: '셋째',
      phone: '010',
      kind: 'company',
      deleted: 0,
      hlc: s(4),
      baseHlc: s(1),
      fieldHlc: { name: s(4), phone: s(3) },
    },
  ],
  // an older record (base 0), kind edited here at 5 but overwritten since by a pulled write
  [
    'b',
    {
      id: 'b',
      clusterId: 'gumi',
      name: '비',
      kind: 'university',
      deleted: 0,
      hlc: s(6, OTHER),
      baseHlc: s(0),
      fieldHlc: { kind: s(6, OTHER) },
    },
  ],
]);
const recordOf = (_: string, id: string) => records.get(id);

describe('push batch assembly', () => {
  it('collapses several edits of one record into one change with the first base', () => {
    const writes: PendingWrite[] = [
      { id: s(2), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(1) } },
      { id: s(3), entity: 'organization', recordId: 'a', op: 'update', bases: { phone: s(1) } },
      { id: s(4), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(2) } },
    ];
    const { groups, covered } = collapseWrites(writes, 10);
    expect(covered).toEqual([s(2), s(3), s(4)]);
    expect(assembleMutations(groups, recordOf)).toEqual([
      {
        mutationId: s(4),
        change: {
          entity: 'organization',
          id: 'a',
          clusterId: 'gumi',
          fields: {
            name: { value: '셋째', hlc: s(4), base: s(1) },
            phone: { value: '010', hlc: s(3), base: s(1) },
          },
        },
      },
    ]);
  });

  it('sends every field with base null after a create, and drops fields a pulled write overwrote', () => {
    const writes: PendingWrite[] = [
      { id: s(1), entity: 'organization', recordId: 'a', op: 'create' },
      { id: s(2), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(1) } },
      { id: s(3), entity: 'organization', recordId: 'a', op: 'update', bases: { phone: s(1) } },
      { id: s(4), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(2) } },
      { id: s(5), entity: 'organization', recordId: 'b', op: 'update', bases: { kind: s(0) } },
    ];
    const mutations = assembleMutations(collapseWrites(writes, 10).groups, recordOf);
    expect(mutations).toHaveLength(1); // b has nothing of ours left
    expect(mutations[0]?.change.fields).toEqual({
      name: { value: '셋째', hlc: s(4), base: null },
      phone: { value: '010', hlc: s(3), base: null },
      kind: { value: 'company', hlc: s(1), base: null },
      deleted: { value: 0, hlc: s(1), base: null },
    });
  });

  it('stops before one record too many, leaving later writes of earlier records queued', () => {
    const writes: PendingWrite[] = [
      { id: s(1), entity: 'organization', recordId: 'a', op: 'create' },
      { id: s(2), entity: 'organization', recordId: 'b', op: 'update', bases: { kind: s(0) } },
      { id: s(3), entity: 'organization', recordId: 'c', op: 'create' },
      { id: s(4), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(1) } },
    ];
    const { groups, covered } = collapseWrites(writes, 2);
    expect(groups.map((g) => g.recordId)).toEqual(['a', 'b']);
    expect(covered).toEqual([s(1), s(2)]);
  });

  it('sends a created record whole even when the batch is cut before a later edit of it', () => {
    // Found by the simulation (npm run sim -- --seed 53, before the fix): record a was created
    // at 1 and renamed at 4, the batch was cut before 4, and the create went out without
    // `name`; every other device then kept the record aside (a required field missing) for good.
    const writes: PendingWrite[] = [
      { id: s(1), entity: 'organization', recordId: 'a', op: 'create' },
      { id: s(2), entity: 'organization', recordId: 'b', op: 'update', bases: { kind: s(0) } },
      { id: s(3), entity: 'organization', recordId: 'c', op: 'create' },
      { id: s(4), entity: 'organization', recordId: 'a', op: 'update', bases: { name: s(1) } },
    ];
    const [first] = assembleMutations(collapseWrites(writes, 2).groups, recordOf);
    expect(first?.mutationId).toBe(s(1));
    expect(first?.change.fields).toEqual({
      name: { value: '셋째', hlc: s(4), base: null },
      phone: { value: '010', hlc: s(3), base: null },
      kind: { value: 'company', hlc: s(1), base: null },
      deleted: { value: 0, hlc: s(1), base: null },
    });
  });

  it('sends a record the server lacks whole again, and only once', () => {
    // a's writes came back `unknown_record_incomplete` and stay queued, marked whole
    const writes: PendingWrite[] = [
      {
        id: s(4),
        entity: 'organization',
        recordId: 'a',
        op: 'update',
        bases: { name: s(2) },
        whole: true,
      },
    ];
    const { groups } = collapseWrites(writes, 10);
    const [m] = assembleMutations(groups, recordOf);
    expect(m?.mutationId).toBe(s(4));
    expect(m?.change.fields).toEqual({
      name: { value: '셋째', hlc: s(4), base: null },
      phone: { value: '010', hlc: s(3), base: null },
      kind: { value: 'company', hlc: s(1), base: null },
      deleted: { value: 0, hlc: s(1), base: null },
    });
    expect(wholeRecords(groups)).toEqual(['organization\u0000a']);

    const edit = (id: string, recordId: string) => ({
      mutationId: id,
      change: { entity: 'organization', id: recordId, clusterId: 'gumi', fields: {} },
    });
    const refused = (mutationId: string, reason: string) =>
      ({ mutationId, status: 'refused', reason }) as const;
    const again = resendWhole(
      [edit('m1', 'a'), edit('m2', 'b'), edit('m3', 'c')],
      [
        refused('m1', 'unknown_record_incomplete'),
        refused('m2', 'not_owner'),
        refused('m3', 'unknown_record_incomplete'),
      ],
      ['organization\u0000c'], // c was sent whole already: not again
    );
    expect([...again]).toEqual(['organization\u0000a']);
  });
});
