/**
 * Sentence patterns for generated difficulties: what a promotion team writes in its 접수대장.
 * `{product}` and `{field}` are filled from the cluster's specialisation (assets/demo/clusters.json).
 */

export const AREA_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['technology', 45],
  ['marketing', 12],
  ['certification', 8],
  ['finance', 8],
  ['workforce', 7],
  ['management', 6],
  ['export', 6],
  ['siteLogistics', 3],
  ['environment', 3],
  ['other', 2],
];

export const TITLES: Record<string, string[]> = {
  technology: [
    '{product} {field} 개선',
    '{field} 문제로 인한 {product} 불량',
    '{product} 신제품 설계 자문',
    '{product} {field} 공정 최적화',
    '{product} 원가 절감형 설계 변경',
    '{field} 관련 시험·분석 의뢰',
  ],
  certification: [
    '{product} KS 인증 취득',
    '{product} CE 인증 대응',
    'ISO 9001 인증 준비',
    '{product} 시험성적서 발급',
    '{product} 해외 규격 적합성 검토',
  ],
  marketing: [
    '{product} 신규 판로 개척',
    '대기업 협력업체 등록',
    '{product} 홍보 카탈로그 제작',
    '{product} 전시회 참가 지원',
  ],
  finance: ['운전자금 조달', '정책자금 신청 자문', '설비 투자 자금 확보', '기술개발 자금 매칭'],
  workforce: ['생산직 인력 채용난', '설계 인력 재교육', '연구인력 확보', '현장 기능인력 교육'],
  management: ['원가 관리 체계 구축', 'ERP 도입 자문', '생산 관리 개선', '기업 부설연구소 설립'],
  export: [
    '{product} 해외 바이어 발굴',
    '수출 계약서 검토',
    '{product} 해외 규격 대응',
    '무역 실무 교육',
  ],
  siteLogistics: ['공장 증설 부지 확보', '물류 비용 절감', '단지 내 진입로·주차 개선'],
  environment: ['폐수 처리 기준 대응', 'VOC 배출 저감', '폐기물 처리 비용 절감'],
  other: ['통근버스 노선 개선', '특허 분쟁 자문', '산업단지 편의시설 요청'],
};

/** 처리구분 by area: technology goes to experts, finance and workforce to other agencies. */
export const HANDLING: Record<string, ReadonlyArray<readonly [string, number]>> = {
  technology: [
    ['expertMatched', 70],
    ['programmeLinked', 20],
    ['immediate', 10],
  ],
  certification: [
    ['expertMatched', 40],
    ['programmeLinked', 40],
    ['referred', 20],
  ],
  marketing: [
    ['programmeLinked', 50],
    ['immediate', 30],
    ['referred', 20],
  ],
  finance: [
    ['referred', 50],
    ['programmeLinked', 40],
    ['policyProposal', 10],
  ],
  workforce: [
    ['referred', 40],
    ['programmeLinked', 40],
    ['immediate', 20],
  ],
  management: [
    ['immediate', 50],
    ['expertMatched', 30],
    ['referred', 20],
  ],
  export: [
    ['programmeLinked', 60],
    ['referred', 40],
  ],
  siteLogistics: [
    ['referred', 50],
    ['policyProposal', 50],
  ],
  environment: [
    ['expertMatched', 50],
    ['referred', 30],
    ['policyProposal', 20],
  ],
  other: [
    ['immediate', 60],
    ['referred', 40],
  ],
};

export const SUPPORT_TYPES: Record<string, string[]> = {
  technology: [
    'guidance',
    'onsiteRnd',
    'testing',
    'prototype',
    'equipment',
    'projectRnd',
    'ipFiling',
  ],
  certification: ['standards', 'testing', 'guidance'],
  marketing: ['promotion', 'exhibition', 'rbdConsulting'],
  finance: ['rbdConsulting'],
  workforce: ['training'],
  management: ['rbdConsulting', 'training'],
  export: ['overseasMarket', 'exhibition', 'standards'],
  siteLogistics: ['rbdConsulting'],
  environment: ['guidance', 'testing'],
  other: ['guidance'],
};

export const OUTCOMES: Record<string, string[]> = {
  technology: [
    'fewerDefects',
    'productivity',
    'costSaved',
    'commercialised',
    'revenueUp',
    'timeSaved',
    'ipFiled',
  ],
  certification: ['certified', 'exportsUp', 'timeSaved'],
  marketing: ['revenueUp', 'commercialised'],
  finance: ['costSaved'],
  workforce: ['newJobs', 'productivity'],
  management: ['productivity', 'costSaved'],
  export: ['exportsUp'],
  siteLogistics: ['costSaved'],
  environment: ['costSaved'],
  other: ['costSaved'],
};

export const PROGRAMMES = [
  '산학협력 기술개발사업',
  '중소기업 기술혁신개발사업',
  '현장맞춤형 기술개발 과제',
  '시제품 제작 지원사업',
  '해외시장개척단 파견사업',
  '산업단지 인력양성사업',
];

export const AGENCIES = [
  '중소기업진흥공단',
  '지방노동청',
  '지방환경청',
  'KOTRA',
  '신용보증기금',
  '테크노파크',
];

export function fill(pattern: string, product: string, field: string): string {
  return pattern.replace('{product}', product).replace('{field}', field);
}
