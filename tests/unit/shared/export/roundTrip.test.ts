/**
 * The files the exporters write re-import through shared/import with NO changes when the same
 * records already exist: headers map back to the same fields, values parse back identically.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCsv,
  buildXlsx,
  columnsForEntity,
  type ExportColumn,
  type ExportRow,
} from '../../../../shared/export';
import { previewFile, type ExistingRecord } from '../../../../shared/import';
import { generateDemoData } from '../../../../shared/demo';
import { getEntity, type EntityName, type StoredRecord } from '../../../../shared/registry';
import { difficulties, organizations } from './fixtures';

type Writer = (columns: ExportColumn[], rows: readonly ExportRow[]) => Promise<Uint8Array>;

const resolveRef = (_entity: EntityName, id: string) => `title of ${id}`;
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

describe.each(formats)('round trip through %s', (_name, fileName, write) => {
  it('re-imports organizations unchanged, every field (and the meta columns) included', async () => {
    const entity = getEntity('organization');
    const keys = [...entity.fields.map((f) => f.key), 'clusterId', 'updatedAt'];
    const columns = columnsForEntity(entity, 'ko', keys);
    const bytes = await write(columns, organizations);
    const preview = await previewFile(bytes, {
      fileName,
      entity: 'organization',
      existing: organizations as ExistingRecord[],
    });
    expect(preview.errors).toEqual([]);
    // Korean headers map back to the same fields; the meta columns are not imported.
    expect(preview.mapping.map((m) => m.field)).toEqual([
      ...entity.fields.map((f) => f.key),
      null,
      null,
    ]);
    expect(preview.counts.unchanged).toBe(organizations.length);
    expect(preview.mutations).toEqual([]);
    expect(preview.rows.map((r) => r.id)).toEqual(organizations.map((o) => o.id));
    preview.rows.forEach((row, i) => {
      expect(row.values).toEqual(fieldValues('organization', organizations[i]!));
    });
  });

  it('re-imports difficulties unchanged (dates, money, decimals, enums, multi-enums)', async () => {
    const entity = getEntity('difficulty');
    // Reference columns export titles, which shared/import cannot resolve back to ids yet: they
    // are left out here and the company given as the import default (see refs in xlsx.test.ts).
    const keys = entity.fields
      .filter((f) => f.kind !== 'ref' && f.kind !== 'refs')
      .map((f) => f.key);
    const bytes = await write(columnsForEntity(entity, 'ko', keys), difficulties);
    const preview = await previewFile(bytes, {
      fileName,
      entity: 'difficulty',
      existing: difficulties as ExistingRecord[],
      defaults: { companyId: 'org-1' },
    });
    expect(preview.errors).toEqual([]);
    expect(preview.mapping.map((m) => m.field)).toEqual(keys);
    expect(preview.counts.unchanged).toBe(difficulties.length);
    expect(preview.mutations).toEqual([]);
    preview.rows.forEach((row, i) => {
      expect(row.values).toEqual(fieldValues('difficulty', difficulties[i]!));
    });
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

describe('what the import side cannot read back unchanged (documented, tested as is)', () => {
  const entity = getEntity('organization');
  const columns = columnsForEntity(entity, 'ko', [...entity.fields.map((f) => f.key), 'updatedAt']);

  it('a neutralised text comes back with its leading quote, shown as an update', async () => {
    const risky = { ...organizations[2]!, notes: '-5도 저온 시험 통과' };
    const bytes = buildCsv(columns, [organizations[0]!, risky], {
      encoding: 'utf-8-bom',
      lang: 'ko',
    });
    const preview = await previewFile(bytes, {
      fileName: 'export.csv',
      entity: 'organization',
      existing: [organizations[0]!, risky] as ExistingRecord[],
    });
    expect(preview.rows[1]).toMatchObject({ status: 'updated', changedFields: ['notes'] });
    expect(preview.rows[1]!.values.notes).toBe("'-5도 저온 시험 통과");
  });

  // shared/import/table.ts fills a sparse column down ("same as above") when its first data cell
  // is filled and a dense column lies to its right: blank cells of an export then take the value
  // above them. Owned by the import side (reported); remove `.fails` once it is fixed.
  it.fails('sparse columns under a filled first row re-import unchanged', async () => {
    const rows = [...organizations.slice(1), organizations[0]!];
    const bytes = buildCsv(columns, rows, { encoding: 'utf-8-bom', lang: 'ko' });
    const preview = await previewFile(bytes, {
      fileName: 'export.csv',
      entity: 'organization',
      existing: rows as ExistingRecord[],
    });
    expect(preview.counts.unchanged).toBe(rows.length);
  });
});
