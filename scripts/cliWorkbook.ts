/**
 * The CLI's whole-workbook checks (`--all-sheets`, and `--sheet` for KICOX tables): a KICOX
 * 국가산업단지 산업동향 workbook checked as indicators, sheet by sheet; any other workbook
 * checked sheet by sheet with the generic pipeline. Writes nothing.
 */
import { enumLabel } from '../shared/registry';
import { ImportError, previewFile, readTable, type ImportPreview } from '../shared/import';
import { sniffFileKind } from '../shared/import/encoding';
import { previewKicoxWorkbook, type KicoxWorkbookPreview } from '../shared/import/kicox';
import type { EntityName, RecordData } from '../shared/registry';

export interface WorkbookArgs {
  file: string;
  fileName: string;
  entity: EntityName;
  sheet?: string;
  allSheets: boolean;
  json: boolean;
  defaults: RecordData;
}

const fmt = (n: number) => n.toLocaleString('ko-KR');

function printKicox(p: KicoxWorkbookPreview): void {
  const out: string[] = [`파일: ${p.fileName} (KICOX 국가산업단지 산업동향 → 성과지표)`];
  for (const s of p.sheets) {
    const metrics = s.metrics.map((m) => enumLabel('indicatorMetric', m, 'ko')).join(', ');
    out.push(
      `[${s.sheet}] ${s.quarter} · ${metrics}${s.unit ? ` · ${s.unit}` : ''} · 머리글 ${s.headerRows.join('–')}행`,
    );
    const c = s.counts;
    out.push(
      `  새 항목 ${fmt(c.new)} · 바뀜 ${fmt(c.updated)} · 같음 ${fmt(c.unchanged)} · 중복 ${fmt(c.duplicate)} · 비공개 ${fmt(c.withheld)} · 오류 ${fmt(c.error)} · 합계 확인 ${fmt(c.totalsChecked)} (불일치 ${fmt(c.totalsMismatched)})`,
    );
    for (const w of s.conversions) out.push(`  참고: ${w}`);
    for (const n of s.notes.slice(0, 30)) out.push(`  ${n.text}`);
    if (s.notes.length > 30) out.push(`  … 참고 사항 ${fmt(s.notes.length - 30)}건 더`);
  }
  if (p.skipped.length > 0) out.push('건너뛴 시트:');
  for (const s of p.skipped) out.push(`  [${s.sheet}] ${s.reason}`);
  const c = p.counts;
  out.push(
    `전체: 새 항목 ${fmt(c.new)} · 바뀜 ${fmt(c.updated)} · 같음 ${fmt(c.unchanged)} · 비공개 ${fmt(c.withheld)} · 오류 ${fmt(c.error)} · 합계 불일치 ${fmt(c.totalsMismatched)}`,
  );
  out.push(`SHA-256: ${p.checksum}`);
  console.log(out.join('\n'));
}

/**
 * Checks the workbook when the arguments ask for the KICOX path or for all sheets; returns the
 * exit code, or null when the caller's single-sheet check applies.
 */
export async function checkWorkbook(
  bytes: Uint8Array,
  args: WorkbookArgs,
  printOne: (p: ImportPreview) => void,
): Promise<number | null> {
  const xlsx = sniffFileKind(bytes) === 'xlsx';
  if (args.entity === 'indicator' && xlsx) {
    const p = await previewKicoxWorkbook(bytes, {
      fileName: args.fileName,
      ...(args.sheet !== undefined ? { sheets: [args.sheet] } : {}),
    });
    // Not a KICOX workbook (or sheet): the generic check reads it as a plain list.
    if (p.sheets.length > 0 || args.allSheets) {
      if (args.json) {
        const { mutations: _m, records: _r, ...summary } = p;
        console.log(JSON.stringify(summary, null, 2));
      } else printKicox(p);
      return p.counts.error > 0 ? 1 : 0;
    }
    return null;
  }
  if (!args.allSheets) return null;
  const { sheets } = await readTable(bytes, { fileName: args.fileName });
  const results: Array<{ sheet: string; preview?: ImportPreview; skipped?: string }> = [];
  for (const s of xlsx ? sheets : [{ name: undefined }]) {
    try {
      const preview = await previewFile(bytes, {
        fileName: args.fileName,
        entity: args.entity,
        ...(s.name !== undefined ? { sheet: s.name } : {}),
        defaults: args.defaults,
      });
      results.push({ sheet: s.name ?? '', preview });
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      results.push({ sheet: s.name ?? '', skipped: e.message });
    }
  }
  if (args.json) {
    console.log(
      JSON.stringify(
        results.map((r) => {
          if (!r.preview) return { sheet: r.sheet, skipped: r.skipped };
          const { rows: _rows, mutations: _mutations, ...summary } = r.preview;
          return summary;
        }),
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      if (r.preview) printOne(r.preview);
      else console.log(`[${r.sheet}] 건너뜀: ${r.skipped}`);
    }
  }
  return results.some((r) => r.preview && r.preview.counts.error > 0) ? 1 : 0;
}
