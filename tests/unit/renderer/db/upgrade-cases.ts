/**
 * One case per database version after v1 (Signal Desktop's rule: every migration has a test).
 * versions.test.ts fails when a version in renderer/db/versions.ts has no case here; the cases
 * run in upgrades.test.ts.
 *
 * To add one for version N: `seed` writes rows into the database opened at version N − 1 with
 * plain table puts (mutate() follows the LATEST schema, not the old one), and `check` reads them
 * after the database was reopened at version N. Keep the rows literal: they are what a user's
 * database held, whatever the registry says today.
 */
import type Dexie from 'dexie';
import { expect } from 'vitest';
import { stampedFieldsOf, type StampMeta } from '../../../../shared/sync/recordStamps';

export interface UpgradeCase {
  /** the version upgraded INTO */
  version: number;
  description: string;
  seed(db: Dexie): Promise<void>;
  check(db: Dexie): Promise<void>;
}

export const UPGRADE_CASES: readonly UpgradeCase[] = [
  // v1 is the first schema: nothing to upgrade from.
  {
    version: 2,
    description: 'adds the empty importLog table (checksum indexed), keeps every v1 row',
    async seed(db) {
      await db.table('settings').put({ key: 'clusterId', value: 'gumi' });
      await db.table('organizations').put({
        id: 'org-v1',
        clusterId: 'gumi',
        name: '구미정밀',
        kind: 'company',
        brn: '513-81-12340',
        version: 1,
        deleted: 0,
      });
      await db.table('history').put({ id: 'h1', entries: [{ id: 'h1', recordId: 'org-v1' }] });
    },
    async check(db) {
      expect(await db.table('organizations').get('org-v1')).toMatchObject({ name: '구미정밀' });
      expect(await db.table('settings').get('clusterId')).toEqual({
        key: 'clusterId',
        value: 'gumi',
      });
      expect(await db.table('history').count()).toBe(1);
      const log = db.table('importLog');
      expect(await log.count()).toBe(0);
      await log.put({ id: '01J0000000000000000000000A', checksum: 'abc', fileName: 'a.csv' });
      expect(await log.where('checksum').equals('abc').primaryKeys()).toEqual([
        '01J0000000000000000000000A',
      ]);
    },
  },
  {
    version: 3,
    description: 'adds the empty gridSnapshots and tableRevisions tables, keeps every v2 row',
    async seed(db) {
      await db.table('organizations').put({
        id: 'org-v2',
        clusterId: 'gumi',
        name: '구미정밀',
        kind: 'company',
        version: 1,
        deleted: 0,
      });
      await db.table('importLog').put({ id: 'log-1', checksum: 'abc', fileName: 'a.csv' });
    },
    async check(db) {
      expect(await db.table('organizations').get('org-v2')).toMatchObject({ name: '구미정밀' });
      expect(await db.table('importLog').get('log-1')).toMatchObject({ checksum: 'abc' });
      // No revision row yet: readers treat it as revision 0, and no snapshot exists.
      expect(await db.table('tableRevisions').count()).toBe(0);
      expect(await db.table('gridSnapshots').count()).toBe(0);
      await db.table('tableRevisions').put({ key: 'organizations', revision: 1 });
      expect(await db.table('tableRevisions').get('organizations')).toEqual({
        key: 'organizations',
        revision: 1,
      });
    },
  },
  {
    version: 4,
    description:
      'adds the sync tables (kept aside, conflicts, push batch); every field of a v3 record reads as stamped with its hlc',
    async seed(db) {
      await db.table('organizations').put({
        id: 'org-v3',
        clusterId: 'gumi',
        name: '구미정밀',
        kind: 'company',
        version: 2,
        hlc: '1700000000000-0001-01HZZZZZZZZZZZZZZZZZZZZZZA',
        deviceId: '01HZZZZZZZZZZZZZZZZZZZZZZA',
        deleted: 0,
      });
    },
    async check(db) {
      const row = (await db.table('organizations').get('org-v3')) as Record<string, unknown> &
        StampMeta;
      expect(row).toMatchObject({ name: '구미정밀', version: 2 });
      const stamp = '1700000000000-0001-01HZZZZZZZZZZZZZZZZZZZZZZA';
      // No rewrite of the rows (recordStamps.ts): absent per-field meta means "all at hlc".
      expect(stampedFieldsOf(row)).toEqual({
        name: { value: '구미정밀', hlc: stamp },
        kind: { value: 'company', hlc: stamp },
        deleted: { value: 0, hlc: stamp },
      });
      for (const table of ['syncKeptAside', 'syncConflicts', 'syncPushBatch']) {
        expect(await db.table(table).count()).toBe(0);
      }
      await db.table('syncConflicts').put({ id: 'c1', recordId: 'org-v3' });
      expect(
        await db.table('syncConflicts').where('recordId').equals('org-v3').primaryKeys(),
      ).toEqual(['c1']);
    },
  },
  {
    version: 5,
    description:
      'history rows get recordIds (multiEntry index): one record is found without a scan; entries without who stay as they were',
    async seed(db) {
      await db.table('history').bulkPut([
        {
          id: 'h1',
          entries: [
            { id: 'h0', entity: 'organization', recordId: 'org-a', op: 'create', version: 1 },
            { id: 'h1', entity: 'organization', recordId: 'org-b', op: 'create', version: 1 },
          ],
        },
        {
          id: 'h2',
          entries: [
            { id: 'h2', entity: 'organization', recordId: 'org-a', op: 'update', version: 2 },
          ],
        },
        { id: 'h3', entries: [] }, // malformed rows get an empty list, not a failed upgrade
      ]);
    },
    async check(db) {
      const history = db.table('history');
      expect(await history.get('h1')).toMatchObject({ recordIds: ['org-a', 'org-b'] });
      expect(await history.get('h3')).toMatchObject({ recordIds: [] });
      expect(await history.where('recordIds').equals('org-a').primaryKeys()).toEqual(['h1', 'h2']);
      expect(await history.where('recordIds').equals('org-b').primaryKeys()).toEqual(['h1']);
      const [first] = (await history.get('h2')).entries;
      expect(first).not.toHaveProperty('who');
    },
  },
  {
    version: 6,
    description:
      'adds the empty resourceRequests, resourceDecisions and planMilestones tables (indexed by resource, request and plan), keeps every resource',
    async seed(db) {
      await db.table('resources').put({
        id: 'res-v5',
        clusterId: 'gumi',
        name: '3차원 측정기',
        kind: 'equipment',
        availability: 'available',
        version: 1,
        deleted: 0,
      });
    },
    async check(db) {
      expect(await db.table('resources').get('res-v5')).toMatchObject({ name: '3차원 측정기' });
      expect(await db.table('resourceRequests').count()).toBe(0);
      expect(await db.table('resourceDecisions').count()).toBe(0);
      await db
        .table('resourceRequests')
        .put({ id: 'rq1', clusterId: 'ulsan', resourceId: 'res-v5' });
      await db.table('resourceDecisions').put({ id: 'dc1', clusterId: 'gumi', requestId: 'rq1' });
      expect(
        await db.table('resourceRequests').where('resourceId').equals('res-v5').primaryKeys(),
      ).toEqual(['rq1']);
      expect(
        await db.table('resourceDecisions').where('requestId').equals('rq1').primaryKeys(),
      ).toEqual(['dc1']);
      expect(await db.table('planMilestones').count()).toBe(0);
      await db.table('planMilestones').put({ id: 'pm1', clusterId: 'gumi', planId: 'p1' });
      expect(await db.table('planMilestones').where('planId').equals('p1').primaryKeys()).toEqual([
        'pm1',
      ]);
    },
  },
  {
    // issue 8's companyYears (v8 in the lead's numbering; see renderer/db/versions.ts)
    version: 7,
    description: 'adds the empty companyYears table (companyId indexed), keeps every v4 row',
    async seed(db) {
      await db.table('organizations').put({
        id: 'org-v4',
        clusterId: 'gumi',
        name: '구미정밀',
        kind: 'company',
        version: 1,
        deleted: 0,
      });
      await db.table('syncConflicts').put({ id: 'c1', recordId: 'org-v4' });
    },
    async check(db) {
      expect(await db.table('organizations').get('org-v4')).toMatchObject({ name: '구미정밀' });
      expect(await db.table('syncConflicts').get('c1')).toMatchObject({ recordId: 'org-v4' });
      const years = db.table('companyYears');
      expect(await years.count()).toBe(0);
      await years.put({ id: 'cy1', clusterId: 'gumi', companyId: 'org-v4', year: 2006 });
      expect(await years.where('companyId').equals('org-v4').primaryKeys()).toEqual(['cy1']);
    },
  },
  {
    version: 8,
    description: 'adds the empty monthCloses table ([clusterId+month] indexed), keeps every v7 row',
    async seed(db) {
      await db.table('companyYears').put({ id: 'cy7', clusterId: 'gumi', companyId: 'o7' });
      await db.table('prefs').put({ key: 'report.notes.gumi.2006-03', value: '3월 메모' });
    },
    async check(db) {
      expect(await db.table('companyYears').get('cy7')).toMatchObject({ companyId: 'o7' });
      expect(await db.table('prefs').get('report.notes.gumi.2006-03')).toMatchObject({
        value: '3월 메모',
      });
      const closes = db.table('monthCloses');
      expect(await closes.count()).toBe(0);
      await closes.bulkPut([
        { id: 'c1', clusterId: 'gumi', month: '2006-03', revision: 1 },
        { id: 'c2', clusterId: 'gumi', month: '2006-04', revision: 1 },
        { id: 'c3', clusterId: 'ulsan', month: '2006-03', revision: 1 },
      ]);
      expect(
        await closes.where('[clusterId+month]').equals(['gumi', '2006-03']).primaryKeys(),
      ).toEqual(['c1']);
    },
  },
];
