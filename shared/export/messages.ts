/** Messages of the exporters, Korean first. Exporters throw only `ExportError`. */
import { interpolate } from '../i18n/validation';
import type { Lang } from '../registry';

export const exportMessages = {
  ko: {
    cp949Unencodable:
      '{{row}}행 {{column}}열({{header}})의 "{{char}}" 글자는 CP949(EUC-KR)로 저장할 수 없습니다. UTF-8 형식으로 내보내세요',
    xlsxFailed: '엑셀 파일을 만들지 못했습니다: {{detail}}',
  },
  en: {
    cp949Unencodable:
      'Row {{row}}, column {{column}} ({{header}}): "{{char}}" cannot be saved in CP949 (EUC-KR). Export as UTF-8 instead',
    xlsxFailed: 'Could not create the Excel file: {{detail}}',
  },
} as const;

export type ExportMessageKey = keyof (typeof exportMessages)['ko'];
type Params = Record<string, string | number>;

export function exportMessage(key: ExportMessageKey, params: Params = {}, lang: Lang = 'ko') {
  return interpolate(exportMessages[lang][key], params);
}

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportMessageKey,
    readonly params: Params = {},
    lang: Lang = 'ko',
  ) {
    super(exportMessage(code, params, lang));
  }
}
