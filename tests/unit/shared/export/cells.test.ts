import { describe, expect, it } from 'vitest';
import {
  columnsForEntity,
  exportCell,
  neutraliseFormula,
  type ExportColumn,
} from '../../../../shared/export';
import { getEntity, type EntityDef } from '../../../../shared/registry';

const ctx = {
  lang: 'ko' as const,
  resolveRef: (_e: string, id: string) => (id === 'org-1' ? '금오정밀(주)' : null),
};
const col = (kind: ExportColumn['kind'], extra: Partial<ExportColumn> = {}): ExportColumn => ({
  key: 'x',
  header: 'X',
  kind,
  ...extra,
});

describe('neutraliseFormula (OWASP / ASVS 5.0 formula injection)', () => {
  it.each(['=1+1', '+82 54', '-5', '@SUM(A1)', '\tx', '\rx', '\nx', '\0x'])(
    'prefixes a quote to %j',
    (s) => expect(neutraliseFormula(s)).toBe(`'${s}`),
  );
  it.each(['금오정밀', '01110', ' =1', "'quoted", 'a=b', ''])('leaves %j alone', (s) =>
    expect(neutraliseFormula(s)).toBe(s),
  );
});

describe('exportCell', () => {
  it('keeps genuine numbers numbers, negative ones included, with their formats', () => {
    expect(exportCell(col('money'), -5, ctx)).toEqual({
      type: 'number',
      value: -5,
      numFmt: '#,##0',
    });
    expect(exportCell(col('integer'), 1086, ctx)).toMatchObject({ type: 'number', value: 1086 });
    expect(exportCell(col('percent'), 78.7, ctx)).toEqual({
      type: 'number',
      value: 78.7,
      numFmt: '0.0"%"',
    });
    expect(exportCell(col('decimal'), 1.5, ctx)).toMatchObject({ type: 'number', value: 1.5 });
  });

  it('turns a non-number in a number column into neutralised text, never a number', () => {
    expect(exportCell(col('money'), '-5', ctx)).toEqual({ type: 'text', text: "'-5" });
    expect(exportCell(col('money'), Number.NaN, ctx)).toEqual({ type: 'text', text: 'NaN' });
  });

  it('writes real ISO dates as dates and anything else as the text it is', () => {
    expect(exportCell(col('date'), '2006-04-01', ctx)).toEqual({ type: 'date', iso: '2006-04-01' });
    expect(exportCell(col('date'), '2006-02-30', ctx)).toEqual({
      type: 'text',
      text: '2006-02-30',
    });
  });

  it('keeps codes as text with their zeros', () => {
    expect(exportCell(col('ksic'), '01110', ctx)).toEqual({ type: 'text', text: '01110' });
    expect(exportCell(col('brn'), '123-45-67890', ctx)).toEqual({
      type: 'text',
      text: '123-45-67890',
    });
    expect(exportCell(col('phone'), '+82-54-123-4567', ctx)).toEqual({
      type: 'text',
      text: "'+82-54-123-4567",
    });
  });

  it('writes enums as labels, booleans as 예/아니오, lists joined with ", "', () => {
    expect(exportCell(col('enum', { enumId: 'orgKind' }), 'company', ctx)).toEqual({
      type: 'text',
      text: '기업',
    });
    expect(exportCell(col('enum', { enumId: 'orgKind' }), 'company', { lang: 'en' })).toEqual({
      type: 'text',
      text: 'Company',
    });
    expect(exportCell(col('enum', { enumId: 'orgKind' }), 'nope', ctx)).toEqual({
      type: 'text',
      text: 'nope',
    });
    expect(
      exportCell(col('multiEnum', { enumId: 'supportType' }), ['guidance', 'testing'], ctx),
    ).toEqual({ type: 'text', text: '기술지도, 시험·분석' });
    expect(exportCell(col('boolean'), true, ctx)).toEqual({ type: 'text', text: '예' });
    expect(exportCell(col('boolean'), false, ctx)).toEqual({ type: 'text', text: '아니오' });
    expect(exportCell(col('boolean'), false, { lang: 'en' })).toEqual({ type: 'text', text: 'No' });
    expect(exportCell(col('tags'), ['LED', '조명'], ctx)).toEqual({
      type: 'text',
      text: 'LED, 조명',
    });
  });

  it('resolves references to titles (the id when unknown), neutralising hostile titles', () => {
    const ref = col('ref', { ref: 'organization' });
    expect(exportCell(ref, 'org-1', ctx)).toEqual({ type: 'text', text: '금오정밀(주)' });
    expect(exportCell(ref, 'org-9', ctx)).toEqual({ type: 'text', text: 'org-9' });
    const refs = col('refs', { ref: 'organization' });
    expect(exportCell(refs, ['org-1', 'org-9'], ctx)).toEqual({
      type: 'text',
      text: '금오정밀(주), org-9',
    });
    const hostile = { lang: 'ko' as const, resolveRef: () => '=HYPERLINK("http://x")' };
    expect(exportCell(ref, 'org-1', hostile)).toEqual({
      type: 'text',
      text: '\'=HYPERLINK("http://x")',
    });
  });

  it('writes the meta columns: cluster by its name, updatedAt in local time to the minute', () => {
    const [cluster, updated] = columnsForEntity(getEntity('organization'), 'ko', [
      'clusterId',
      'updatedAt',
    ]);
    expect(exportCell(cluster!, 'gumi', ctx)).toEqual({ type: 'text', text: '구미' });
    const at = new Date(2006, 3, 1, 9, 5, 7);
    expect(exportCell(updated!, at.toISOString(), ctx)).toMatchObject({
      type: 'datetime',
      local: '2006-04-01 09:05',
      parts: { year: 2006, month: 4, day: 1, hour: 9, minute: 5, second: 7 },
    });
    expect(exportCell(updated!, 'not a time', ctx)).toEqual({ type: 'text', text: 'not a time' });
  });

  it('leaves blanks blank', () => {
    for (const v of [null, undefined, ''])
      expect(exportCell(col('text'), v, ctx)).toEqual({ type: 'empty' });
  });
});

describe('columnsForEntity', () => {
  const org = getEntity('organization');

  it('defaults to every field in declaration order with Korean labels', () => {
    const cols = columnsForEntity(org);
    expect(cols.map((c) => c.key)).toEqual(org.fields.map((f) => f.key));
    expect(cols[1]).toEqual({ key: 'kind', header: '기관유형', kind: 'enum', enumId: 'orgKind' });
    expect(cols.find((c) => c.key === 'exportsUsd')).toMatchObject({ kind: 'money', unit: 'USD' });
  });

  it('follows the visible keys in display order, with meta columns, skipping unknown and repeated keys', () => {
    const cols = columnsForEntity(org, 'ko', [
      'updatedAt',
      'name',
      'computed',
      'clusterId',
      'name',
    ]);
    expect(cols).toEqual([
      { key: 'updatedAt', header: '수정일', kind: 'meta' },
      { key: 'name', header: '기관명', kind: 'text' },
      { key: 'clusterId', header: '클러스터', kind: 'meta', enumId: 'recordOwner' },
    ]);
    expect(columnsForEntity(org, 'en', ['name', 'clusterId']).map((c) => c.header)).toEqual([
      'Name',
      'Cluster',
    ]);
  });

  it('uses exportHeader for Korean exports and keeps references pointing at their entity', () => {
    const custom: EntityDef = {
      ...org,
      fields: [{ ...org.fields[0]!, exportHeader: '업체명' }],
    };
    expect(columnsForEntity(custom)[0]!.header).toBe('업체명');
    expect(columnsForEntity(custom, 'en')[0]!.header).toBe('Name');
    const companyCol = columnsForEntity(getEntity('difficulty'), 'ko', ['companyId'])[0];
    expect(companyCol).toEqual({
      key: 'companyId',
      header: '신청기업',
      kind: 'ref',
      ref: 'organization',
    });
  });
});
