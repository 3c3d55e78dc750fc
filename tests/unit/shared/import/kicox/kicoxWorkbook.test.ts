/**
 * KICOX 국가산업단지 산업동향 workbooks → indicators (issue 6), on the synthetic workbooks of
 * tests/support/kicoxWorkbook.ts: every table variant lands with the right period, metric, unit
 * conversion, complex and 업종그룹; totals are checked; withheld cells are said, not stored;
 * a re-import writes nothing; next quarter adds its periods and updates only revised 전분기.
 */
import { describe, expect, it } from 'vitest';
import {
  previewKicoxWorkbook,
  type KicoxWorkbookPreview,
} from '../../../../../shared/import/kicox';
import type { ExistingRecord } from '../../../../../shared/import';
import {
  buildKicoxWorkbook,
  figure,
  type ExpectedIndicator,
} from '../../../../support/kicoxWorkbook';

const keyOf = (r: { metric: string; period: string; complex?: string; industryGroup?: string }) =>
  `${r.metric}|${r.period}|${r.complex ?? ''}|${r.industryGroup ?? ''}`;

/** What the preview's create mutations would store, as existing records of a database. */
function stored(p: KicoxWorkbookPreview, base: ExistingRecord[] = []): ExistingRecord[] {
  const out = base.map((r) => ({ ...r }));
  let n = out.length;
  for (const m of p.mutations) {
    if (m.op === 'create') out.push({ id: `rec${n++}`, ...m.values });
    else
      Object.assign(
        out.find((r) => r.id === m.id)!,
        m.values,
      );
  }
  return out;
}

const allNotes = (p: KicoxWorkbookPreview) => p.sheets.flatMap((s) => s.notes.map((n) => n.text));

describe('KICOX quarterly workbook', () => {
  it('imports every table variant with the right period, metric, unit, complex and 업종그룹', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'kicox.xlsx' });
    const created = p.mutations.map((m) => (m.op === 'create' ? m.values : null));
    expect(created.every(Boolean)).toBe(true);
    const got = new Map(created.map((v) => [keyOf(v as unknown as ExpectedIndicator), v!]));
    expect(got.size).toBe(wb.expected.length);
    for (const e of wb.expected) {
      const v = got.get(keyOf(e));
      expect(v, keyOf(e)).toBeDefined();
      expect(v!.value, keyOf(e)).toBe(e.value);
      expect(v!.periodType).toBe('quarter');
    }
    // 억원 → KRW, 백만원 → KRW, 백만달러 → USD.
    const changwon = figure('production', '창원', null, { year: 2026, quarter: 1 });
    expect(got.get('production|2026-Q1|창원|')!.value).toBe(changwon * 1e8);
    const machinery = figure('production', '창원', 'machinery', { year: 2026, quarter: 1 });
    expect(got.get('production|2026-Q1|창원|machinery')!.value).toBe(machinery * 1e8);
    const exports = figure('exports', '구미', null, { year: 2025, quarter: 4 });
    expect(got.get('exports|2025-Q4|구미|')!.value).toBe(exports * 1e6);
    // 전분기 and 전년동기 are their own periods; 누계 and 증감률 are not imported.
    expect(got.has('employment|2025-Q1|창원|')).toBe(true);
    expect(p.sheets.find((s) => s.sheet === '표4 생산')!.notes[0]!.message).toContain('2025 누계');
    expect(p.sheets.find((s) => s.sheet === '표4 생산')!.conversions).toEqual([
      '억원 단위를 원 단위로 바꿨습니다',
    ]);
    // Footnote marks are not part of a name; 계 and 소계 rows are not complexes.
    expect([...got.keys()].some((k) => /1\)|계\||소계/.test(k))).toBe(false);
  });

  it('previews each recognised sheet with its own counts and lists the others as skipped', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'kicox.xlsx' });
    const recognised = Object.entries(wb.sheets)
      .filter(([, ok]) => ok)
      .map(([s]) => s);
    expect(p.sheets.map((s) => s.sheet)).toEqual(recognised);
    expect(p.skipped).toEqual([
      expect.objectContaining({ sheet: '목차', reason: expect.stringContaining('머리글') }),
      expect.objectContaining({ sheet: '참고_입주기업', reason: expect.stringContaining('분기') }),
    ]);
    const byGroup = p.sheets.find((s) => s.sheet === '표7 업종별 수출')!;
    expect(byGroup.headerRows).toEqual([3, 4]);
    expect(byGroup.counts.new).toBe(3 * 5 * 2);
    expect(p.sheets.find((s) => s.sheet === '표8 업종별 고용')!.counts.new).toBe(2 * 4 * 2);
    expect(p.counts.new).toBe(wb.expected.length);
  });

  it('leaves withheld X cells out, says why in Korean, and never stores them as 0', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'kicox.xlsx' });
    expect(p.counts.withheld).toBe(wb.withheld);
    const values = p.mutations.map((m) => m.values);
    expect(
      values.some(
        (v) =>
          v.complex === '반월' &&
          v.metric === 'employment' &&
          v.period === '2026-Q1' &&
          !v.industryGroup,
      ),
    ).toBe(false);
    expect(allNotes(p)).toContain(
      '[표3 고용] 7행 C열: 고용 2026년 1분기 반월: 공개되지 않은 값(X)이라 가져오지 않았습니다',
    );
    expect(allNotes(p)).toContain(
      '[표6 업종별 생산] 6행 D열: 생산액 2026년 1분기 구미 목재종이: 공개되지 않은 값(X)이라 가져오지 않았습니다',
    );
    // Notes speak to the user: no internal keys, codes or separators.
    for (const t of allNotes(p)) expect(t).not.toMatch(/~|=|\u241f|woodPaper|production|2026-Q1/);
  });

  it('checks 계 rows and 계 columns against their parts and names a disagreement', async () => {
    const good = await previewKicoxWorkbook(
      (await buildKicoxWorkbook({ year: 2026, quarter: 1 })).bytes,
      {
        fileName: 'k.xlsx',
      },
    );
    expect(good.counts.totalsChecked).toBeGreaterThan(20);
    expect(good.counts.totalsMismatched).toBe(0);
    const bad = await buildKicoxWorkbook({ year: 2026, quarter: 1, productionTotalError: 50 });
    const p = await previewKicoxWorkbook(bad.bytes, { fileName: 'k.xlsx' });
    expect(p.counts.totalsMismatched).toBe(1);
    const note = allNotes(p).find((t) => t.includes('구성 항목의 합'))!;
    expect(note).toMatch(
      /^\[표4 생산\] 10행 C열: 계 행: 합계 [\d,]+ ≠ 구성 항목의 합 [\d,]+ \(차이 50\)$/,
    );
    // The totals are never imported themselves.
    expect(p.mutations.length).toBe(bad.expected.length);
  });

  it('writes nothing when the same workbook is imported again', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const first = await previewKicoxWorkbook(wb.bytes, { fileName: 'k.xlsx' });
    const again = await previewKicoxWorkbook(wb.bytes, {
      fileName: 'k.xlsx',
      existing: stored(first),
    });
    expect(again.mutations).toEqual([]);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: wb.expected.length });
  });

  it('adds next quarter and updates 전분기 values only where they were revised', async () => {
    const q1 = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const db = stored(await previewKicoxWorkbook(q1.bytes, { fileName: 'q1.xlsx' }));
    const q2 = await buildKicoxWorkbook({
      year: 2026,
      quarter: 2,
      revisions: [
        { metric: 'production', complex: '창원', delta: 7 },
        { metric: 'exports', complex: '반월', industryGroup: 'food', delta: -2 },
      ],
    });
    const p = await previewKicoxWorkbook(q2.bytes, { fileName: 'q2.xlsx', existing: db });
    const updates = p.mutations.filter((m) => m.op === 'update');
    expect(updates).toHaveLength(2);
    const before = figure('production', '창원', null, { year: 2026, quarter: 1 });
    const target = db.find(
      (r) => keyOf(r as unknown as ExpectedIndicator) === 'production|2026-Q1|창원|',
    )!;
    expect(updates).toContainEqual({
      entity: 'indicator',
      op: 'update',
      id: target.id,
      values: { value: (before + 7) * 1e8 },
    });
    expect(allNotes(p).some((t) => t.includes('생산액 2026년 1분기 창원: 값이 고쳐졌습니다'))).toBe(
      true,
    );
    // Every Q1 value the Q2 workbook repeats unrevised is unchanged; Q2 and 2025-Q2 are new, and
    // so is the one Q1 figure withheld (X) last quarter and published now.
    const created = p.mutations.flatMap((m) => (m.op === 'create' ? [m.values] : []));
    expect(new Set(created.map((v) => v.period))).toEqual(
      new Set(['2026-Q2', '2025-Q2', '2026-Q1']),
    );
    const newQ1 = created.filter((v) => v.period === '2026-Q1');
    expect(newQ1.map((v) => keyOf(v as unknown as ExpectedIndicator))).toEqual([
      'employment|2026-Q1|반월|',
    ]);
    expect(p.counts.unchanged).toBe(q2.expected.filter((e) => e.period === '2026-Q1').length - 3);
  });

  it('reads only the sheets asked for, and refuses an unknown one', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'k.xlsx', sheets: ['표5 수출'] });
    expect(p.sheets.map((s) => s.sheet)).toEqual(['표5 수출']);
    expect(p.skipped).toEqual([]);
    await expect(
      previewKicoxWorkbook(wb.bytes, { fileName: 'k.xlsx', sheets: ['없음'] }),
    ).rejects.toThrow('"없음" 시트가 없습니다');
  });

  it('keeps a hostile complex name as plain text', async () => {
    const name = '=HYPERLINK("http://x")<b>단지</b>';
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1, extraComplex: name });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'k.xlsx' });
    const row = p.mutations.find((m) => m.values.complex === name && m.values.period === '2026-Q1');
    expect(row?.values.value).toBe(
      figure('production', name, null, { year: 2026, quarter: 1 }) * 1e8,
    );
    expect(p.counts.totalsMismatched).toBe(0);
  });

  it('speaks English when asked', async () => {
    const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
    const p = await previewKicoxWorkbook(wb.bytes, { fileName: 'k.xlsx', lang: 'en' });
    expect(allNotes(p)).toContain(
      '[표3 고용] Row 7 column C: Employment 2026 Q1 반월: withheld value (X) not imported',
    );
  });
});
