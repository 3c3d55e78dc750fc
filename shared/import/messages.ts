/**
 * Every message the import pipeline shows, Korean first. The pipeline only ever throws
 * `ImportError` (a file-level problem: the file cannot be read at all); problems with single rows
 * become row errors in the preview instead, so a user sees all of them at once.
 */
import { interpolate } from '../i18n/validation';

export const importMessages = {
  ko: {
    fileTooLarge: '파일이 너무 큽니다 ({{size}}MB). {{max}}MB 이하의 파일만 가져올 수 있습니다',
    emptyFile: '빈 파일입니다',
    tooManyRows: '행이 너무 많습니다 ({{rows}}행). 한 번에 {{max}}행까지 가져올 수 있습니다',
    tooManyColumns: '열이 너무 많습니다 ({{columns}}열). {{max}}열까지 읽을 수 있습니다',
    unknownEncoding:
      '문자 인코딩을 알 수 없습니다: {{row}}행(파일의 {{offset}}번째 바이트)에 UTF-8로도 CP949(EUC-KR)로도 읽을 수 없는 문자가 있습니다. 엑셀에서 "CSV UTF-8"로 다시 저장해 보세요',
    legacyXls:
      '예전 엑셀 형식(.xls)은 읽을 수 없습니다. 엑셀에서 "Excel 통합 문서(.xlsx)"로 다시 저장해 주세요',
    unsupportedFormat: '지원하지 않는 파일 형식입니다. CSV, TSV, XLSX 파일을 선택하세요',
    zipCorrupt: 'XLSX 파일이 손상되었습니다 ({{detail}})',
    zipTooManyEntries: 'XLSX 파일 안의 항목이 너무 많습니다 ({{entries}}개, 최대 {{max}}개)',
    zipTooLarge:
      'XLSX 파일의 압축을 풀면 너무 큽니다 ({{size}}MB, 최대 {{max}}MB). 압축 폭탄일 수 있습니다',
    zipRatio:
      'XLSX 파일 안의 {{entry}} 항목의 압축률이 비정상적입니다 ({{ratio}}배). 압축 폭탄일 수 있습니다',
    notXlsx: 'XLSX 통합 문서가 아닙니다 (엑셀 파일이 손상되었거나 다른 형식입니다)',
    xlsxCorrupt: 'XLSX 파일을 읽을 수 없습니다: 파일이 손상되었습니다',
    noSheets: '통합 문서에 시트가 없습니다',
    sheetNotFound: '"{{sheet}}" 시트가 없습니다. 있는 시트: {{sheets}}',
    noData: '데이터가 있는 행을 찾지 못했습니다',
    noHeader: '머리글 행을 찾지 못했습니다',
    aborted: '가져오기를 취소했습니다',
    internal: '파일을 읽는 중 예상하지 못한 문제가 생겼습니다 ({{detail}})',
    cellTooLong: '셀 내용이 너무 깁니다 ({{length}}자, 최대 {{max}}자)',
    suppressed: '{{column}}열의 "X"(비공개 값)를 빈 값으로 읽었습니다',
    formulaError: '{{column}}열의 수식 오류({{value}})를 빈 값으로 읽었습니다',
    industryMore: '업종명에서 "{{suffix}}" 부분을 뺐습니다 (업종코드에는 모두 있음)',
    duplicateInFile: '{{row}}행과 같은 항목입니다 ({{key}})',
    keepExisting: '{{field}}: 빈 칸이라 기존 값을 그대로 둡니다',
    unitConverted: '{{field}}: {{unit}} 단위를 {{target}}(으)로 바꿨습니다',
    rowError: '{{row}}행 {{column}}열: {{message}}',
    rowErrorNoColumn: '{{row}}행: {{message}}',
    sheetPrefix: '[{{sheet}}] ',
    csvQuote: '따옴표가 닫히지 않은 칸이 있습니다 ({{row}}행 근처)',
    truncatedUtf8: '파일 끝의 잘린 글자 {{bytes}}바이트를 무시했습니다',
    refNotFound: "{{entity}} '{{title}}'을(를) 찾을 수 없습니다",
    refAmbiguous:
      "{{entity}} '{{title}}'이(가) {{count}}건이라 어느 것인지 정할 수 없습니다. 이름을 구분되게 고치거나 직접 고르세요",
    clusterUnknown: "클러스터 '{{value}}'을(를) 알 수 없습니다 (예: 구미, gumi)",
    noValue: '{{column}}열의 "{{value}}"을(를) 빈 값으로 읽었습니다',
    optionalDropped: '{{field}}: "{{value}}"을(를) 읽을 수 없어 비워 두었습니다 ({{message}})',
    industryMoreNoCode: '업종명에서 "{{suffix}}" 부분을 뺐습니다',
    maybeSamePerson:
      '이미 있는 "{{title}}"와(과) 같은 사람일 수 있음: 새로 만들지, 같은 사람으로 합칠지 고르세요',
    maybeSameRecord:
      '이미 있는 "{{title}}"와(과) 같은 항목일 수 있음: 새로 만들지, 같은 항목으로 합칠지 고르세요',
    suggestCompany:
      '업종·대표자·사업자등록번호 열이 있고 기관유형 열이 없어 기업 목록으로 보입니다',
    sameForAll: '모든 행에 같은 값: {{field}} = {{value}}',
    mapHeader: '머리글이 "{{field}}"와(과) 맞습니다',
    mapHeaderValues: '머리글이 "{{field}}"와(과) 맞고, 값의 {{share}}%가 그 형식입니다',
    mapSerial: '일련번호 열(순번·연번·No·1, 2, 3 …)이라 가져오지 않습니다',
    mapValues:
      '머리글은 "{{field}}" 같지만 값이 맞지 않습니다 ({{share}}%만 맞음, 예: {{examples}})',
    mapTaken: '"{{field}}"은(는) {{column}}열이 더 잘 맞습니다',
    mapMeta: '기록 정보 열입니다',
    mapNone: '맞는 항목이 없습니다',
    mapUser: '직접 고른 연결입니다',
    blankValue: '(빈 값)',
  },
  en: {
    fileTooLarge: 'The file is too large ({{size}} MB). Files up to {{max}} MB can be imported',
    emptyFile: 'The file is empty',
    tooManyRows: 'Too many rows ({{rows}}). Up to {{max}} rows can be imported at once',
    tooManyColumns: 'Too many columns ({{columns}}). Up to {{max}} columns can be read',
    unknownEncoding:
      'Unknown text encoding: row {{row}} (byte {{offset}}) is neither UTF-8 nor CP949 (EUC-KR). Save the file again as "CSV UTF-8"',
    legacyXls: 'The old Excel format (.xls) cannot be read. Save it as an Excel workbook (.xlsx)',
    unsupportedFormat: 'Unsupported file type. Choose a CSV, TSV or XLSX file',
    zipCorrupt: 'The XLSX file is damaged ({{detail}})',
    zipTooManyEntries: 'The XLSX file has too many entries ({{entries}}, at most {{max}})',
    zipTooLarge:
      'The XLSX file is too large once decompressed ({{size}} MB, at most {{max}} MB): possibly a zip bomb',
    zipRatio:
      'Entry {{entry}} of the XLSX file has an abnormal compression ratio ({{ratio}}×): possibly a zip bomb',
    notXlsx: 'Not an XLSX workbook (the file is damaged or of another type)',
    xlsxCorrupt: 'The XLSX file cannot be read: it is damaged',
    noSheets: 'The workbook has no sheets',
    sheetNotFound: 'No sheet "{{sheet}}". Sheets: {{sheets}}',
    noData: 'No rows with data were found',
    noHeader: 'No header row was found',
    aborted: 'Import cancelled',
    internal: 'Unexpected problem while reading the file ({{detail}})',
    cellTooLong: 'Cell too long ({{length}} characters, at most {{max}})',
    suppressed: '"X" (suppressed value) in column {{column}} read as empty',
    formulaError: 'Formula error ({{value}}) in column {{column}} read as empty',
    industryMore: 'Removed "{{suffix}}" from the industry name (all codes are in the KSIC field)',
    duplicateInFile: 'Same item as row {{row}} ({{key}})',
    keepExisting: '{{field}}: blank, the existing value is kept',
    unitConverted: '{{field}}: converted from {{unit}} to {{target}}',
    rowError: 'Row {{row}} column {{column}}: {{message}}',
    rowErrorNoColumn: 'Row {{row}}: {{message}}',
    sheetPrefix: '[{{sheet}}] ',
    csvQuote: 'A quoted cell is not closed (near row {{row}})',
    truncatedUtf8: 'Ignored {{bytes}} bytes of a cut character at the end of the file',
    refNotFound: "{{entity}} '{{title}}' not found",
    refAmbiguous:
      "{{entity}} '{{title}}' matches {{count}} records; make the names distinct or pick one",
    clusterUnknown: "Unknown cluster '{{value}}' (e.g. 구미, gumi)",
    noValue: '"{{value}}" in column {{column}} read as empty',
    optionalDropped: '{{field}}: "{{value}}" could not be read and was left empty ({{message}})',
    industryMoreNoCode: 'Removed "{{suffix}}" from the industry name',
    maybeSamePerson:
      'May be the same person as the existing "{{title}}": create a new one or merge',
    maybeSameRecord: 'May be the same as the existing "{{title}}": create a new one or merge',
    suggestCompany:
      'Industry, representative or business-number columns and no kind column: looks like a list of companies',
    sameForAll: 'Same value in every row: {{field}} = {{value}}',
    mapHeader: 'The header names "{{field}}"',
    mapHeaderValues: 'The header names "{{field}}" and {{share}}% of the values fit',
    mapSerial: 'A serial-number column (No, 1, 2, 3 …): not imported',
    mapValues:
      'The header suggests "{{field}}" but the values do not fit (only {{share}}%, e.g. {{examples}})',
    mapTaken: 'Column {{column}} fits "{{field}}" better',
    mapMeta: 'A record information column',
    mapNone: 'No matching field',
    mapUser: 'Chosen by you',
    blankValue: '(empty)',
  },
} as const;

export type ImportMessageKey = keyof (typeof importMessages)['ko'];
export type MessageParams = Record<string, string | number>;

export function importMessage(
  key: ImportMessageKey,
  params: MessageParams = {},
  lang: 'ko' | 'en' = 'ko',
): string {
  return interpolate(importMessages[lang][key], params);
}

/** A file-level failure. `message` is Korean; `english()` gives the English text. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportMessageKey,
    readonly params: MessageParams = {},
  ) {
    super(importMessage(code, params, 'ko'));
  }
  english(): string {
    return importMessage(this.code, this.params, 'en');
  }
}

/** Wraps anything thrown by a third-party parser so callers only ever see ImportError. */
export function asImportError(e: unknown, fallback: ImportMessageKey = 'internal'): ImportError {
  if (e instanceof ImportError) return e;
  const detail = e instanceof Error ? e.message.slice(0, 120) : String(e).slice(0, 120);
  return new ImportError(fallback, { detail });
}

/** Throws the Korean "cancelled" error when the user pressed 취소. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportError('aborted');
}
