/**
 * Why a sync bundle file was refused, in Korean and English (i18next `{{param}}` templates).
 * BundleError (bundle.ts) carries the Korean sentence; the 동기화 page registers both languages
 * under `bundle.<code>` (renderer/features/sync/fileMessages.ts).
 */
export type BundleErrorCode =
  | 'truncated'
  | 'not_bundle'
  | 'unsupported_version'
  | 'invalid'
  | 'tampered'
  | 'bad_signature'
  | 'wrong_cluster'
  | 'wrong_kind_push'
  | 'wrong_kind_pull';

export const BUNDLE_MESSAGES: Record<'ko' | 'en', Record<BundleErrorCode, string>> = {
  ko: {
    truncated:
      '파일이 잘렸거나 손상되었습니다 (끝까지 복사되지 않았을 수 있습니다). 원래 PC에서 다시 내보내 주세요.',
    not_bundle: '품앗이 동기화 파일이 아닙니다.',
    unsupported_version:
      '이 앱이 읽지 못하는 동기화 파일 형식({{version}})입니다. 앱을 업데이트해 주세요.',
    invalid: '동기화 파일의 내용이 올바르지 않습니다: {{detail}}',
    tampered: '파일 내용이 만들어진 뒤 바뀌었습니다 (체크섬 불일치). 아무것도 적용하지 않았습니다.',
    bad_signature:
      '파일의 서명이 맞지 않습니다 (내용이 바뀌었거나 다른 토큰으로 서명됨). 아무것도 적용하지 않았습니다.',
    wrong_cluster:
      '다른 클러스터({{found}})의 파일입니다. 이 PC는 {{expected}} 클러스터입니다. 아무것도 적용하지 않았습니다.',
    wrong_kind_push: '보낼 변경 파일입니다: 인터넷에 연결된 PC에서 가져오세요.',
    wrong_kind_pull: '받은 변경 파일입니다: 인터넷이 없는 PC에서 가져오세요.',
  },
  en: {
    truncated:
      'The file is cut short or damaged (perhaps not copied to the end). Export it again on the original PC.',
    not_bundle: 'This is not a Pumasi sync file.',
    unsupported_version:
      'This app cannot read sync files of format {{version}}. Please update the app.',
    invalid: 'The sync file is malformed: {{detail}}',
    tampered: 'The file was changed after it was made (checksum mismatch). Nothing was applied.',
    bad_signature:
      'The file’s signature does not match (changed, or signed with another token). Nothing was applied.',
    wrong_cluster:
      'This file belongs to another cluster ({{found}}); this PC serves {{expected}}. Nothing was applied.',
    wrong_kind_push: 'This file holds changes to send: import it on a PC connected to the server.',
    wrong_kind_pull: 'This file holds received changes: import it on the offline PC.',
  },
};

export function bundleMessage(
  code: BundleErrorCode,
  params: Record<string, string>,
  lang: 'ko' | 'en' = 'ko',
): string {
  return BUNDLE_MESSAGES[lang][code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}
