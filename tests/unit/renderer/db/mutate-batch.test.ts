import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate, type MutateResult } from '../../../../renderer/db/mutate';
import type { Mutation } from '../../../../renderer/db/apply';
import { compareHlc } from '../../../../shared/sync/hlc';
import { countOutbox, readHistory } from '../../../../renderer/db/outbox';
import { WRITE_CHUNK } from '../../../../renderer/db/schema';
import { countRequests, freshDb, orgValues } from './helpers';

const creates = (n: number, from = 0): Mutation[] =>
  Array.from({ length: n }, (_, i) => ({
    entity: 'organization' as const,
    op: 'create' as const,
    id: `org-${from + i}`,
    values: orgValues(from + i),
  }));

function records(result: MutateResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.records;
}

describe('mutate: batches are all or nothing', () => {
  it('writes nothing in any table when one mutation of a batch is invalid', async () => {
    const db = await freshDb();
    const batch = creates(50);
    batch[37] = {
      entity: 'organization',
      op: 'create',
      values: { name: '기관', kind: '없는유형' },
    };
    const result = await mutate(db, batch);
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 37, field: 'kind', message: '기관유형: 목록에 없는 값입니다' }],
    });
    expect(await entityTable(db, 'organization').count()).toBe(0);
    expect((await readHistory(db)).length).toBe(0);
    expect(await countOutbox(db)).toBe(0);
  });

  it('rolls back chunks already written when a later chunk has an invalid mutation', async () => {
    const db = await freshDb();
    const batch = creates(WRITE_CHUNK * 2 + 500);
    const bad = WRITE_CHUNK * 2 + 300;
    batch[bad] = { entity: 'organization', op: 'update', id: 'missing', values: {} };
    const result = await mutate(db, batch);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.index, e.field])).toEqual([[bad, 'id']]);
    expect(await entityTable(db, 'organization').count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls back the records and history when the outbox write fails (one transaction)', async () => {
    const db = await freshDb();
    records(await mutate(db, creates(1)));
    db.outbox.hook('creating', () => {
      throw new Error('disk full'); // simulates a failing write inside the transaction
    });
    await expect(
      mutate(db, [...creates(3, 100), { entity: 'organization', op: 'delete', id: 'org-0' }]),
    ).rejects.toThrow();
    expect(await entityTable(db, 'organization').count()).toBe(1);
    expect(await entityTable(db, 'organization').get('org-0')).toMatchObject({
      deleted: 0,
      version: 1,
    });
    expect((await readHistory(db)).length).toBe(1);
    expect(await countOutbox(db)).toBe(1);
  });
});

describe('mutate: large batches', () => {
  it('reads 5,000 mutations with one bulkGet and writes them in chunks, never per row', async () => {
    let counts: ReturnType<typeof countRequests> = {};
    const db = await freshDb({ beforeOpen: (d) => (counts = countRequests(d)) });
    records(await mutate(db, creates(5_000)));
    for (const k of Object.keys(counts)) delete counts[k];

    const updates: Mutation[] = Array.from({ length: 5_000 }, (_, i) => ({
      entity: 'organization',
      op: 'update',
      id: `org-${i}`,
      values: { employees: i + 1 },
    }));
    const result = records(await mutate(db, updates));
    expect(result).toHaveLength(5_000);
    const chunks = Math.ceil(5_000 / WRITE_CHUNK);
    expect(chunks).toBeLessThan(50);
    expect(counts.organizations).toEqual({ get: 0, getMany: 1, mutate: chunks, rows: 5_000 });
    // history and outbox: one row per chunk, each holding that chunk's entries
    expect(counts.history).toEqual({ get: 0, getMany: 0, mutate: chunks, rows: chunks });
    expect(counts.outbox).toEqual({ get: 0, getMany: 0, mutate: chunks, rows: chunks });
    expect(await countOutbox(db)).toBe(10_000);
    expect(await entityTable(db, 'organization').get('org-4999')).toMatchObject({
      employees: 5_000,
      version: 2,
    });
  });

  it('stamps a batch with strictly increasing HLCs, in mutation order', async () => {
    const db = await freshDb();
    const written = records(await mutate(db, creates(2_000)));
    for (let i = 1; i < written.length; i++) {
      expect(compareHlc(written[i - 1]?.hlc as string, written[i]?.hlc as string)).toBe(-1);
    }
    expect((await readHistory(db)).map((h) => h.id)).toEqual(written.map((r) => r.hlc));
    // Each history row is keyed by its last entry's stamp, so the newest key is the newest stamp.
    expect(await db.history.orderBy(':id').lastKey()).toBe(written.at(-1)?.hlc);
    // The next batch continues after the last stamp.
    const next = records(await mutate(db, creates(1, 9_000)));
    expect(compareHlc(written.at(-1)?.hlc as string, next[0]?.hlc as string)).toBe(-1);
  });

  it('applies several mutations of one record in order within a batch', async () => {
    const db = await freshDb();
    const result = records(
      await mutate(db, [
        { entity: 'organization', op: 'create', id: 'same', values: orgValues(1) },
        { entity: 'organization', op: 'update', id: 'same', values: { name: '바뀐 이름' } },
        { entity: 'organization', op: 'delete', id: 'same' },
      ]),
    );
    expect(result.map((r) => [r.version, r.deleted])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
    expect(await entityTable(db, 'organization').get('same')).toMatchObject({
      name: '바뀐 이름',
      version: 3,
      deleted: 1,
    });
    expect((await readHistory(db)).length).toBe(3);
    expect(await countOutbox(db)).toBe(3);
  });

  it('reports progress, ending with done = total after the commit', async () => {
    const db = await freshDb();
    const calls: Array<[number, number]> = [];
    records(
      await mutate(db, creates(4_500), { onProgress: (done, total) => calls.push([done, total]) }),
    );
    // after each chunk, then once more after the commit
    expect(calls).toEqual([
      [WRITE_CHUNK, 4_500],
      [WRITE_CHUNK * 2, 4_500],
      [WRITE_CHUNK * 3, 4_500],
      [WRITE_CHUNK * 4, 4_500],
      [4_500, 4_500],
    ]);
  });
});
