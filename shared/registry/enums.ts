/**
 * Enumerations promotion teams use (DOMAIN.md). Stored as stable codes; screens show the label
 * of the current language. Extend them here, never hard-code them in screens.
 */
import type { Label } from './types';

export interface EnumOption {
  code: string;
  label: Label;
  /** extra spellings recognised on import (labels and the code always are) */
  synonyms?: string[];
}

const opts = (
  rows: Array<[code: string, ko: string, en: string, synonyms?: string[]]>,
): EnumOption[] =>
  rows.map(([code, ko, en, synonyms]) =>
    synonyms ? { code, label: { ko, en }, synonyms } : { code, label: { ko, en } },
  );

/** Owner code of records kept by the central office (ownership rule `central`). */
export const CENTRAL_OFFICE_CODE = 'central';

const clusterCodes = opts([
  ['changwon', '창원', 'Changwon'],
  ['gumi', '구미', 'Gumi'],
  ['ulsan', '울산', 'Ulsan'],
  ['banwol-sihwa', '반월·시화', 'Banwol-Sihwa', ['반월시화', '반월']],
  ['gwangju', '광주', 'Gwangju'],
  ['wonju', '원주', 'Wonju'],
  ['gunsan', '군산', 'Gunsan'],
]);

export const enums = {
  clusterCode: clusterCodes,
  /** Who owns a record: a cluster, or the central office (사무국) for network-wide figures. */
  recordOwner: [
    ...clusterCodes,
    {
      code: CENTRAL_OFFICE_CODE,
      label: { ko: '사무국', en: 'Central office' },
      synonyms: ['중앙', '한국산업단지공단'],
    },
  ],
  orgKind: opts([
    ['company', '기업', 'Company', ['회사', '업체']],
    ['university', '대학', 'University', ['대학교']],
    ['institute', '연구소', 'Research institute', ['연구기관', '연구원']],
    ['supportAgency', '지원기관', 'Support agency'],
    ['knowledgeService', '지식서비스', 'Knowledge service'],
    ['cooperative', '협동조합', 'Cooperative'],
    ['publicBody', '공공기관', 'Public body'],
  ]),
  firmSize: opts([
    ['large', '대기업', 'Large enterprise'],
    ['midsize', '중견기업', 'Mid-sized enterprise'],
    ['medium', '중기업', 'Medium enterprise'],
    ['small', '소기업', 'Small enterprise'],
    ['micro', '소상공인', 'Micro business'],
  ]),
  operatingStatus: opts([
    ['operating', '가동', 'Operating'],
    ['suspended', '휴업', 'Suspended'],
    ['closed', '폐업', 'Closed'],
    ['notStarted', '미착공', 'Not started'],
    ['underConstruction', '건설중', 'Under construction'],
  ]),
  complexType: opts([
    ['national', '국가', 'National'],
    ['general', '일반', 'General'],
    ['urbanHighTech', '도시첨단', 'Urban high-tech'],
    ['agroIndustrial', '농공', 'Agro-industrial'],
  ]),
  ksicRevision: opts([
    ['10', '10차', '10th revision'],
    ['11', '11차', '11th revision'],
  ]),
  miniClusterStatus: opts([
    ['active', '운영중', 'Active'],
    ['preparing', '준비중', 'Preparing'],
    ['dormant', '휴면', 'Dormant'],
    ['closed', '종료', 'Closed'],
  ]),
  miniClusterType: opts([
    ['industry', '업종형', 'Industry-based'],
    ['technology', '기술형', 'Technology-based'],
    ['product', '제품형', 'Product-based'],
  ]),
  memberRole: opts([
    ['chair', '회장', 'Chair'],
    ['viceChair', '부회장', 'Vice chair'],
    ['secretary', '총무', 'Secretary'],
    ['auditor', '감사', 'Auditor'],
    ['steering', '운영위원', 'Steering member'],
    ['member', '회원', 'Member'],
  ]),
  staffRole: opts([
    ['head', '추진단장', 'Team head'],
    ['chiefCoordinator', '수석코디네이터', 'Chief coordinator'],
    ['coordinator', '코디네이터', 'Coordinator'],
    ['specialist', '기업지원 전문위원', 'Business support specialist'],
  ]),
  difficultyArea: opts([
    ['technology', '기술', 'Technology', ['R&D']],
    ['certification', '인증·규제', 'Certification and regulation', ['인증', '규제']],
    ['marketing', '마케팅·판로', 'Marketing and sales', ['마케팅', '판로']],
    ['finance', '자금', 'Finance'],
    ['workforce', '인력', 'Workforce'],
    ['management', '경영일반', 'General management'],
    ['export', '수출', 'Export'],
    ['siteLogistics', '입지·물류', 'Site and logistics'],
    ['environment', '환경', 'Environment'],
    ['other', '기타', 'Other'],
  ]),
  difficultyStatus: opts([
    ['received', '접수', 'Received'],
    ['reviewing', '검토', 'Under review'],
    ['matched', '매칭', 'Matched'],
    ['inSupport', '지원중', 'In support'],
    ['resolved', '해결', 'Resolved'],
    ['partlyResolved', '부분해결', 'Partly resolved'],
    ['unresolved', '미해결', 'Unresolved'],
    ['followUp', '사후관리', 'Follow-up'],
    ['onHold', '보류', 'On hold'],
  ]),
  handling: opts([
    ['immediate', '즉시처리', 'Answered at once'],
    ['expertMatched', '전문가매칭', 'Expert matched'],
    ['programmeLinked', '지원사업연계', 'Linked to a support programme'],
    ['referred', '유관기관이관', 'Referred to another agency'],
    ['policyProposal', '제도개선건의', 'Policy proposal'],
  ]),
  supportType: opts([
    ['guidance', '기술지도', 'Technical guidance'],
    ['onsiteRnd', '현장맞춤형 기술개발', 'On-site R&D'],
    ['transferCommercialisation', '이전기술 사업화', 'Commercialising transferred technology'],
    ['projectRnd', '프로젝트형 R&D', 'Project R&D (3+ firms)'],
    ['prototype', '시제품 제작', 'Prototype'],
    ['testing', '시험·분석', 'Testing and analysis'],
    ['standards', '국제표준·인증', 'Standards and certification'],
    ['ipFiling', '산업재산권 출원', 'IP filing'],
    ['equipment', '장비활용', 'Equipment use'],
    ['promotion', '광고·홍보', 'Promotion'],
    ['exhibition', '전시회', 'Exhibitions'],
    ['overseasMarket', '해외시장개척', 'Overseas market development'],
    ['training', '교육훈련', 'Training'],
    ['rbdConsulting', 'R&BD 기획 컨설팅', 'R&BD planning consulting'],
  ]),
  outcomeType: opts([
    ['commercialised', '사업화', 'Commercialised'],
    ['revenueUp', '매출증대', 'Revenue up'],
    ['exportsUp', '수출증대', 'Exports up'],
    ['costSaved', '비용절감', 'Cost saved'],
    ['fewerDefects', '불량률감소', 'Fewer defects'],
    ['productivity', '생산성향상', 'Productivity'],
    ['timeSaved', '기간단축', 'Time saved'],
    ['newJobs', '신규고용', 'New jobs'],
    ['ipFiled', '지식재산권 출원', 'IP filed'],
    ['ipGranted', '지식재산권 등록', 'IP granted'],
    ['certified', '인증취득', 'Certification'],
    ['techTransfer', '기술이전·기술료', 'Technology transfer and royalties'],
  ]),
  activityType: opts([
    ['generalMeeting', '창립·정기총회', 'General meeting', ['정기총회', '창립총회']],
    ['steeringCommittee', '운영위원회', 'Steering committee'],
    ['techExchange', '기술교류회', 'Technology exchange'],
    ['seminar', '세미나', 'Seminar'],
    ['rbdForum', 'R&BD 발굴포럼', 'Project-finding forum'],
    ['workshop', '워크숍', 'Workshop'],
    ['workingGroup', '분과·워킹그룹', 'Working group'],
    ['memberVisit', '회원사 방문', 'Member visit', ['현장 기술지도']],
    ['jointMeeting', 'MC간 합동교류회', 'Joint meeting of mini-clusters'],
    ['training', '교육', 'Training'],
    ['exhibitionVisit', '전시회 참관', 'Exhibition visit'],
    ['tradeMission', '해외시장개척단', 'Trade mission'],
  ]),
  resourceKind: opts([
    ['patent', '특허', 'Patent'],
    ['equipment', '장비', 'Equipment'],
    ['facility', '시설', 'Facility'],
    ['expertTime', '전문가', 'Expert time'],
  ]),
  availability: opts([
    ['available', '이용가능', 'Available'],
    ['booked', '예약중', 'Booked'],
    ['unavailable', '이용불가', 'Unavailable'],
  ]),
  planStatus: opts([
    ['draft', '작성중', 'Draft'],
    ['approved', '확정', 'Approved'],
    ['inProgress', '추진중', 'In progress'],
    ['done', '완료', 'Done'],
    ['cancelled', '취소', 'Cancelled'],
  ]),
  planScope: opts([
    ['cluster', '클러스터', 'Cluster'],
    ['miniCluster', '미니클러스터', 'Mini-cluster'],
  ]),
  indicatorMetric: opts([
    ['production', '생산액', 'Production'],
    ['exports', '수출액', 'Exports'],
    ['employment', '고용', 'Employment'],
    ['tenants', '입주업체', 'Companies in residence'],
    ['operating', '가동업체', 'Companies operating'],
    ['operatingRate', '가동률', 'Operating rate'],
    ['bigRevenueFirms', '매출 1,000억원 이상 기업', 'Companies with revenue ≥ 100 bn KRW'],
  ]),
  periodType: opts([
    ['month', '월', 'Month'],
    ['quarter', '분기', 'Quarter'],
    ['year', '연', 'Year'],
  ]),
  industryGroup: opts([
    ['food', '음식료', 'Food and beverages'],
    ['textile', '섬유의복', 'Textiles and clothing'],
    ['woodPaper', '목재종이', 'Wood and paper'],
    ['petrochemical', '석유화학', 'Petrochemicals'],
    ['nonMetal', '비금속', 'Non-metallic minerals'],
    ['steel', '철강', 'Steel'],
    ['machinery', '기계', 'Machinery'],
    ['electronics', '전기전자', 'Electrical and electronics'],
    ['transport', '운송장비', 'Transport equipment'],
    ['other', '기타', 'Other'],
    ['nonManufacturing', '비제조', 'Non-manufacturing'],
  ]),
  satisfaction: opts([
    ['5', '매우만족', 'Very satisfied'],
    ['4', '만족', 'Satisfied'],
    ['3', '보통', 'Neutral'],
    ['2', '불만족', 'Dissatisfied'],
    ['1', '매우불만족', 'Very dissatisfied'],
  ]),
  difficultyPriority: opts([
    ['urgent', '긴급', 'Urgent'],
    ['high', '높음', 'High'],
    ['normal', '보통', 'Normal'],
    ['low', '낮음', 'Low'],
  ]),
  regionCodeSystem: opts([
    ['legalDong', '법정동코드', 'Legal-dong code'],
    ['kostat', '통계청 행정구역코드', 'Statistics Korea code'],
  ]),
  /** the resource owner's answer to a usage request (registry/entities/resourceDecision.ts) */
  resourceDecision: opts([
    ['approved', '승인', 'Approved'],
    ['rejected', '반려', 'Rejected'],
    ['completed', '완료', 'Completed'],
  ]),
} satisfies Record<string, EnumOption[]>;

export type EnumId = keyof typeof enums;

export function enumLabel(enumId: string, code: string, lang: 'ko' | 'en'): string {
  const list = (enums as Record<string, EnumOption[]>)[enumId];
  return list?.find((o) => o.code === code)?.label[lang] ?? code;
}
