/**
 * Snapshot formats 2 and 3 (renderer/db/snapshotColumns.ts): records stored as columns come back
 * with the same own keys and values, repetitive strings are stored once, text columns joined and
 * number columns typed (format 3), and a chunk that does not add up is refused rather than misread.
 */
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../../shared/registry';
import {
  assembleSnapshot,
  decodeColumns,
  encodeColumns,
  type ColumnarChunk,
  type SnapshotHeader,
} from '../../../../renderer/db/snapshotColumns';

const record = (i: number, extra: Record<string, unknown> = {}) =>
  ({
    id: `id-${i}`,
    clusterId: 'gumi',
    version: i,
    deleted: 0,
    name: `기업 ${String(i).padStart(3, '0')}`,
    kind: i % 3 === 0 ? '대학' : '기업',
    active: i % 2 === 0,
    tags: [`t${i}`],
    note: null,
    ...extra,
  }) as unknown as StoredRecord;

function chunkOf(records: StoredRecord[], revision = 1, ranks: Int32Array[] = []): ColumnarChunk {
  return {
    key: 'organizations/0',
    revision,
    rows: records.length,
    ...encodeColumns(records),
    ranks,
  };
}

function decode(chunk: ColumnarChunk): StoredRecord[] {
  const out: StoredRecord[] = [];
  expect(decodeColumns(chunk, out)).toBe(true);
  return out;
}

describe('columnar snapshot chunks', () => {
  it('round-trip records: values, nulls, arrays, absent keys and present undefined values', () => {
    const records = Array.from({ length: 40 }, (_, i) => record(i));
    records[3] = record(3, { founded: '2001-01-01' }); // a key only one record has
    records[5] = record(5, { note: undefined }); // present, undefined
    delete (records[7] as Record<string, unknown>).kind; // absent
    delete (records[11] as Record<string, unknown>).clusterId; // absent from a one-value column
    const back = decode(chunkOf(records));
    expect(back).toEqual(records);
    expect('founded' in (back[4] as object)).toBe(false);
    expect('note' in (back[5] as object)).toBe(true);
    expect('kind' in (back[7] as object)).toBe(false);
    expect('clusterId' in (back[11] as object)).toBe(false);
    expect(back[12]?.clusterId).toBe('gumi');
    expect(back[0]).not.toBe(records[0]); // copies, never the input objects
    // toEqual reads an undefined value like an absent key: compare the own keys too.
    const keysOf = (list: readonly object[]) => list.map((r) => Object.keys(r).sort());
    expect(keysOf(back)).toEqual(keysOf(records));
  });

  it('stores a repetitive text field once per distinct value, a unique one plainly', () => {
    const records = Array.from({ length: 100 }, (_, i) => record(i));
    const { fields, columns } = encodeColumns(records);
    const kind = columns[fields.indexOf('kind')];
    expect(kind?.dict).toEqual(['대학', '기업']);
    expect(kind?.index).toBeInstanceOf(Uint16Array);
    const name = columns[fields.indexOf('name')];
    expect(name?.joined?.split('\u0000')).toHaveLength(100); // unique text: one joined string
    expect(name?.dict).toBeUndefined();
    expect(columns[fields.indexOf('version')]?.numbers).toBeInstanceOf(Float64Array);
    const tags = columns[fields.indexOf('tags')];
    expect(tags?.dict).toBeUndefined(); // arrays are never deduplicated
  });

  it('assembles chunks in order with their stored ranks, and refuses what does not add up', () => {
    const all = Array.from({ length: 6 }, (_, i) => record(i));
    const ranks = Int32Array.from([5, 4, 3, 2, 1, 0]);
    const chunks = [
      chunkOf(all.slice(0, 4), 7, [ranks.slice(0, 4)]),
      chunkOf(all.slice(4), 7, [ranks.slice(4)]),
    ];
    const header: SnapshotHeader = {
      key: 'organizations/head',
      revision: 7,
      schemaVersion: 8,
      format: 2,
      chunks: 2,
      rows: 6,
      rankFields: ['name'],
      rankSizes: [6],
    };
    const content = assembleSnapshot(header, chunks, 7);
    expect(content?.records).toEqual(all);
    expect(content?.ranks.get('name')).toEqual({ ranks, size: 6 });

    expect(assembleSnapshot(header, chunks, 8)).toBeUndefined(); // another revision
    expect(assembleSnapshot(header, [chunks[0]], 7)).toBeUndefined(); // a chunk missing
    expect(assembleSnapshot(header, [chunks[0], undefined], 7)).toBeUndefined();
    expect(assembleSnapshot({ ...header, rows: 5 }, chunks, 7)).toBeUndefined();
    // A format-1 chunk (an array of record objects) is not a columnar chunk.
    const oldChunk = { key: 'organizations/0', revision: 7, records: all };
    expect(assembleSnapshot({ ...header, chunks: 1 }, [oldChunk], 7)).toBeUndefined();
    const noRanks = [chunkOf(all.slice(0, 4), 7), chunks[1]];
    expect(assembleSnapshot(header, noRanks, 7)).toBeUndefined();
  });

  it('packs text and number columns and reads them back exactly, through a real structured clone', () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      record(i, { memo: i % 4 === 0 ? '' : `메모 ${i}`, score: [-0, NaN, 1.5, 2 ** 53][i % 4] }),
    );
    delete (records[6] as Record<string, unknown>).memo; // absent in a joined column
    delete (records[9] as Record<string, unknown>).score; // absent in a number column
    const chunk = chunkOf(records);
    const column = (field: string) => chunk.columns[chunk.fields.indexOf(field)];
    expect(typeof column('memo')?.joined).toBe('string');
    expect(column('score')?.numbers).toBeInstanceOf(Float64Array);
    const back = decode(structuredClone(chunk));
    expect(back).toEqual(records);
    expect(Object.is(back[0]?.['score'], -0)).toBe(true);
    expect('memo' in (back[6] as object)).toBe(false);
    expect('score' in (back[9] as object)).toBe(false);
    expect(back[4]?.['memo']).toBe('');
  });

  it('stores a number that every row holds once, and reads it back in every row', () => {
    const records = Array.from({ length: 30 }, (_, i) => record(i, { version: 1, deleted: 0 }));
    delete (records[4] as Record<string, unknown>).version; // absent in one row
    const chunk = chunkOf(records);
    const column = (field: string) => chunk.columns[chunk.fields.indexOf(field)];
    expect(column('deleted')).toEqual({ dict: [0], index: new Uint16Array(30) });
    expect(column('version')?.dict).toEqual([1]);
    expect(column('version')?.numbers).toBeUndefined();
    const back = decode(structuredClone(chunk));
    expect(back).toEqual(records);
    expect('version' in (back[4] as object)).toBe(false);
    expect(back.every((r) => r.deleted === 0)).toBe(true);
    // -0 and 0 are different stored numbers: not one value
    const signed = [record(1, { x: 0 }), record(2, { x: -0 })];
    expect(chunkOf(signed).columns[chunkOf(signed).fields.indexOf('x')]?.numbers).toBeDefined();
  });

  it('keeps a text column holding the separator as plain values, and one-row chunks whole', () => {
    const records = [record(0, { memo: 'a\u0000b' }), record(1, { memo: 'c' })];
    const chunk = chunkOf(records);
    const memo = chunk.columns[chunk.fields.indexOf('memo')];
    expect(memo?.joined).toBeUndefined();
    expect(memo?.values).toEqual(['a\u0000b', 'c']);
    expect(decode(chunk)).toEqual(records);
    const single = [record(7)];
    expect(decode(chunkOf(single))).toEqual(single);
    expect(decode(chunkOf([]))).toEqual([]);
  });

  it('refuses a packed column whose length does not match the chunk', () => {
    const chunk = chunkOf(Array.from({ length: 5 }, (_, i) => record(i)));
    const at = chunk.fields.indexOf('name');
    const short = chunk.columns.map((c, j) => (j === at ? { joined: 'a\u0000b' } : c));
    expect(decodeColumns({ ...chunk, columns: short }, [])).toBe(false);
    const v = chunk.fields.indexOf('version');
    const typed = chunk.columns.map((c, j) => (j === v ? { numbers: new Float64Array(2) } : c));
    expect(decodeColumns({ ...chunk, columns: typed }, [])).toBe(false);
  });
});
