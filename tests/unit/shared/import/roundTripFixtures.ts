/**
 * Records whose values a spreadsheet round trip must not change: formula-like and HTML-like
 * names, phone numbers starting with `+`, tags holding `/` and `;`, multi-line notes, and
 * references by ULID (exported as titles, resolved back to these ids on import).
 */
import { expect } from 'vitest';
import {
  getEntity,
  validateRecord,
  type EntityName,
  type StoredRecord,
} from '../../../../shared/registry';

/** A valid, deterministic ULID (Crockford base 32: no I, L, O, U). */
export const ulidOf = (tag: string, n: number): string =>
  `01J${tag}`.padEnd(22, '0') + String(n).padStart(4, '0');

export function stored(
  entity: EntityName,
  id: string,
  input: Record<string, unknown>,
  clusterId = 'gwangju',
): StoredRecord {
  const r = validateRecord(getEntity(entity), input);
  if (!r.ok) expect.fail(`fixture ${id}: ${JSON.stringify(r.errors)}`);
  return {
    ...r.value,
    id,
    clusterId,
    version: 3,
    hlc: '0000000000000:0000:device-b',
    deviceId: 'device-b',
    createdAt: '2006-04-01T00:00:00.000Z',
    updatedAt: '2006-05-02T03:04:05.000Z',
    deleted: 0,
  };
}

export const HYPERLINK = '=HYPERLINK("http://x")';
export const IMG = '<img src=x onerror=alert(1)>';

export const hostileOrganizations: StoredRecord[] = [
  stored('organization', ulidOf('RG', 1), {
    name: HYPERLINK,
    kind: 'company',
    phone: '+82-62-605-9000',
    representative: '@홍길동',
    notes: '첫째 줄\n  둘째 줄 (들여쓰기)\n\n-셋째 줄, "따옴표"',
  }),
  stored('organization', ulidOf('RG', 2), { name: IMG, kind: 'institute' }),
  stored('organization', ulidOf('RG', 3), {
    name: '-주식회사 마이너스',
    kind: 'company',
    industryName: '+플러스 산업',
  }),
  stored('organization', ulidOf('RG', 4), { name: '광산업, 조명 지원센터', kind: 'supportAgency' }),
];

export const miniClusters = [{ id: ulidOf('MC', 1), title: '메카트로닉스' }];

export const hostileExperts: StoredRecord[] = [
  stored('expert', ulidOf('XP', 1), {
    name: '김광수',
    organizationId: ulidOf('RG', 2),
    position: '책임연구원',
    expertise: ['CAD/CAE', 'LED; 조명', '정밀가공'],
    phone: '+82-62-605-9000',
    email: 'kks@example.kr',
    patents: 12,
    sharedWithNetwork: true,
    notes: '조명 전문가\nLED 조명바 공동개발',
  }),
  stored('expert', ulidOf('XP', 2), {
    name: HYPERLINK,
    organizationId: ulidOf('RG', 1),
    affiliation: '-소속 미상',
    expertise: ['@멘션', 'R&D'],
    sharedWithNetwork: false,
  }),
  stored('expert', ulidOf('XP', 3), {
    name: '이영희',
    organizationId: 'org-1',
    expertise: ['연삭'],
    techTransfers: 0,
  }),
  stored('expert', ulidOf('XP', 4), {
    name: IMG,
    organizationId: ulidOf('RG', 4),
    expertise: ['시험·분석'],
  }),
];

export const hostileDifficulties: StoredRecord[] = [
  stored('difficulty', ulidOf('DF', 1), {
    title: HYPERLINK,
    companyId: ulidOf('RG', 2),
    description: '첫 줄\n둘째 줄\n\n  넷째 줄 (들여쓰기)',
    area: 'certification',
    handling: 'expertMatched',
    status: 'inSupport',
    miniClusterId: miniClusters[0]!.id,
    expertIds: [ulidOf('XP', 1), ulidOf('XP', 3)],
    supportTypes: ['prototype', 'testing', 'rbdConsulting'],
    receivedOn: '2006-02-28',
    dueOn: '2006-12-31',
    solution: '1) 시제품 제작\n2) 시험·분석 의뢰',
    outcomeTypes: ['costSaved'],
    outcomeCostSavedKrw: 1_234_567_890,
    outcomeMonthsSaved: 2.5,
  }),
  stored('difficulty', ulidOf('DF', 2), {
    title: '-20도 저온 시험',
    companyId: ulidOf('RG', 4),
    area: 'technology',
    status: 'received',
    expertIds: [ulidOf('XP', 2), ulidOf('XP', 4)],
    receivedOn: '2006-03-01',
    followUp: '@담당자 확인\n+추가 시험 예정',
  }),
];
