/**
 * Issue 6, "what went wrong": one regression test per failure seen on real public files.
 */
import { describe, expect, it } from 'vitest';
import { previewFile, type ExistingRecord } from '../../../../shared/import';
import { mappingReasonText } from '../../../../shared/import/explain';
import { getEntity } from '../../../../shared/registry';
import { utf8 } from './helpers';

const csv = (lines: string[]) => utf8(lines.join('\n') + '\n');

describe('natural keys: blank = blank, never the title alone', () => {
  it('imports three cluster-level metrics of one month as three indicators', async () => {
    const bytes = csv([
      '지표,기간유형,기간,값',
      '생산액,월,2026-03,1000',
      '수출액,월,2026-03,2000',
      '고용,월,2026-03,300',
    ]);
    const p = await previewFile(bytes, { fileName: 'i.csv', entity: 'indicator' });
    expect(p.counts).toMatchObject({ new: 3, duplicate: 0, error: 0 });
    // Re-imported into a database holding them: each matches its own metric, nothing changes.
    const existing = p.mutations.map((m, i): ExistingRecord => ({ id: `r${i}`, ...m.values }));
    const again = await previewFile(bytes, { fileName: 'i.csv', entity: 'indicator', existing });
    expect(again.counts).toMatchObject({ new: 0, unchanged: 3, updated: 0 });
    expect(again.rows.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
  });

  it('says which key a duplicate row shares in words, not as an internal key', async () => {
    const bytes = csv(['지표,기간유형,기간,값', '생산액,분기,2026-Q1,1', '생산액,분기,2026-Q1,2']);
    const p = await previewFile(bytes, { fileName: 'i.csv', entity: 'indicator' });
    expect(p.notes.map((n) => n.text)).toEqual([
      '3행: 2행과 같은 항목입니다 (지표 생산액 · 기간 2026-Q1 · 산업단지 (빈 값) · 업종그룹 (빈 값))',
    ]);
  });

  it('keeps two companies of one name and address apart when their BRNs differ', async () => {
    const existing: ExistingRecord[] = [
      { id: 'a', name: '가온정밀', kind: 'company', brn: '123-45-67891', address: '구미시 1' },
    ];
    const bytes = csv(['기업명,사업자등록번호,주소,기관유형', '가온정밀,2148654322,구미시 1,기업']);
    const p = await previewFile(bytes, { fileName: 'o.csv', entity: 'organization', existing });
    expect(p.rows[0]!.status).toBe('new');
  });
});

describe('a weak key (an expert by name alone) is offered, never merged', () => {
  const existing: ExistingRecord[] = [
    { id: 'x1', name: '김광수', expertise: ['조명'], email: 'kim@kopti.re.kr' },
  ];
  const bytes = csv(['성명,전문분야,전화번호', '김광수,LED,062-123-4567']);

  it('creates a new expert and lists the existing one as "같은 사람일 수 있음"', async () => {
    const p = await previewFile(bytes, { fileName: 'e.csv', entity: 'expert', existing });
    expect(p.rows[0]).toMatchObject({ status: 'new', maybeSame: [{ id: 'x1', title: '김광수' }] });
    expect(p.mutations).toEqual([
      { entity: 'expert', op: 'create', values: expect.objectContaining({ name: '김광수' }) },
    ]);
    expect(p.possibleMatches).toHaveLength(1);
    expect(p.possibleMatches[0]!.text).toContain('같은 사람일 수 있음');
  });

  it('merges only when the user says it is the same person', async () => {
    const p = await previewFile(bytes, {
      fileName: 'e.csv',
      entity: 'expert',
      existing,
      sameAs: { 2: 'x1' },
    });
    expect(p.rows[0]).toMatchObject({ status: 'updated', id: 'x1' });
    expect(p.mutations).toEqual([
      {
        entity: 'expert',
        op: 'update',
        id: 'x1',
        values: { expertise: ['LED'], phone: '062-123-4567' },
      },
    ]);
  });
});

describe('defaults fill new records only', () => {
  const existing: ExistingRecord[] = [
    { id: 'u1', name: '한빛대학교', kind: 'university', address: '광주 북구 1', employees: 10 },
  ];
  const bytes = csv(['기관명,주소,종업원수', '한빛대학교,광주 북구 1,12', '가온정밀,구미시 2,40']);

  it('leaves a matched university a university when 기관유형 = 기업 is the default', async () => {
    const p = await previewFile(bytes, {
      fileName: 'u.csv',
      entity: 'organization',
      existing,
      defaults: { kind: 'company' },
    });
    expect(p.mutations).toEqual([
      { entity: 'organization', op: 'update', id: 'u1', values: { employees: 12 } },
      {
        entity: 'organization',
        op: 'create',
        values: { name: '가온정밀', kind: 'company', address: '구미시 2', employees: 40 },
      },
    ]);
    expect(p.updates).toEqual([
      expect.objectContaining({
        row: 2,
        title: '한빛대학교',
        changes: [
          expect.objectContaining({ label: '종업원수', beforeText: '10', afterText: '12' }),
        ],
      }),
    ]);
  });
});

describe('"모든 행에 같은 값" proposed from the file', () => {
  it('proposes 기관유형 기업 for a company list without a kind column, changeable', async () => {
    const bytes = csv(['업체명,대표자,업종', '가온정밀,김가온,기계', '나래광학,이나래,광학']);
    const p = await previewFile(bytes, { fileName: 'c.csv', entity: 'organization' });
    expect(p.counts).toMatchObject({ new: 2, error: 0 });
    expect(p.rows.every((r) => r.values.kind === 'company')).toBe(true);
    expect(p.sameForAll).toEqual([
      expect.objectContaining({ field: 'kind', value: 'company', suggested: true }),
    ]);
    expect(p.sameForAll[0]!.text).toBe('모든 행에 같은 값: 기관유형 = 기업');
    const chosen = await previewFile(bytes, {
      fileName: 'c.csv',
      entity: 'organization',
      defaults: { kind: '협동조합' },
    });
    expect(chosen.rows[0]!.values.kind).toBe('cooperative');
    expect(chosen.sameForAll).toEqual([expect.objectContaining({ suggested: false })]);
  });

  it('proposes nothing for a list of names alone', async () => {
    const p = await previewFile(csv(['기관명', '한빛대학교']), {
      fileName: 'n.csv',
      entity: 'organization',
    });
    expect(p.sameForAll).toEqual([]);
    expect(p.counts.error).toBe(1);
  });
});

describe('optional fields never drop a row', () => {
  it('reads 미등록 and other no-value markers as blank, with a note per cell', async () => {
    const bytes = csv([
      '기업명,기관유형,전화번호,대표자,홈페이지',
      '가온정밀,기업,미등록,-,해당없음',
      '나래광학,기업,N/A,비공개,—',
    ]);
    const p = await previewFile(bytes, { fileName: 'm.csv', entity: 'organization' });
    expect(p.counts).toMatchObject({ new: 2, error: 0 });
    expect(p.rows[0]!.values).toEqual({ name: '가온정밀', kind: 'company' });
    expect(p.notes.map((n) => n.text)).toContain(
      '2행 C열: C열의 "미등록"을(를) 빈 값으로 읽었습니다',
    );
    expect(p.rows[1]!.notes).toHaveLength(3);
  });

  it('leaves an unreadable optional value empty with a note; identity fields stay errors', async () => {
    const bytes = csv([
      '기업명,기관유형,홈페이지,종업원수,사업자등록번호',
      '가온정밀,기업,가온 홈페이지,사십,',
      '나래광학,기업,,,1234567890',
    ]);
    const p = await previewFile(bytes, { fileName: 'm.csv', entity: 'organization' });
    expect(p.rows[0]).toMatchObject({
      status: 'new',
      values: { name: '가온정밀', kind: 'company' },
    });
    expect(p.rows[0]!.notes.join('\n')).toContain('홈페이지: "가온 홈페이지"을(를) 읽을 수 없어');
    expect(p.rows[0]!.notes.join('\n')).toContain('종업원수: "사십"');
    expect(p.errors.map((e) => e.text)).toEqual([
      '3행 E열: 사업자등록번호 검증숫자가 맞지 않습니다',
    ]);
  });

  it('accepts phone numbers as people write them', async () => {
    const phones = ['1588-1234', 'ARS-1566-2718', '051-123-4567~8', '02-123-4567 (내선 123)'];
    const bytes = csv([
      '기업명,기관유형,전화번호',
      ...phones.map((ph, i) => `회사${i},기업,${ph}`),
    ]);
    const p = await previewFile(bytes, { fileName: 'p.csv', entity: 'organization' });
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.values.phone)).toEqual(phones);
  });
});

describe('mapping looks at the values too', () => {
  const org = getEntity('organization');

  it('leaves a 1..N `구분` column unmapped and says why', async () => {
    const lines = ['구분,업체명,대표자'];
    for (let i = 1; i <= 8; i++) lines.push(`${i},회사${i},대표${i}`);
    const p = await previewFile(csv(lines), { fileName: 'g.csv', entity: 'organization' });
    const gubun = p.mapping[0]!;
    expect(gubun.field).toBeNull();
    expect(mappingReasonText(gubun, org)).toBe(
      '일련번호 열(순번·연번·No·1, 2, 3 …)이라 가져오지 않습니다',
    );
    expect(p.counts).toMatchObject({ new: 8, error: 0 });
    expect(mappingReasonText(p.mapping[1]!, org)).toBe('머리글이 "기관명"와(과) 맞습니다');
  });

  it('ignores serial columns named 순번, 연번 or No', async () => {
    for (const header of ['순번', '연번', 'No.']) {
      const p = await previewFile(csv([`${header},업체명,구분`, '7,가온,기업', '3,나래,대학']), {
        fileName: 's.csv',
        entity: 'organization',
      });
      expect(p.mapping.map((m) => m.field)).toEqual([null, 'name', 'kind']);
      expect(p.mapping[0]!.reason).toEqual({ code: 'serial' });
    }
  });

  it('refuses a field whose values do not fit, and maps one whose values do', async () => {
    const lines = ['구분,업체명,등록번호'];
    const kinds = ['A동', 'B동', 'C동', 'A동'];
    kinds.forEach((k, i) => lines.push(`${k},회사${i},2148654322`));
    const p = await previewFile(csv(lines), { fileName: 'v.csv', entity: 'organization' });
    expect(p.mapping[0]).toMatchObject({ field: null, reason: { code: 'values', field: 'kind' } });
    expect(mappingReasonText(p.mapping[0]!, org)).toBe(
      '머리글은 "기관유형" 같지만 값이 맞지 않습니다 (0%만 맞음, 예: A동, B동, C동)',
    );
    expect(p.mapping[2]).toMatchObject({ field: 'brn', reason: { code: 'header', share: 1 } });
  });
});

describe('smaller faults', () => {
  it('applies a unit line to an indicator value by its metric (685 백만달러 → 685,000,000 달러)', async () => {
    const bytes = csv([
      '2026년 수출 실적',
      '(단위 : 백만달러)',
      '지표,기간유형,기간,값',
      '수출액,월,2026-03,685',
      '가동률,월,2026-03,81.5',
    ]);
    const p = await previewFile(bytes, { fileName: 'x.csv', entity: 'indicator' });
    expect(p.rows.map((r) => r.values.value)).toEqual([685_000_000, 81.5]);
  });

  it('claims the codes are in a code column only when the file has one', async () => {
    const without = await previewFile(
      csv(['기업명,기관유형,업종명', '가온,기업,기계 제조업 외 1 종']),
      {
        fileName: 'w.csv',
        entity: 'organization',
      },
    );
    expect(without.rows[0]!.notes).toEqual(['업종명에서 "외 1 종" 부분을 뺐습니다']);
    const withCodes = await previewFile(
      csv(['기업명,기관유형,업종명,업종코드', '가온,기업,기계 제조업 외 1 종,"29, 291"']),
      { fileName: 'w.csv', entity: 'organization' },
    );
    expect(withCodes.rows[0]!.notes[0]).toContain('업종코드에는 모두 있음');
  });
});
