import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { getDeviceId } from '../../../../renderer/db/settings';
import {
  countOutbox,
  queryRecordHistory,
  readHistory,
  readOutbox,
} from '../../../../renderer/db/outbox';
import { compareHlc, isHlc, parseHlc } from '../../../../shared/sync/hlc';
import { freshDb, orgValues, validBrn } from './helpers';

const wrongCheckDigit = (brn: string) => brn.slice(0, -1) + ((Number(brn.slice(-1)) + 1) % 10);

describe('mutate: create', () => {
  it('writes the validated record with its bookkeeping, one history and one outbox entry', async () => {
    const db = await freshDb();
    const result = await mutate(db, [
      {
        entity: 'organization',
        op: 'create',
        values: { ...orgValues(1), brn: validBrn(13).replace(/-/g, '') },
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [created] = result.records;
    const deviceId = await getDeviceId(db);
    const stored = await entityTable(db, 'organization').get(created?.id ?? '');
    expect(stored).toEqual(created);
    expect(stored).toMatchObject({
      name: '기관 1',
      kind: 'company',
      brn: validBrn(13), // normalised by the registry schema
      clusterId: 'gumi', // from settings
      version: 1,
      deviceId,
      deleted: 0,
    });
    expect(stored?.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/); // a ULID
    expect(isHlc(stored?.hlc)).toBe(true);
    expect(parseHlc(stored?.hlc as string).deviceId).toBe(deviceId);
    expect(new Date(stored?.createdAt as string).toISOString()).toBe(stored?.createdAt);
    expect(stored?.updatedAt).toBe(stored?.createdAt);

    expect(await readHistory(db)).toEqual([
      {
        id: stored?.hlc,
        entity: 'organization',
        recordId: stored?.id,
        op: 'create',
        version: 1,
        before: null,
      },
    ]);
    expect(await readOutbox(db)).toEqual([
      {
        id: stored?.hlc,
        hlc: stored?.hlc,
        entity: 'organization',
        recordId: stored?.id,
        op: 'create',
        version: 1,
      },
    ]);
  });

  it('keeps an explicit id and cluster', async () => {
    const db = await freshDb();
    const result = await mutate(db, [
      {
        entity: 'organization',
        op: 'create',
        id: 'org-fixed',
        clusterId: 'ulsan',
        values: orgValues(2),
      },
    ]);
    expect(result.ok && result.records[0]).toMatchObject({ id: 'org-fixed', clusterId: 'ulsan' });
  });

  it('refuses a create with an id that exists, and one without any cluster', async () => {
    const db = await freshDb({ clusterId: null });
    const first = await mutate(db, [
      { entity: 'organization', op: 'create', id: 'dup', clusterId: 'gumi', values: orgValues(1) },
    ]);
    expect(first.ok).toBe(true);
    const again = await mutate(db, [
      { entity: 'organization', op: 'create', id: 'dup', clusterId: 'gumi', values: orgValues(2) },
      { entity: 'organization', op: 'create', values: orgValues(3) },
    ]);
    expect(again).toEqual({
      ok: false,
      errors: [
        { index: 0, field: 'id', message: '같은 id의 항목이 이미 있습니다 (id: dup)' },
        { index: 1, field: 'clusterId', message: expect.stringContaining('클러스터') },
      ],
    });
    expect(await entityTable(db, 'organization').get('dup')).toMatchObject({ name: '기관 1' });
  });
});

describe('mutate: update, delete, restore', () => {
  async function withOrg() {
    const db = await freshDb();
    const created = await mutate(db, [
      { entity: 'organization', op: 'create', values: orgValues(1, { representative: '김대표' }) },
    ]);
    if (!created.ok) throw new Error('setup failed');
    return { db, org: created.records[0] as NonNullable<(typeof created.records)[0]> };
  }

  it('merges a patch onto the current record and bumps the version', async () => {
    const { db, org } = await withOrg();
    const result = await mutate(db, [
      {
        entity: 'organization',
        op: 'update',
        id: org.id,
        values: { employees: '1,234', representative: '' },
      },
    ]);
    expect(result.ok).toBe(true);
    const stored = await entityTable(db, 'organization').get(org.id);
    expect(stored).toMatchObject({
      name: '기관 1',
      employees: 1234,
      version: 2,
      createdAt: org.createdAt,
    });
    expect(stored).not.toHaveProperty('representative'); // a blank value clears the field
    expect(compareHlc(org.hlc, stored?.hlc as string)).toBe(-1);

    const history = await queryRecordHistory(db, 'organization', org.id);
    expect(history.map((h) => [h.op, h.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    // Only the before-image of what changed.
    expect(history[1]?.before).toEqual({ employees: 1, representative: '김대표' });
    expect(await countOutbox(db)).toBe(2);
  });

  it('tombstones on delete and undoes it on restore', async () => {
    const { db, org } = await withOrg();
    await mutate(db, [{ entity: 'organization', op: 'delete', id: org.id }]);
    expect(await entityTable(db, 'organization').get(org.id)).toMatchObject({
      deleted: 1,
      version: 2,
      name: '기관 1',
    });
    await mutate(db, [{ entity: 'organization', op: 'restore', id: org.id }]);
    expect(await entityTable(db, 'organization').get(org.id)).toMatchObject({
      deleted: 0,
      version: 3,
      name: '기관 1',
    });
    const ops = (await readHistory(db)).map((h) => [h.op, h.before]);
    expect(ops).toEqual([
      ['create', null],
      ['delete', { deleted: 0 }],
      ['restore', { deleted: 1 }],
    ]);
    expect((await readOutbox(db)).map((o) => o.op)).toEqual(['create', 'delete', 'restore']);
  });

  it('reports updating, deleting or restoring a missing id as an error', async () => {
    const db = await freshDb();
    const result = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'nope', values: { name: 'x' } },
      { entity: 'organization', op: 'delete', id: 'nope' },
      { entity: 'organization', op: 'restore', id: 'nope' },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [0, 1, 2].map((index) => ({
        index,
        field: 'id',
        message: '해당 항목을 찾을 수 없습니다 (id: nope)',
      })),
    });
  });

  it('validates the merged record, not only the patch', async () => {
    const { db, org } = await withOrg();
    const result = await mutate(db, [
      { entity: 'organization', op: 'update', id: org.id, values: { name: '  ' } },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 0, field: 'name', message: '기관명을(를) 입력하세요' }],
    });
    expect(await entityTable(db, 'organization').get(org.id)).toEqual(org);
  });

  it('ignores bookkeeping fields in a patch (only mutate() writes them)', async () => {
    const { db, org } = await withOrg();
    await mutate(db, [
      {
        entity: 'organization',
        op: 'update',
        id: org.id,
        values: { version: 99, clusterId: 'ulsan', deleted: 1 },
      },
    ]);
    expect(await entityTable(db, 'organization').get(org.id)).toMatchObject({
      version: 2,
      clusterId: 'gumi',
      deleted: 0,
    });
  });
});

describe('mutate: validation and origins', () => {
  it('returns every error with its index and Korean message, and writes nothing', async () => {
    const db = await freshDb();
    const result = await mutate(db, [
      { entity: 'organization', op: 'create', values: orgValues(1) },
      {
        entity: 'organization',
        op: 'create',
        values: { kind: 'company', brn: wrongCheckDigit(validBrn(2)) },
      },
      { entity: 'organization', op: 'create', values: orgValues(3, { employees: '많음' }) },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { index: 1, field: 'name', message: '기관명을(를) 입력하세요' },
        { index: 1, field: 'brn', message: '사업자등록번호 검증숫자가 맞지 않습니다' },
        { index: 2, field: 'employees', message: '종업원수에는 숫자를 입력하세요' },
      ],
    });
    expect(await entityTable(db, 'organization').count()).toBe(0);
    expect((await readHistory(db)).length).toBe(0);
    expect(await countOutbox(db)).toBe(0);
  });

  it('answers in English when asked', async () => {
    const db = await freshDb();
    const result = await mutate(
      db,
      [{ entity: 'organization', op: 'create', values: { kind: 'company' } }],
      {
        lang: 'en',
      },
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 0, field: 'name', message: 'Name is required' }],
    });
  });

  it.each(['demo'] as const)(
    'does not queue %s writes in the outbox, but keeps history',
    async (origin) => {
      const db = await freshDb();
      const result = await mutate(
        db,
        [{ entity: 'organization', op: 'create', values: orgValues(1) }],
        { origin },
      );
      expect(result.ok).toBe(true);
      expect(await entityTable(db, 'organization').count()).toBe(1);
      expect((await readHistory(db)).length).toBe(1);
      expect(await countOutbox(db)).toBe(0);
    },
  );

  it.each(['local', 'import'] as const)('queues %s writes in the outbox', async (origin) => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }], { origin });
    expect(await countOutbox(db)).toBe(1);
  });

  it('refuses a create with an existing id from every origin (pulls go through applyRemote)', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'r1', values: orgValues(1) }]);
    for (const origin of ['local', 'import', 'demo'] as const) {
      const result = await mutate(
        db,
        [
          {
            entity: 'organization',
            op: 'create',
            id: 'r1',
            values: orgValues(1, { name: '새 이름' }),
          },
        ],
        { origin },
      );
      expect(result.ok).toBe(false);
    }
    expect(await entityTable(db, 'organization').get('r1')).toMatchObject({
      name: '기관 1',
      version: 1,
    });
  });
});
