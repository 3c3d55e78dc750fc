/**
 * The files the exporters write re-import through shared/import with NO changes when the same
 * records already exist: headers map back to the same fields (meta columns recognised),
 * reference titles resolve back to ids, values parse back identically: 0 new, 0 updated.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCsv,
  buildXlsx,
  columnsForEntity,
  type ExportColumn,
  type ExportRow,
} from '../../../../shared/export';
import { previewFile, type ExistingRecord, type RefLookups } from '../../../../shared/import';
import { generateDemoData } from '../../../../shared/demo';
import { getEntity, type EntityName, type StoredRecord } from '../../../../shared/registry';
import { difficulties, organizations } from './fixtures';
import {
  hostileDifficulties,
  hostileExperts,
  hostileOrganizations,
  miniClusters,
} from '../import/roundTripFixtures';

type Writer = (columns: ExportColumn[], rows: readonly ExportRow[]) => Promise<Uint8Array>;

const allOrganizations = [...organizations, ...hostileOrganizations];
const titles = new Map<string, string>([
  ...allOrganizations.map((o) => [o.id, String(o.name)] as const),
  ...hostileExperts.map((e) => [e.id, String(e.name)] as const),
  ...miniClusters.map((m) => [m.id, m.title] as const),
]);
/** What the app would pass in: the records a reference cell may name, by title. */
const refLookups: RefLookups = {
  organization: allOrganizations.map((o) => ({ id: o.id, title: String(o.name) })),
  expert: hostileExperts.map((e) => ({ id: e.id, title: String(e.name) })),
  miniCluster: miniClusters,
};
const resolveRef = (_entity: EntityName, id: string) => titles.get(id);

const formats: Array<[name: string, fileName: string, write: Writer]> = [
  [
    'CSV UTF-8',
    'export.csv',
    async (c, r) => buildCsv(c, r, { encoding: 'utf-8-bom', lang: 'ko', resolveRef }),
  ],
  [
    'CSV CP949',
    'export.csv',
    async (c, r) => buildCsv(c, r, { encoding: 'cp949', lang: 'ko', resolveRef }),
  ],
  [
    'XLSX',
    'export.xlsx',
    (c, r) => buildXlsx(c, r, { sheetName: '기업·기관', lang: 'ko', resolveRef }),
  ],
];

/** The registry fields of a stored record (meta dropped): what an import can compare. */
function fieldValues(entity: EntityName, record: StoredRecord): Record<string, unknown> {
  const keys = new Set(getEntity(entity).fields.map((f) => f.key));
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.has(k)));
}

/** Exports every field plus the meta columns, re-imports against the same records. */
async function roundTrip(
  write: Writer,
  fileName: string,
  entityName: EntityName,
  records: readonly StoredRecord[],
) {
  const entity = getEntity(entityName);
  const keys = [...entity.fields.map((f) => f.key), 'clusterId', 'updatedAt'];
  const bytes = await write(columnsForEntity(entity, 'ko', keys), records);
  const preview = await previewFile(bytes, {
    fileName,
    entity: entityName,
    existing: records as readonly ExistingRecord[],
    refLookups,
  });
  expect(preview.errors).toEqual([]);
  // Korean headers map back to the same fields; the meta columns are recognised, not imported.
  expect(preview.mapping.map((m) => m.field ?? m.meta)).toEqual(keys);
  expect(preview.mapping.slice(-2).map((m) => m.field)).toEqual([null, null]);
  expect(preview.counts).toMatchObject({ new: 0, updated: 0, unchanged: records.length });
  expect(preview.mutations).toEqual([]);
  expect(preview.rows.map((r) => r.id)).toEqual(records.map((o) => o.id));
  preview.rows.forEach((row, i) => {
    expect(row.values).toEqual(fieldValues(entityName, records[i]!));
    expect(row.clusterId).toBe(records[i]!.clusterId);
  });
  return preview;
}

describe.each(formats)('round trip through %s', (_name, fileName, write) => {
  it('re-imports organizations unchanged, hostile names and formula-like texts included', async () => {
    await roundTrip(write, fileName, 'organization', allOrganizations);
  });

  it('re-imports sparse organizations (blank cells under a filled first row) unchanged', async () => {
    // A full record first, then records leaving most optional columns blank: blanks stay blank.
    const rows = [...organizations.slice(1), organizations[0]!, ...hostileOrganizations];
    await roundTrip(write, fileName, 'organization', rows);
  });

  it('re-imports experts unchanged (tags with `/` and `;`, organization titles → ids)', async () => {
    await roundTrip(write, fileName, 'expert', hostileExperts);
  });

  it('re-imports difficulties unchanged (refs, multi-enums, multi-line text, money, dates)', async () => {
    await roundTrip(write, fileName, 'difficulty', [...difficulties, ...hostileDifficulties]);
  });

  it("re-imports the demo data set of every cluster's organizations unchanged", async () => {
    const demo = generateDemoData().find((d) => d.entity === 'organization')!;
    const records = demo.rows.map(
      (r) => ({ ...r.values, id: r.id, clusterId: r.clusterId }) as unknown as StoredRecord,
    );
    const bytes = await write(columnsForEntity(getEntity('organization'), 'ko'), records);
    const preview = await previewFile(bytes, {
      fileName,
      entity: 'organization',
      existing: records as ExistingRecord[],
    });
    expect(preview.errors.slice(0, 3)).toEqual([]);
    expect(preview.counts.unchanged).toBe(records.length);
    expect(preview.mutations).toHaveLength(0);
  });
});

describe('a round trip into an empty store', () => {
  it('creates each record in the cluster its `클러스터` column names, references resolved', async () => {
    const entity = getEntity('difficulty');
    const keys = [...entity.fields.map((f) => f.key), 'clusterId', 'updatedAt'];
    const records = hostileDifficulties.map((d) => ({ ...d, clusterId: 'gwangju' }));
    const bytes = buildCsv(columnsForEntity(entity, 'ko', keys), records, {
      encoding: 'utf-8-bom',
      lang: 'ko',
      resolveRef,
    });
    const preview = await previewFile(bytes, {
      fileName: 'export.csv',
      entity: 'difficulty',
      refLookups,
    });
    expect(preview.errors).toEqual([]);
    expect(preview.mutations).toEqual(
      records.map((r) => ({
        entity: 'difficulty',
        op: 'create',
        clusterId: 'gwangju',
        values: fieldValues('difficulty', r),
      })),
    );
  });

  it('a neutralised text comes back without the export’s leading quote', async () => {
    const entity = getEntity('organization');
    const columns = columnsForEntity(
      entity,
      'ko',
      entity.fields.map((f) => f.key),
    );
    const risky = { ...organizations[2]!, notes: '-5도 저온 시험 통과' };
    const bytes = buildCsv(columns, [organizations[0]!, risky], {
      encoding: 'utf-8-bom',
      lang: 'ko',
    });
    // The file really holds the marker (so a spreadsheet never runs it)…
    expect(new TextDecoder().decode(bytes)).toContain("'-5도 저온 시험 통과");
    const preview = await previewFile(bytes, {
      fileName: 'export.csv',
      entity: 'organization',
      existing: [organizations[0]!, risky] as ExistingRecord[],
    });
    // …and the import gives the stored text back.
    expect(preview.rows[1]).toMatchObject({ status: 'unchanged', changedFields: [] });
    expect(preview.rows[1]!.values.notes).toBe('-5도 저온 시험 통과');
  });
});
