/**
 * Command-line checks around the shared pipelines. Writes nothing.
 *
 *   npm run cli -- check <file> --entity <name> [--sheet S | --all-sheets] [--json] [--set field=value …]
 *                  [--records FILE]
 *
 * `--records FILE` writes the normalised records that would be stored (field values as stored),
 * one JSON object a line with the row and sheet they came from: a dry run to inspect.
 *
 * Exit codes: 0 = the file would import without row errors, 1 = some rows have errors,
 * 2 = bad usage or a file that cannot be read at all.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { entities, type EntityName, type RecordData } from '../shared/registry';
import { ImportError, mappingReasonText, previewFile, type ImportPreview } from '../shared/import';
import { getEntity } from '../shared/registry';
import { checkWorkbook } from './cliWorkbook';

const USAGE = `사용법: npm run cli -- check <파일> --entity <엔터티> [--sheet 시트 | --all-sheets] [--json] [--set 필드=값 …] [--records 파일]
  엔터티: ${entities.map((e) => `${e.name}(${e.label.ko})`).join(', ')}
  --set         열이 없는 필드에 모든 행에 같은 값 (새 항목에만; 예: --set kind=기업)
  --records     저장될 레코드를 한 줄에 JSON 하나씩 파일로 씁니다 (행·시트 포함)
  --all-sheets  통합 문서의 모든 시트를 확인 (KICOX 산업동향은 --entity indicator)
Usage: npm run cli -- check <file> --entity <name> [--sheet S | --all-sheets] [--json] [--set field=value] [--records FILE]`;

interface CheckArgs {
  file: string;
  entity: EntityName;
  sheet?: string;
  allSheets: boolean;
  json: boolean;
  defaults: RecordData;
  records?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CheckArgs {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `알 수 없는 명령: ${command}` : '');
  const args: Partial<CheckArgs> = { json: false, allSheets: false, defaults: {} };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} 다음에 값이 필요합니다`);
      return v;
    };
    if (a === '--entity') args.entity = next() as EntityName;
    else if (a === '--sheet') args.sheet = next();
    else if (a === '--all-sheets') args.allSheets = true;
    else if (a === '--json') args.json = true;
    else if (a === '--records') args.records = next();
    else if (a === '--set') {
      const [k, ...v] = next().split('=');
      if (!k || v.length === 0) throw new UsageError('--set 은 필드=값 형식입니다');
      args.defaults![k] = v.join('=');
    } else if (a.startsWith('--')) throw new UsageError(`알 수 없는 옵션: ${a}`);
    else if (!args.file) args.file = a;
    else throw new UsageError(`인수가 너무 많습니다: ${a}`);
  }
  if (!args.file) throw new UsageError('파일을 지정하세요');
  if (!args.entity) throw new UsageError('--entity 를 지정하세요');
  if (args.allSheets && args.sheet !== undefined)
    throw new UsageError('--sheet 와 --all-sheets 는 함께 쓸 수 없습니다');
  if (!entities.some((e) => e.name === args.entity)) {
    throw new UsageError(`알 수 없는 엔터티: ${args.entity}`);
  }
  return args as CheckArgs;
}

const fmt = (n: number) => n.toLocaleString('ko-KR');

function printText(p: ImportPreview): void {
  const out: string[] = [];
  out.push(`파일: ${p.fileName}${p.sheet ? ` (시트: ${p.sheet})` : ''}`);
  if (p.encoding)
    out.push(
      `인코딩: ${p.encoding}${p.delimiter ? `, 구분자: ${JSON.stringify(p.delimiter)}` : ''}`,
    );
  out.push(`머리글 행: ${p.headerRows.join('–')}행`);
  if (p.unitHint) out.push(`단위: ${p.unitHint.text}`);
  out.push('열 연결:');
  const entity = getEntity(p.entity);
  for (const m of p.mapping) {
    const target = m.field
      ? `→ ${m.field} (${Math.round(m.confidence * 100)}%)`
      : '→ (가져오지 않음)';
    out.push(`  ${m.header || '(빈 머리글)'} ${target}: ${mappingReasonText(m, entity)}`);
  }
  for (const d of p.sameForAll) out.push(`${d.text}${d.reason ? ` (제안: ${d.reason})` : ''}`);
  const c = p.counts;
  out.push(
    `새 항목 ${fmt(c.new)} · 바뀜 ${fmt(c.updated)} · 같음 ${fmt(c.unchanged)} · 중복 ${fmt(c.duplicate)} · 건너뜀 ${fmt(c.skipped)} · 오류 ${fmt(c.error)}행`,
  );
  for (const w of p.warnings) out.push(`참고: ${w}`);
  for (const m of p.possibleMatches) out.push(`  ${m.text}`);
  for (const u of p.updates.slice(0, 50)) {
    const changes = u.changes.map((c) => `${c.label} ${c.beforeText} → ${c.afterText}`);
    out.push(`  ${u.row}행 ${u.title}: ${changes.join(', ')}`);
  }
  const shown = p.errors.slice(0, 50);
  for (const e of shown) out.push(`  ${e.text}`);
  if (p.errors.length > shown.length)
    out.push(`  … 오류 ${fmt(p.errors.length - shown.length)}건 더`);
  // Per-row notes (formula error or `X` read as blank, duplicate in the file): the preview lists
  // the first MAX_PREVIEW_NOTES; --json carries the same list.
  if (p.notesTotal > 0) out.push(`참고 사항 ${fmt(p.notesTotal)}건:`);
  const notes = p.notes.slice(0, 50);
  for (const n of notes) out.push(`  ${n.text}`);
  if (p.notesTotal > notes.length)
    out.push(`  … 참고 사항 ${fmt(p.notesTotal - notes.length)}건 더`);
  out.push(`SHA-256: ${p.checksum}`);
  console.log(out.join('\n'));
}

/** One JSON object a line: what each written row would store, with its row and sheet. */
function writeRecords(path: string, p: ImportPreview): void {
  const lines: string[] = [];
  for (const r of p.rows) {
    if (r.status !== 'new' && r.status !== 'updated') continue;
    const values =
      r.status === 'new'
        ? r.values
        : Object.fromEntries((r.changes ?? []).map((c) => [c.field, c.after]));
    lines.push(
      JSON.stringify({
        row: r.rowNumber,
        sheet: p.sheet,
        op: r.status === 'new' ? 'create' : 'update',
        ...(r.id ? { id: r.id } : {}),
        ...(r.clusterId ? { clusterId: r.clusterId } : {}),
        values,
      }),
    );
  }
  writeFileSync(path, lines.length > 0 ? lines.join('\n') + '\n' : '');
}

async function main(argv: string[]): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(e.message);
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    if (!statSync(args.file).isFile()) throw new Error('not a file');
    bytes = new Uint8Array(readFileSync(args.file));
  } catch {
    console.error(`파일을 열 수 없습니다: ${args.file}`);
    return 2;
  }
  try {
    const whole = await checkWorkbook(bytes, { ...args, fileName: basename(args.file) }, printText);
    if (whole !== null) return whole;
    const preview = await previewFile(bytes, {
      fileName: basename(args.file),
      entity: args.entity,
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      defaults: args.defaults,
    });
    if (args.records) {
      try {
        writeRecords(args.records, preview);
      } catch {
        console.error(`파일을 쓸 수 없습니다 (Cannot write): ${args.records}`);
        return 2;
      }
    }
    if (args.json) {
      const { rows: _rows, mutations: _mutations, ...summary } = preview;
      console.log(JSON.stringify(summary, null, 2));
    } else printText(preview);
    return preview.counts.error > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(`오류: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`예상하지 못한 오류: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
