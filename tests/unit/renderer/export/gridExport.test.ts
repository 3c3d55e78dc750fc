/**
 * Grid → file helpers: the grid's displayed columns (in order) become export columns, its rows
 * after filter and sort become the file's rows, references are written as the grid's titles.
 */
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../shared/export';
import { getEntity, type StoredRecord } from '../../../../shared/registry';
import {
  buildExportFile,
  exportColumnsFromGrid,
  exportFileName,
  readGridView,
  resolveRefFrom,
  type GridView,
  type GridViewSource,
} from '../../../../renderer/features/export/gridExport';

const organization = getEntity('organization');
const expert = getEntity('expert');

function record(id: string, values: Record<string, unknown>): StoredRecord {
  return {
    id,
    clusterId: 'gumi',
    version: 1,
    hlc: '0000000000000-0000-dev',
    deviceId: 'dev',
    createdAt: '2006-04-01T00:00:00.000Z',
    updatedAt: '2006-04-01T00:00:00.000Z',
    deleted: 0,
    ...values,
  } as StoredRecord;
}

/** A stand-in for AG Grid's api: columns as displayed, nodes as filtered and sorted. */
function fakeGrid(columnIds: string[], nodes: Array<{ data?: StoredRecord }>): GridViewSource {
  return {
    getAllDisplayedColumns: () => columnIds.map((id) => ({ getColId: () => id })),
    forEachNodeAfterFilterAndSort: (cb) => nodes.forEach(cb),
  };
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readGridView', () => {
  it('takes the displayed columns in order and the rows the grid iterates, skipping empty nodes', () => {
    const b = record('b', { name: '나' });
    const a = record('a', { name: '가' });
    const view = readGridView(fakeGrid(['name', 'clusterId'], [{ data: b }, {}, { data: a }]));
    expect(view).toEqual({ columnIds: ['name', 'clusterId'], rows: [b, a] });
    expect(view.rows[0]).toBe(b); // the grid's own objects, no copies
  });
});

describe('exportColumnsFromGrid', () => {
  it('keeps the grid order, meta columns included, and drops what is not a field', () => {
    const columns = exportColumnsFromGrid(
      organization,
      ['employees', 'name', 'computed', 'clusterId', 'updatedAt'],
      'ko',
    );
    expect(columns.map((c) => [c.key, c.header])).toEqual([
      ['employees', expect.any(String)],
      ['name', '기관명'],
      ['clusterId', '클러스터'],
      ['updatedAt', '수정일'],
    ]);
  });

  it('falls back to every field when no column is displayed', () => {
    const columns = exportColumnsFromGrid(organization, [], 'ko');
    expect(columns.map((c) => c.key)).toEqual(organization.fields.map((f) => f.key));
  });
});

describe('exportFileName', () => {
  it('names the file after the entity in Korean and the local day', () => {
    const day = new Date(2006, 3, 1, 23, 59);
    expect(exportFileName(organization, 'xlsx', day)).toBe('기업·기관-20060401.xlsx');
    expect(exportFileName(organization, 'csv-utf8', day)).toBe('기업·기관-20060401.csv');
    expect(exportFileName(organization, 'csv-cp949', day)).toBe('기업·기관-20060401-cp949.csv');
  });
});

describe('buildExportFile', () => {
  const titles = { organization: new Map([['org-1', '한국광기술원']]) };
  const view: GridView = {
    columnIds: ['name', 'organizationId', 'expertise'],
    rows: [
      record('e2', { name: '이조명', organizationId: 'org-1', expertise: ['LED', '조명'] }),
      record('e1', { name: '김연삭', organizationId: 'gone', expertise: ['연삭'] }),
    ],
  };
  const now = new Date(2006, 3, 1);

  it('CSV UTF-8: BOM, Korean headers, rows in the view order, references as titles', async () => {
    const file = await buildExportFile({
      entity: expert,
      format: 'csv-utf8',
      view,
      lang: 'ko',
      titles,
      now,
    });
    expect(file.name).toBe('전문가-20060401.csv');
    expect(file.mime).toBe('text/csv');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = decode(file.bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '성명,소속기관,전문분야',
      '이조명,한국광기술원,"LED, 조명"',
      '김연삭,gone,연삭',
    ]);
  });

  it('CP949: a character it cannot hold is an ExportError naming row and column', async () => {
    const withEmoji: GridView = { columnIds: ['name'], rows: [record('x', { name: '웃음😀' })] };
    const build = buildExportFile({
      entity: expert,
      format: 'csv-cp949',
      view: withEmoji,
      lang: 'ko',
      titles,
      now,
    });
    await expect(build).rejects.toBeInstanceOf(ExportError);
    await expect(build).rejects.toThrow(/2행 A열\(성명\)/);
  });

  it('XLSX: a ZIP workbook named like the CSV', async () => {
    const file = await buildExportFile({
      entity: expert,
      format: 'xlsx',
      view,
      lang: 'ko',
      titles,
      now,
    });
    expect(file.name).toBe('전문가-20060401.xlsx');
    expect(decode(file.bytes.slice(0, 2))).toBe('PK');
  });

  it('resolveRefFrom answers null for an unknown id (the id is then written)', () => {
    const resolve = resolveRefFrom(titles);
    expect(resolve('organization', 'org-1')).toBe('한국광기술원');
    expect(resolve('organization', 'nope')).toBeNull();
    expect(resolveRefFrom(undefined)('organization', 'org-1')).toBeNull();
  });
});
