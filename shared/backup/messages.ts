/**
 * Every message of the backup format, Korean first. Corruption messages start with
 * `백업 파일이 손상되었습니다:` and name the file or table at fault, so a user (or support) knows
 * what broke without opening the archive.
 */
import { interpolate } from '../i18n/validation';
import type { Lang } from '../registry';

const DAMAGED = '백업 파일이 손상되었습니다: ';
const DAMAGED_EN = 'The backup file is damaged: ';

export const backupMessages = {
  ko: {
    notZip: '백업 파일이 아닙니다 (ZIP 형식이 아닙니다)',
    zipTruncated: `${DAMAGED}파일이 중간에 잘렸습니다`,
    zipUnsupported: '지원하지 않는 ZIP 형식입니다 ({{detail}})',
    zipCorrupt: `${DAMAGED}{{file}}의 압축을 풀 수 없습니다`,
    fileTooLarge: '백업 파일이 너무 큽니다 ({{size}}MB, 최대 {{max}}MB)',
    tooManyEntries: '백업 파일 안의 항목이 너무 많습니다 ({{entries}}개, 최대 {{max}}개)',
    tooLarge:
      '백업 파일의 압축을 풀면 너무 큽니다 ({{size}}MB 이상, 최대 {{max}}MB). 압축 폭탄일 수 있습니다',
    manifestMissing: `${DAMAGED}manifest.json이 없습니다`,
    manifestInvalid: `${DAMAGED}manifest.json의 형식이 올바르지 않습니다 ({{detail}})`,
    notPumasiBackup: '품앗이 백업 파일이 아닙니다 (manifest.json의 format: {{format}})',
    newerFormat:
      '새 버전의 품앗이에서 만든 백업 형식(버전 {{version}})이라 복원할 수 없습니다. 프로그램을 업데이트한 뒤 다시 시도하세요',
    newerSchema:
      '더 새로운 버전의 품앗이에서 만든 백업(데이터 버전 {{version}})이라 복원할 수 없습니다. 이 프로그램은 데이터 버전 {{max}}까지 읽을 수 있습니다. 프로그램을 업데이트한 뒤 다시 시도하세요',
    unknownTable: '백업 파일에 알 수 없는 표가 있습니다: {{table}}',
    duplicateTable: `${DAMAGED}{{table}} 표가 두 번 들어 있습니다`,
    badFilePath: `${DAMAGED}{{table}} 표의 파일 이름({{file}})이 올바르지 않습니다`,
    fileMissing: `${DAMAGED}{{file}} 파일이 없습니다`,
    unexpectedFile: `${DAMAGED}목록에 없는 파일 {{file}}이(가) 들어 있습니다`,
    checksumMismatch: `${DAMAGED}{{file}} 검사값이 맞지 않습니다`,
    badJson: `${DAMAGED}{{file}}을(를) 읽을 수 없습니다 (JSON 형식 오류)`,
    notArray: `${DAMAGED}{{file}}에 레코드 목록이 없습니다`,
    countMismatch: `${DAMAGED}{{file}}의 레코드 수가 맞지 않습니다 (목록 {{expected}}건, 실제 {{actual}}건)`,
    recordWithoutId: `${DAMAGED}{{file}}의 {{index}}번째 레코드에 id가 없습니다`,
    duplicateId: `${DAMAGED}{{file}}에 id가 같은 레코드({{id}})가 두 번 있습니다`,
    badTableName: '표 이름 "{{table}}"은(는) 백업에 쓸 수 없습니다 (영문, 숫자, _, -만)',
  },
  en: {
    notZip: 'Not a backup file (not a ZIP archive)',
    zipTruncated: `${DAMAGED_EN}the file is cut off`,
    zipUnsupported: 'Unsupported ZIP format ({{detail}})',
    zipCorrupt: `${DAMAGED_EN}{{file}} cannot be decompressed`,
    fileTooLarge: 'The backup file is too large ({{size}} MB, at most {{max}} MB)',
    tooManyEntries: 'The backup holds too many entries ({{entries}}, at most {{max}})',
    tooLarge:
      'The backup is too large once decompressed ({{size}} MB or more, at most {{max}} MB); it may be a zip bomb',
    manifestMissing: `${DAMAGED_EN}manifest.json is missing`,
    manifestInvalid: `${DAMAGED_EN}manifest.json is malformed ({{detail}})`,
    notPumasiBackup: 'Not a Pumasi backup (manifest.json format: {{format}})',
    newerFormat:
      'This backup format (version {{version}}) comes from a newer Pumasi; update the app and try again',
    newerSchema:
      'This backup comes from a newer Pumasi (data version {{version}}); this app reads up to version {{max}}. Update the app and try again',
    unknownTable: 'The backup holds an unknown table: {{table}}',
    duplicateTable: `${DAMAGED_EN}table {{table}} is listed twice`,
    badFilePath: `${DAMAGED_EN}table {{table}} has a wrong file name ({{file}})`,
    fileMissing: `${DAMAGED_EN}{{file}} is missing`,
    unexpectedFile: `${DAMAGED_EN}{{file}} is not listed in the manifest`,
    checksumMismatch: `${DAMAGED_EN}the checksum of {{file}} does not match`,
    badJson: `${DAMAGED_EN}{{file}} cannot be read (invalid JSON)`,
    notArray: `${DAMAGED_EN}{{file}} holds no list of records`,
    countMismatch: `${DAMAGED_EN}{{file}} holds {{actual}} records, the manifest says {{expected}}`,
    recordWithoutId: `${DAMAGED_EN}record {{index}} of {{file}} has no id`,
    duplicateId: `${DAMAGED_EN}{{file}} holds two records with id {{id}}`,
    badTableName:
      'Table name "{{table}}" cannot be used in a backup (letters, digits, _ and - only)',
  },
} as const;

export type BackupErrorCode = keyof (typeof backupMessages)['ko'];
export type BackupMessageParams = Record<string, string | number>;

export function backupMessage(
  code: BackupErrorCode,
  params: BackupMessageParams = {},
  lang: Lang = 'ko',
): string {
  return interpolate(backupMessages[lang][code], params);
}

/** Thrown only by buildBackup (bad input from the caller); readBackup never throws. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly params: BackupMessageParams = {},
  ) {
    super(backupMessage(code, params, 'ko'));
  }
}
