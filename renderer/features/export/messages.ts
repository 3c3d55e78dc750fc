/** Strings of the grid export control (namespace `export`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const EXPORT_NS = 'export';

const ko = {
  button: '내보내기',
  buttonTitle: '지금 보이는 행과 열을 파일로 내보냅니다',
  menuLabel: '내보내기 형식',
  'format.xlsx': '엑셀 (XLSX)',
  'format.csv-utf8': 'CSV (UTF-8)',
  'format.csv-cp949': 'CSV (CP949/EUC-KR)',
  'hint.xlsx': '엑셀에서 바로 열 수 있습니다',
  'hint.csv-utf8': '한글이 깨지지 않는 표준 형식',
  'hint.csv-cp949': '오래된 공공기관 프로그램용',
  busy: '내보내는 중…',
  done: '{{n}}건을 {{name}}(으)로 내보냈습니다',
  cancelled: '내보내기를 취소했습니다',
  failed: '내보내지 못했습니다: {{message}}',
  noGrid: '표가 아직 준비되지 않았습니다. 잠시 후 다시 시도하세요',
} as const;

export type ExportMessageKey = keyof typeof ko;

const en: Record<ExportMessageKey, string> = {
  button: 'Export',
  buttonTitle: 'Export the rows and columns shown to a file',
  menuLabel: 'Export format',
  'format.xlsx': 'Excel (XLSX)',
  'format.csv-utf8': 'CSV (UTF-8)',
  'format.csv-cp949': 'CSV (CP949/EUC-KR)',
  'hint.xlsx': 'Opens in Excel as is',
  'hint.csv-utf8': 'Standard, keeps Hangul intact',
  'hint.csv-cp949': 'For older public-office tools',
  busy: 'Exporting…',
  done: 'Exported {{n}} rows to {{name}}',
  cancelled: 'Export cancelled',
  failed: 'Could not export: {{message}}',
  noGrid: 'The grid is not ready yet. Try again in a moment',
};

registerMessages(EXPORT_NS, { ko: ko as Record<ExportMessageKey, string>, en });

export function useExportT() {
  return useTranslation(EXPORT_NS).t as (
    key: ExportMessageKey,
    params?: Record<string, string | number>,
  ) => string;
}
