/**
 * A handful of organizations and difficulties in stored form (validated through the registry,
 * exactly as `mutate()` would keep them), with the codes and texts an export must not mangle:
 * a KSIC code with a leading zero, BRN/CRN with check digits, CP949 extension syllables (`똠`),
 * quotes and commas inside cells, decimals, and every enum kind.
 *
 * The FIRST record of each list is deliberately minimal (required fields only). `sparseFirst()`
 * puts a filled record first, the case that once tripped the importer's fill-down of grouped
 * public tables (now off when the headers map cleanly to the entity).
 */
import { expect } from 'vitest';
import {
  getEntity,
  validateRecord,
  type EntityName,
  type StoredRecord,
} from '../../../../shared/registry';
import { brnCheckDigit, crnCheckDigit, formatBrn, formatCrn } from '../../../../shared/korean/ids';

export const brn = (first9: string): string => formatBrn(`${first9}${brnCheckDigit(first9)}`);
export const crn = (first12: string): string => formatCrn(`${first12}${crnCheckDigit(first12)}`);

function stored(entity: EntityName, id: string, input: Record<string, unknown>): StoredRecord {
  const r = validateRecord(getEntity(entity), input);
  if (!r.ok) expect.fail(`fixture ${id}: ${JSON.stringify(r.errors)}`);
  return {
    ...r.value,
    id,
    clusterId: 'gumi',
    version: 1,
    hlc: '0000000000000:0000:device-a',
    deviceId: 'device-a',
    createdAt: '2006-04-01T00:00:00.000Z',
    updatedAt: '2006-05-02T03:04:05.000Z',
    deleted: 0,
  };
}

export const organizations: StoredRecord[] = [
  stored('organization', 'org-0', { name: '구미전자정보기술원', kind: 'supportAgency' }),
  stored('organization', 'org-1', {
    name: '금오정밀(주)',
    kind: 'company',
    brn: brn('513812345'),
    crn: crn('175311000123'),
    representative: '김철수',
    ksic: '01110, 29',
    ksicRevision: '10',
    industryName: '자동화장비',
    firmSize: 'small',
    complex: '구미국가산업단지',
    address: '경북 구미시 공단동 123',
    phone: '054-123-4567',
    operatingStatus: 'operating',
    employees: 45,
    revenueKrw: 12_345_678_900,
    exportsUsd: 2_600_000,
    website: 'http://kumoh.example.kr',
    notes: '메카트로닉스 MC 회원사, "정밀연삭" 전문',
  }),
  stored('organization', 'org-2', {
    name: '한국광기술원',
    kind: 'institute',
    representative: '박광식',
    complex: '광주첨단과학산업단지',
    address: '광주광역시 북구 첨단벤처로108번길 9',
    employees: 300,
    firmSize: 'midsize',
    notes: '조명 전문가 보유; LED 조명바 공동개발',
  }),
  stored('organization', 'org-3', {
    name: '똠방각하 테크',
    kind: 'company',
    brn: brn('130861111'),
    ksic: '26',
    ksicRevision: '11',
    industryName: '전자부품',
    operatingStatus: 'suspended',
    employees: 0,
    revenueKrw: 0,
    exportsUsd: 999_999_999,
  }),
  stored('organization', 'org-4', {
    name: '원주의료기기협동조합',
    kind: 'cooperative',
    address: '강원 원주시 문막읍 동화공단로 1',
    phone: '033-000-1234',
    operatingStatus: 'underConstruction',
  }),
];

const company = 'org-1';

export const difficulties: StoredRecord[] = [
  stored('difficulty', 'dif-0', {
    title: '인력 채용 지원',
    companyId: company,
    area: 'workforce',
    status: 'onHold',
    receivedOn: '2006-01-09',
  }),
  stored('difficulty', 'dif-1', {
    title: 'PDP 강화유리 절단기 정밀연삭',
    companyId: company,
    description: '연삭면 거칠기 Ra 0.2 이하 요구',
    area: 'technology',
    techField: '정밀가공',
    handling: 'expertMatched',
    status: 'resolved',
    supportTypes: ['guidance', 'testing'],
    receivedOn: '2006-03-02',
    dueOn: '2006-06-30',
    resolvedOn: '2006-05-31',
    solution: '금오공대 연삭 전문가 현장 지도, 시제품 3회 시험',
    outcomeTypes: ['commercialised', 'revenueUp'],
    outcomeRevenueKrw: 5_000_000_000,
    outcomeExportsUsd: 120_000,
    outcomeCostSavedKrw: 30_000_000,
    outcomeMonthsSaved: 1.5,
    outcomeJobs: 3,
    satisfaction: '5',
    followUp: '양산 단계 점검 예정',
  }),
  stored('difficulty', 'dif-2', {
    title: 'CE 인증 절차 문의',
    companyId: company,
    area: 'certification',
    handling: 'programmeLinked',
    status: 'inSupport',
    supportTypes: ['standards'],
    receivedOn: '2006-04-01',
    satisfaction: '3',
  }),
  stored('difficulty', 'dif-3', {
    title: '수출 바이어 발굴',
    companyId: company,
    area: 'export',
    status: 'received',
    receivedOn: '2006-12-31',
    outcomeMonthsSaved: 0.25,
  }),
];
