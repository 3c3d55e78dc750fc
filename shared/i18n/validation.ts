/** Validation messages, Korean first. `{{name}}` placeholders follow i18next's syntax. */
export const validationMessages = {
  ko: {
    'validation.required': '{{field}}을(를) 입력하세요',
    'validation.tooLong': '{{field}}은(는) {{max}}자 이내로 입력하세요',
    'validation.notNumber': '{{field}}에는 숫자를 입력하세요',
    'validation.notInteger': '{{field}}에는 정수를 입력하세요',
    'validation.min': '{{field}}은(는) {{min}} 이상이어야 합니다',
    'validation.max': '{{field}}은(는) {{max}} 이하여야 합니다',
    'validation.date': '{{field}}: 날짜 형식이 아닙니다 (예: 2006-04-01, 2006.4.1, 20060401)',
    'validation.enum': '{{field}}: 목록에 없는 값입니다',
    'validation.brnLength': '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67891)',
    'validation.brnChecksum': '사업자등록번호 검증숫자가 맞지 않습니다',
    'validation.crnLength': '법인등록번호는 13자리 숫자입니다 (예: 110111-1234567)',
    'validation.crnChecksum': '법인등록번호 검증숫자가 맞지 않습니다',
    'validation.ksic':
      '{{field}}: 한국표준산업분류 코드는 1~5자리 숫자입니다 (여러 개는 쉼표로 구분)',
    'validation.email': '{{field}}: 이메일 형식이 아닙니다',
    'validation.url': '{{field}}: 인터넷 주소 형식이 아닙니다 (http:// 또는 https://)',
    'validation.phone': '{{field}}: 전화번호 형식이 아닙니다',
    'validation.ref': '{{field}}: 연결할 항목을 고르세요',
    'validation.invalid': '{{field}}: 올바르지 않은 값입니다',
  },
  en: {
    'validation.required': '{{field}} is required',
    'validation.tooLong': '{{field}} must be at most {{max}} characters',
    'validation.notNumber': '{{field}} must be a number',
    'validation.notInteger': '{{field}} must be a whole number',
    'validation.min': '{{field}} must be at least {{min}}',
    'validation.max': '{{field}} must be at most {{max}}',
    'validation.date': '{{field}}: not a date (e.g. 2006-04-01, 2006.4.1, 20060401)',
    'validation.enum': '{{field}}: not one of the listed values',
    'validation.brnLength': 'A business registration number has 10 digits (e.g. 123-45-67891)',
    'validation.brnChecksum': 'The business registration number check digit does not match',
    'validation.crnLength': 'A corporate registration number has 13 digits (e.g. 110111-1234567)',
    'validation.crnChecksum': 'The corporate registration number check digit does not match',
    'validation.ksic': '{{field}}: KSIC codes are 1–5 digits (separate several with commas)',
    'validation.email': '{{field}}: not an e-mail address',
    'validation.url': '{{field}}: not a web address (http:// or https://)',
    'validation.phone': '{{field}}: not a phone number',
    'validation.ref': '{{field}}: choose the linked item',
    'validation.invalid': '{{field}}: invalid value',
  },
} as const;

export type ValidationKey = keyof (typeof validationMessages)['ko'];

export function interpolate(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function validationMessage(
  lang: 'ko' | 'en',
  key: ValidationKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(validationMessages[lang][key], params);
}
