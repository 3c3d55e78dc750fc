/** A database with something in EVERY table, for the backup tests. */
import { setPref } from '../../../../renderer/db/queries';
import { mutate } from '../../../../renderer/db/mutate';
import { setSetting } from '../../../../renderer/db/settings';
import type { PumasiDb } from '../../../../renderer/db/db';
import { orgValues } from '../db/helpers';
import { addMonthClose } from '../../../../renderer/db/monthCloses';
import { makeMonthClose } from '../../../../shared/report/close';
import { buildMonthlyReport, type ReportRecords } from '../../../../shared/report/monthly';

/**
 * Records of two entities (one deleted: a tombstone, one edited: version 2), their history and
 * outbox (a local write), a demo write (history only), an import with its log entry, settings
 * prefs and a closed month.
 */
export async function seedEveryTable(db: PumasiDb): Promise<void> {
  const created = await mutate(db, [
    { entity: 'organization', op: 'create', id: 'org-1', values: orgValues(1) },
    { entity: 'organization', op: 'create', id: 'org-2', values: orgValues(2) },
    {
      entity: 'expert',
      op: 'create',
      id: 'exp-1',
      values: { name: '김연삭', organizationId: 'org-1', expertise: ['정밀연삭', '금형'] },
    },
  ]);
  if (!created.ok) throw new Error(JSON.stringify(created));
  // From here on history entries record who made them; the ones above have no `who` (as entries
  // written before profiles existed): a backup holds both and must restore both.
  await setSetting(db, 'profile', { name: '김수석', role: 'chiefCoordinator' });
  const edited = await mutate(db, [
    { entity: 'organization', op: 'update', id: 'org-1', values: { name: '금오정밀(주)' } },
    { entity: 'organization', op: 'delete', id: 'org-2' },
  ]);
  if (!edited.ok) throw new Error(JSON.stringify(edited));
  const demo = await mutate(
    db,
    [{ entity: 'organization', op: 'create', id: 'org-demo', values: orgValues(3) }],
    { origin: 'demo' },
  );
  if (!demo.ok) throw new Error(JSON.stringify(demo));
  const imported = await mutate(
    db,
    [{ entity: 'organization', op: 'create', id: 'org-imp', values: orgValues(4) }],
    {
      origin: 'import',
      importLog: {
        fileName: '기업목록.csv',
        checksum: 'c0ffee',
        entity: 'organization',
        counts: { new: 1, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, error: 0 },
      },
    },
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  await setSetting(db, 'lang', 'ko');
  await setSetting(db, 'firstRunDone', true);
  await setPref(db, 'grid:organization', { columns: [{ colId: 'name', width: 200 }], filter: {} });
  const none = [] as const;
  const records: ReportRecords = {
    difficulty: none,
    activity: none,
    successCase: none,
    resource: none,
    plan: none,
    miniCluster: none,
    organization: none,
    indicator: none,
  };
  const model = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records });
  await addMonthClose(db, (closes) =>
    makeMonthClose({
      id: '01HQCLOSE000000000000000001',
      model,
      closes,
      closedAt: '2006-04-01T09:00:00.000Z',
      closedBy: { name: '김수석', role: 'chiefCoordinator' },
      lang: 'ko',
      signoff: [{ label: '담당', name: '김수석' }],
      notes: '3월 특이사항',
    }),
  );
}
