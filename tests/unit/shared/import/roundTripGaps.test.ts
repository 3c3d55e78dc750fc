/**
 * The import-side rules that make export → import lossless: reference titles resolved to ids,
 * the `클러스터`/`수정일` meta columns, fill-down only for hierarchy tables, multi-line text,
 * tags split at commas only, and the export's formula-neutralising `'` removed.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildPreview,
  mapColumns,
  previewFile,
  readTable,
  type RefLookups,
} from '../../../../shared/import';
import { getEntity } from '../../../../shared/registry';
import { utf8 } from './helpers';
import { ulidOf } from './roundTripFixtures';

const csv = (lines: string[]) => utf8(`\ufeff${lines.join('\r\n')}\r\n`);
const difficultyRow = (company: string, extra = '') =>
  `애로 ${company.length},${company},기술,접수,2006-04-01${extra}`;
const companies: RefLookups = {
  organization: [
    { id: ulidOf('RG', 1), title: '금오정밀(주)' },
    { id: ulidOf('RG', 2), title: '한국광기술원' },
    { id: ulidOf('RG', 3), title: '동명이인 테크' },
    { id: ulidOf('RG', 4), title: '동명이인 테크' },
    { id: ulidOf('RG', 5), title: '광산업, 조명 지원센터' },
  ],
  expert: [
    { id: ulidOf('XP', 1), title: '김광수' },
    { id: ulidOf('XP', 2), title: '이영희' },
  ],
};

describe('reference titles → ids', () => {
  const header = '애로명,신청기업,애로분야,처리상태,접수일';

  it('resolves titles (exact, or ignoring ㈜/(주) spelling) and accepts an existing ULID', async () => {
    const bytes = csv([
      header,
      difficultyRow('금오정밀(주)'),
      difficultyRow('금오정밀㈜'),
      difficultyRow(ulidOf('RG', 2)),
    ]);
    const p = await previewFile(bytes, {
      fileName: 'd.csv',
      entity: 'difficulty',
      refLookups: companies,
    });
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.values.companyId)).toEqual([
      ulidOf('RG', 1),
      ulidOf('RG', 1),
      ulidOf('RG', 2),
    ]);
  });

  it('reports an unknown title as a Korean row error naming row, column and title', async () => {
    const bytes = csv([
      header,
      difficultyRow('금오정밀(주)'),
      difficultyRow('금오정밀(주)', ''),
      difficultyRow('한국광기술원'),
      difficultyRow('㈜가나다'),
      difficultyRow(ulidOf('RG', 9)),
    ]);
    const p = await previewFile(bytes, {
      fileName: 'd.csv',
      entity: 'difficulty',
      refLookups: companies,
    });
    expect(p.errors.map((e) => e.text)).toEqual([
      "5행 B열: 기업 '㈜가나다'을(를) 찾을 수 없습니다",
      // a well-formed id that no record has is not accepted blindly
      `6행 B열: 기업 '${ulidOf('RG', 9)}'을(를) 찾을 수 없습니다`,
    ]);
    expect(p.errors[0]).toMatchObject({ row: 5, column: 'B', field: 'companyId' });
  });

  it('matches the task example: `5행 C열` when the company is the third column', async () => {
    const bytes = csv([
      '애로명,애로분야,신청기업,처리상태,접수일',
      '가,기술,한국광기술원,접수,2006-04-01',
      '나,기술,한국광기술원,접수,2006-04-02',
      '다,기술,한국광기술원,접수,2006-04-03',
      '라,기술,㈜가나다,접수,2006-04-04',
    ]);
    const p = await previewFile(bytes, {
      fileName: 'd.csv',
      entity: 'difficulty',
      refLookups: companies,
    });
    expect(p.errors.map((e) => e.text)).toEqual([
      "5행 C열: 기업 '㈜가나다'을(를) 찾을 수 없습니다",
    ]);
  });

  it('never guesses between two records of one title', async () => {
    const p = await previewFile(csv([header, difficultyRow('동명이인 테크')]), {
      fileName: 'd.csv',
      entity: 'difficulty',
      refLookups: companies,
    });
    expect(p.counts.error).toBe(1);
    expect(p.errors[0]!.text).toBe(
      "2행 B열: 기업 '동명이인 테크'이(가) 2건이라 어느 것인지 정할 수 없습니다. 이름을 구분되게 고치거나 직접 고르세요",
    );
  });

  it('splits a refs cell at commas, keeping a title that holds a comma whole', async () => {
    const bytes = csv([
      '애로명,신청기업,애로분야,처리상태,접수일,매칭 전문가',
      `${difficultyRow('"광산업, 조명 지원센터"')},"김광수, 이영희"`,
      `${difficultyRow('한국광기술원')},"이영희,김광수"`,
      `${difficultyRow('한국광기술원')},"김광수, 박모름"`,
    ]);
    const p = await previewFile(bytes, {
      fileName: 'd.csv',
      entity: 'difficulty',
      refLookups: companies,
    });
    expect(p.rows[0]!.values).toMatchObject({
      companyId: ulidOf('RG', 5),
      expertIds: [ulidOf('XP', 1), ulidOf('XP', 2)],
    });
    expect(p.rows[1]!.values.expertIds).toEqual([ulidOf('XP', 2), ulidOf('XP', 1)]);
    expect(p.errors.map((e) => e.text)).toEqual([
      "4행 F열: 전문가 '박모름'을(를) 찾을 수 없습니다",
    ]);
  });

  it('asks a resolveRefTitle callback when no lookup list is given', async () => {
    const asked: string[] = [];
    const p = await previewFile(
      csv([header, difficultyRow('가'), difficultyRow('나'), difficultyRow('다')]),
      {
        fileName: 'd.csv',
        entity: 'difficulty',
        resolveRefTitle: (entity, title) => {
          asked.push(`${entity}:${title}`);
          return title === '가' ? ulidOf('RG', 7) : title === '나' ? 'ambiguous' : null;
        },
      },
    );
    expect(asked).toEqual(['organization:가', 'organization:나', 'organization:다']);
    expect(p.rows[0]!.values.companyId).toBe(ulidOf('RG', 7));
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'error', 'error']);
  });
});

describe('meta columns 클러스터 and 수정일', () => {
  const difficulty = getEntity('difficulty');

  it('are recognised as meta columns; 클러스터 never becomes the mini-cluster', () => {
    const m = mapColumns(['애로명', '클러스터', '수정일', '미니클러스터'], difficulty);
    expect(m.map((x) => [x.field, x.meta ?? null])).toEqual([
      ['title', null],
      [null, 'clusterId'],
      [null, 'updatedAt'],
      ['miniClusterId', null],
    ]);
    // Alone, 클러스터 still only ever is the meta column (no loose match to 미니클러스터).
    expect(mapColumns(['클러스터'], difficulty)[0]).toMatchObject({
      field: null,
      meta: 'clusterId',
    });
  });

  it("yields to an entity's exact field: the cluster list's own 클러스터 names its name", () => {
    expect(mapColumns(['클러스터'], getEntity('cluster'))[0]!.field).toBe('name');
  });

  it('gives created records the cluster named by label or code; unknown ones are errors', async () => {
    const p = await previewFile(
      csv([
        '기관명,기관유형,클러스터,수정일',
        '가나전자,기업,구미,2006-05-02 12:04',
        '다라광학,기업,gwangju,',
        '마바,기업,서울,',
      ]),
      { fileName: 'o.csv', entity: 'organization' },
    );
    expect(p.mutations).toEqual([
      { entity: 'organization', op: 'create', clusterId: 'gumi', values: expect.any(Object) },
      { entity: 'organization', op: 'create', clusterId: 'gwangju', values: expect.any(Object) },
    ]);
    expect(p.errors.map((e) => e.text)).toEqual([
      "4행 C열: 클러스터 '서울'을(를) 알 수 없습니다 (예: 구미, gumi)",
    ]);
  });
});

describe('fill-down ("same as above") only for hierarchy tables', () => {
  // A KSIC-like code table: parents blank on the rows continuing their group.
  const hierarchy = csv([
    '대분류 코드,대분류명,중분류 코드,중분류명,세분류 코드,세분류명',
    'C,제조업,26,전자부품,26110,메모리',
    ',,,,26120,비메모리',
    ',,27,의료기기,27111,방사선 장치',
    ',,,,27112,전기식 진단',
    'D,전기업,35,전기,35111,원자력 발전',
    ',,,,35112,수력 발전',
  ]);

  it('fills hierarchy parents down when no entity is involved', async () => {
    const t = await readTable(hierarchy, { fileName: 'ksic.csv' });
    expect(t.filledDownColumns).toEqual([0, 1, 2, 3]);
    expect(t.rows[3]!.cells).toEqual(['C', '제조업', '27', '의료기기', '27112', '전기식 진단']);
    expect(t.rows[3]!.filledDown).toEqual([0, 1, 2, 3]);
    const off = await readTable(hierarchy, { fileName: 'ksic.csv', fillDown: 'off' });
    expect(off.filledDownColumns).toEqual([]);
    expect(off.rows[3]!.cells[0]).toBeNull();
  });

  // A record list: a full first row, then records leaving optional columns blank.
  const sparse = csv([
    '기관명,기관유형,대표자,전화번호,비고,수정일',
    '가나전자,기업,김철수,054-123-4567,메모,2006-05-02 12:04',
    '다라광학,기업,,,,2006-05-02 12:04',
    '마바,연구소,박광식,,,2006-05-02 12:04',
    '사아,기업,,,,2006-05-02 12:04',
  ]);

  it('leaves optional columns of independent records blank (they do not nest)', async () => {
    const t = await readTable(sparse, { fileName: 'o.csv' });
    // 대표자 is filled where 전화번호 (between it and the dense column) is blank: no hierarchy.
    expect(t.filledDownColumns).not.toContain(2);
    expect(t.rows[1]!.cells[2]).toBeNull();
  });

  it('undoes any fill-down in buildPreview when the headers name the entity cleanly', async () => {
    const t = await readTable(sparse, { fileName: 'o.csv' });
    // Whatever the table stage guessed for 비고 (last before the dense 수정일)…
    const p = await buildPreview(t, { entity: 'organization' });
    expect(p.rows.map((r) => r.values.notes ?? null)).toEqual(['메모', null, null, null]);
    expect(p.rows.map((r) => r.values.representative ?? null)).toEqual([
      '김철수',
      null,
      '박광식',
      null,
    ]);
    // …and previewFile never fills such a file in the first place.
    const pf = await previewFile(sparse, { fileName: 'o.csv', entity: 'organization' });
    expect(pf.rows.map((r) => r.values.notes ?? null)).toEqual(['메모', null, null, null]);
  });
});

describe('cell values', () => {
  it('keeps line breaks in multi-line text (CSV quoted newlines) and only there', async () => {
    const p = await previewFile(
      csv([
        '기관명,기관유형,주소,비고',
        '"가나\n전자",기업,"경북 구미시\n공단동","첫 줄\n  둘째 줄\r\n셋째"',
      ]),
      { fileName: 'o.csv', entity: 'organization' },
    );
    expect(p.rows[0]!.values).toMatchObject({
      name: '가나 전자',
      address: '경북 구미시 공단동',
      notes: '첫 줄\n  둘째 줄\r\n셋째',
    });
  });

  it('keeps line breaks of XLSX cells in multi-line text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('전문가');
    ws.addRow(['성명', '전문분야', '비고']);
    ws.addRow(['김광수', 'CAD/CAE\nLED; 조명', '첫 줄\n둘째 줄']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await previewFile(bytes, { fileName: 'e.xlsx', entity: 'expert' });
    expect(p.rows[0]!.values).toMatchObject({
      expertise: ['CAD/CAE', 'LED; 조명'],
      notes: '첫 줄\n둘째 줄',
    });
  });

  it('splits tags at commas (also full-width) and line breaks, never at `/` or `;`', async () => {
    const p = await previewFile(
      csv(['성명,전문분야', '김광수,"CAD/CAE, 정밀가공，R&D; 시험"', '이영희,"광학\n조명"']),
      { fileName: 'e.csv', entity: 'expert' },
    );
    expect(p.rows.map((r) => r.values.expertise)).toEqual([
      ['CAD/CAE', '정밀가공', 'R&D; 시험'],
      ['광학', '조명'],
    ]);
  });

  it("strips the export's formula marker `'` before = + - @, and only there; nothing runs", async () => {
    const p = await previewFile(
      csv([
        '기관명,기관유형,전화번호,비고',
        `'=HYPERLINK("http://x"),기업,'+82-54-123-4567,'@멘션`,
        `'-주식회사,기업,,'그대로`,
        `"'=1+1",기업,,''-5`,
      ]),
      { fileName: 'o.csv', entity: 'organization' },
    );
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.values.name, r.values.phone ?? null, r.values.notes])).toEqual([
      ['=HYPERLINK("http://x")', '+82-54-123-4567', '@멘션'],
      // a quote before anything else is the user's own text
      ['-주식회사', null, "'그대로"],
      // the marker is a quote directly before a trigger: `''-5` is left as the user wrote it
      ['=1+1', null, "''-5"],
    ]);
  });
});
