/**
 * Every field kind through validateRecord: what users type and spreadsheets hold is normalised,
 * anything else is rejected with a Korean message naming the field, and blanks mean "no value".
 */
import { describe, expect, it } from 'vitest';
import { validateRecord, getEntity } from '../../../../shared/registry';
import type { EntityDef, FieldDef, FieldKind } from '../../../../shared/registry';

type Case = {
  field: Omit<FieldDef, 'key' | 'kind'>;
  valid: Array<[input: unknown, stored: unknown]>;
  invalid: Array<[input: unknown, message: string]>;
};

const tooLong = (n: number) => '가'.repeat(n);

/** Typed by FieldKind so a new kind cannot be added without its cases. */
const CASES: Record<FieldKind, Case> = {
  text: {
    field: { label: { ko: '이름', en: 'Name' } },
    valid: [
      ['  한국광기술원 ', '한국광기술원'],
      // HTML is just text: kept verbatim, escaping is the renderer's job
      ['<b>굵게</b> & <script>alert(1)</script>', '<b>굵게</b> & <script>alert(1)</script>'],
      [2006, '2006'],
      [tooLong(200), tooLong(200)],
    ],
    invalid: [
      [tooLong(201), '이름은(는) 200자 이내로 입력하세요'],
      [{ a: 1 }, '이름: 올바르지 않은 값입니다'],
    ],
  },
  longText: {
    field: { label: { ko: '내용', en: 'Body' } },
    valid: [['첫 줄\n둘째 줄', '첫 줄\n둘째 줄']],
    invalid: [[tooLong(10_001), '내용은(는) 10000자 이내로 입력하세요']],
  },
  integer: {
    field: { label: { ko: '인원', en: 'Staff' }, min: 0, max: 100_000 },
    valid: [
      ['1,086', 1086],
      [' 2 022 ', 2022],
      ['１２', 12],
      ['920명', 920],
      [0, 0],
    ],
    invalid: [
      ['많음', '인원에는 숫자를 입력하세요'],
      [1.5, '인원에는 정수를 입력하세요'],
      [-1, '인원은(는) 0 이상이어야 합니다'],
      ['100,001', '인원은(는) 100000 이하여야 합니다'],
    ],
  },
  decimal: {
    field: { label: { ko: '기간', en: 'Months' } },
    valid: [
      ['1.5', 1.5],
      ['1,234.5', 1234.5],
      ['△2.5', -2.5],
    ],
    invalid: [
      ['1.2.3', '기간에는 숫자를 입력하세요'],
      [Number.NaN, '기간에는 숫자를 입력하세요'],
    ],
  },
  money: {
    field: { label: { ko: '매출액', en: 'Revenue' }, unit: 'KRW', min: 0 },
    valid: [
      ['1,234,000', 1_234_000],
      ['1.2억', 120_000_000],
      ['3,500만원', 35_000_000],
      ['2.9조', 2_900_000_000_000],
    ],
    invalid: [
      ['0.5', '매출액에는 정수를 입력하세요'],
      ['-1', '매출액은(는) 0 이상이어야 합니다'],
      ['오십억', '매출액에는 숫자를 입력하세요'],
    ],
  },
  percent: {
    field: { label: { ko: '가동률', en: 'Rate' }, min: 0, max: 100 },
    valid: [
      ['78.7%', 78.7],
      [95, 95],
    ],
    invalid: [['101', '가동률은(는) 100 이하여야 합니다']],
  },
  date: {
    field: { label: { ko: '접수일', en: 'Received' } },
    valid: [
      ['2006-04-01', '2006-04-01'],
      ['2006.4.1', '2006-04-01'],
      ['2006. 4. 1.', '2006-04-01'],
      ['20060401', '2006-04-01'],
      ['2006/04/01', '2006-04-01'],
      ['2006년 4월 1일', '2006-04-01'],
      [38808, '2006-04-01'],
      ['38808', '2006-04-01'],
      ['2008-02-29', '2008-02-29'],
    ],
    invalid: [
      ['2006-02-30', '접수일: 날짜 형식이 아닙니다 (예: 2006-04-01, 2006.4.1, 20060401)'],
      ['2007-02-29', '접수일: 날짜 형식이 아닙니다 (예: 2006-04-01, 2006.4.1, 20060401)'],
      ['2006.13.1', '접수일: 날짜 형식이 아닙니다 (예: 2006-04-01, 2006.4.1, 20060401)'],
      ['내일', '접수일: 날짜 형식이 아닙니다 (예: 2006-04-01, 2006.4.1, 20060401)'],
    ],
  },
  enum: {
    field: { label: { ko: '처리상태', en: 'Status' }, enumId: 'difficultyStatus' },
    valid: [
      ['해결', 'resolved'],
      ['resolved', 'resolved'],
      ['Partly resolved', 'partlyResolved'],
      [' 부분 해결 ', 'partlyResolved'],
    ],
    invalid: [['끝남', '처리상태: 목록에 없는 값입니다']],
  },
  multiEnum: {
    field: { label: { ko: '지원유형', en: 'Support' }, enumId: 'supportType' },
    valid: [
      ['기술지도, 시제품 제작', ['guidance', 'prototype']],
      ['시험·분석; 장비활용', ['testing', 'equipment']],
      [['guidance'], ['guidance']],
    ],
    invalid: [
      ['기술지도, 없는지원', '지원유형: 목록에 없는 값입니다'],
      [5, '지원유형: 목록에 없는 값입니다'],
    ],
  },
  ref: {
    field: { label: { ko: '기업', en: 'Company' }, ref: 'organization' },
    valid: [['01HZX3K5Q8W9E2R4T6Y8U0I2O4', '01HZX3K5Q8W9E2R4T6Y8U0I2O4']],
    invalid: [[42, '기업: 연결할 항목을 고르세요']],
  },
  refs: {
    field: { label: { ko: '전문가', en: 'Experts' }, ref: 'expert' },
    valid: [
      [
        ['a', 'b'],
        ['a', 'b'],
      ],
    ],
    invalid: [['a', '전문가: 연결할 항목을 고르세요']],
  },
  boolean: {
    field: { label: { ko: '공유', en: 'Shared' } },
    valid: [
      [true, true],
      ['Y', true],
      ['o', true],
      ['예', true],
      [1, true],
      ['N', false],
      ['X', false],
      ['아니오', false],
      [0, false],
    ],
    invalid: [['몰라', '공유: 올바르지 않은 값입니다']],
  },
  brn: {
    field: { label: { ko: '사업자등록번호', en: 'BRN' } },
    valid: [
      ['2208162517', '220-81-62517'],
      ['124-81-00998', '124-81-00998'],
      [1208147521, '120-81-47521'],
    ],
    invalid: [
      ['220-81-62510', '사업자등록번호 검증숫자가 맞지 않습니다'],
      ['104-81-11111', '사업자등록번호 검증숫자가 맞지 않습니다'],
      ['220-81-6251', '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67891)'],
    ],
  },
  crn: {
    field: { label: { ko: '법인등록번호', en: 'CRN' } },
    valid: [['1101110005002', '110111-0005002']],
    invalid: [
      ['110111-0005001', '법인등록번호 검증숫자가 맞지 않습니다'],
      ['110111-000500', '법인등록번호는 13자리 숫자입니다 (예: 110111-1234567)'],
    ],
  },
  ksic: {
    field: { label: { ko: '업종코드', en: 'KSIC' } },
    valid: [
      ['01110', '01110'],
      ['29，291', '29, 291'],
      ['26, 261;262', '26, 261, 262'],
    ],
    invalid: [
      ['C29', '업종코드: 한국표준산업분류 코드는 1~5자리 숫자입니다 (여러 개는 쉼표로 구분)'],
      ['123456', '업종코드: 한국표준산업분류 코드는 1~5자리 숫자입니다 (여러 개는 쉼표로 구분)'],
    ],
  },
  phone: {
    field: { label: { ko: '전화', en: 'Phone' } },
    valid: [
      ['054-123-4567', '054-123-4567'],
      ['(062) 605-9114', '(062) 605-9114'],
    ],
    invalid: [['없음', '전화: 전화번호 형식이 아닙니다']],
  },
  email: {
    field: { label: { ko: '이메일', en: 'E-mail' } },
    valid: [[' kim@kopti.re.kr ', 'kim@kopti.re.kr']],
    invalid: [['kim@', '이메일: 이메일 형식이 아닙니다']],
  },
  url: {
    field: { label: { ko: '홈페이지', en: 'Website' } },
    valid: [
      ['https://www.kicox.or.kr', 'https://www.kicox.or.kr'],
      ['www.kopti.re.kr', 'http://www.kopti.re.kr'],
    ],
    invalid: [
      ['javascript:alert(1)', '홈페이지: 인터넷 주소 형식이 아닙니다 (http:// 또는 https://)'],
    ],
  },
  tags: {
    field: { label: { ko: '전문분야', en: 'Expertise' } },
    valid: [
      ['LED, 조명; 광학', ['LED', '조명', '광학']],
      [['정밀가공'], ['정밀가공']],
    ],
    invalid: [[tooLong(51), '전문분야은(는) 50자 이내로 입력하세요']],
  },
};

const entityOf = (kind: FieldKind, required = false): EntityDef => ({
  name: 'organization',
  table: `test_${kind}`,
  label: { ko: '시험', en: 'Test' },
  navOrder: 1,
  path: 'test',
  titleField: 'v',
  ownership: 'cluster',
  fields: [{ key: 'v', kind, required, ...CASES[kind].field }],
});

describe.each(Object.keys(CASES) as FieldKind[])('field kind %s', (kind) => {
  const optional = entityOf(kind);
  const required = entityOf(kind, true);
  const { valid, invalid, field } = CASES[kind];

  it.each(valid)('accepts %j as %j', (input, stored) => {
    expect(validateRecord(optional, { v: input })).toEqual({ ok: true, value: { v: stored } });
  });

  it.each(invalid)('rejects %j: %s', (input, message) => {
    expect(validateRecord(optional, { v: input })).toEqual({
      ok: false,
      errors: [{ field: 'v', message }],
    });
  });

  it.each(['', '   ', null, undefined, []])('treats %j as no value', (blank) => {
    expect(validateRecord(optional, { v: blank })).toEqual({ ok: true, value: {} });
    expect(validateRecord(required, { v: blank })).toEqual({
      ok: false,
      errors: [{ field: 'v', message: `${field.label.ko}을(를) 입력하세요` }],
    });
  });
});

describe('validateRecord', () => {
  const organization = getEntity('organization');

  it('normalises a realistic company row and drops keys that are not fields', () => {
    const r = validateRecord(organization, {
      id: 'should-not-pass',
      name: ' (주)대광테크 ',
      kind: '기업',
      brn: '2208162517',
      ksic: '01110',
      ksicRevision: 10,
      employees: '1,086',
      revenueKrw: '50억',
      operatingStatus: '가동',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        name: '(주)대광테크',
        kind: 'company',
        brn: '220-81-62517',
        ksic: '01110',
        ksicRevision: '10',
        employees: 1086,
        revenueKrw: 5_000_000_000,
        operatingStatus: 'operating',
      },
    });
  });

  it('lists every field error at once, in field order', () => {
    const r = validateRecord(organization, {
      kind: '외계기관',
      brn: '220-81-62510',
      employees: 'x',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'name', message: '기관명을(를) 입력하세요' },
      { field: 'kind', message: '기관유형: 목록에 없는 값입니다' },
      { field: 'brn', message: '사업자등록번호 검증숫자가 맞지 않습니다' },
      { field: 'employees', message: '종업원수에는 숫자를 입력하세요' },
    ]);
  });

  it('speaks English when asked', () => {
    const r = validateRecord(organization, { kind: 'company', brn: '2208162510' }, 'en');
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Name is required' },
        { field: 'brn', message: 'The business registration number check digit does not match' },
      ],
    });
  });

  it('stores nothing for an optional list that splits into no items', () => {
    expect(validateRecord(getEntity('difficulty'), { supportTypes: ' ; , ' })).toMatchObject({
      ok: false,
      errors: expect.not.arrayContaining([expect.objectContaining({ field: 'supportTypes' })]),
    });
    const r = validateRecord(getEntity('activity'), {
      title: '기술교류회',
      type: '기술교류회',
      date: '2006.4.1',
      attendeeOrgIds: [],
    });
    expect(r).toEqual({
      ok: true,
      value: { title: '기술교류회', type: 'techExchange', date: '2006-04-01' },
    });
  });

  it('validates the required multi-value field of experts with a Korean message', () => {
    const r = validateRecord(getEntity('expert'), { name: '김광수', expertise: ' , ; ' });
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'expertise', message: '전문분야을(를) 입력하세요' }],
    });
  });
});
