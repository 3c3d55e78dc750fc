/**
 * Deterministic generator of realistic Korean company rows for the benchmarks: the input a user
 * or an import would hand to mutate() (Korean enum labels, formatted numbers), with valid
 * 사업자등록번호 check digits. Same seed → same rows, so every run measures the same data.
 */
import { brnCheckDigit, formatBrn } from '../../shared/korean/ids';

const NAME_HEADS = [
  '한빛',
  '대성',
  '삼우',
  '동양',
  '금강',
  '세진',
  '태광',
  '한국',
  '신성',
  '우진',
  '대한',
  '영남',
  '경북',
  '구미',
  '새한',
  '일진',
  '보광',
  '청우',
  '성호',
  '미래',
  '동진',
  '현대',
  '극동',
  '서광',
  '삼화',
  '대명',
  '한양',
  '유니',
  '케이',
  '에스',
];
const NAME_CORES = [
  '정밀',
  '전자',
  '테크',
  '산업',
  '기계',
  '소재',
  '하이텍',
  '솔루션',
  '디스플레이',
  '반도체',
  '오토텍',
  '엔지니어링',
  '메카트로닉스',
  '광학',
  '부품',
  '금속',
  '화학',
  '시스템',
  '네트웍스',
  '에너지',
];
const NAME_TAILS = ['', '㈜', ' 주식회사', '공업', '코리아'];
const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
];
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '지우',
  '현우',
  '수빈',
  '영호',
  '정희',
  '상철',
  '미경',
  '재훈',
];
const ROADS = ['1공단로', '3공단로', '수출대로', '산호대로', '구미대로', '첨단기업1로', '옥계북로'];
const INDUSTRIES: ReadonlyArray<readonly [string, string]> = [
  ['26110', '전자집적회로 제조업'],
  ['26211', '액정 표시장치 제조업'],
  ['26429', '기타 무선 통신장비 제조업'],
  ['29280', '산업용 로봇 제조업'],
  ['25934', '금속 스프링 제조업'],
  ['27112', '전기식 진단 및 요법 기기 제조업'],
  ['22241', '운송장비용 플라스틱 제품 제조업'],
];
const FIRM_SIZES = ['소기업', '소기업', '소기업', '중기업', '중기업', '중견기업', '대기업'];
const OPERATING = ['가동', '가동', '가동', '가동', '가동', '가동', '휴업', '폐업', '건설중'];

/** mulberry32: tiny, fast and good enough to spread test data. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/** A valid, unique BRN for row `index` (< 900,000): office code, corporate type 81, serial. */
export function benchBrn(index: number): string {
  const office = String(101 + Math.floor(index / 10_000)).padStart(3, '0');
  const serial = String(index % 10_000).padStart(4, '0');
  const first9 = `${office}81${serial}`;
  return formatBrn(`${first9}${brnCheckDigit(first9)}`);
}

/** Company name, unique per index thanks to the zero-padded serial at the end. */
export function benchCompanyName(random: () => number, index: number): string {
  const name = `${pick(random, NAME_HEADS)}${pick(random, NAME_CORES)}${pick(random, NAME_TAILS)}`;
  return `${name} ${String(index).padStart(6, '0')}`;
}

export type CompanyInput = Record<string, string | number>;

/** `count` company rows as typed/imported: Korean labels, formatted money, `1,234` numbers. */
export function generateCompanies(count: number, seed = 2005): CompanyInput[] {
  const random = randomSource(seed);
  const rows: CompanyInput[] = [];
  for (let i = 0; i < count; i++) {
    const [ksic, industryName] = pick(random, INDUSTRIES);
    const employees = 5 + Math.floor(random() * random() * 900);
    rows.push({
      name: benchCompanyName(random, i),
      kind: '기업',
      brn: benchBrn(i),
      representative: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`,
      ksic,
      ksicRevision: '10',
      industryName,
      firmSize: pick(random, FIRM_SIZES),
      complex: '구미국가산업단지',
      address: `경상북도 구미시 ${pick(random, ROADS)} ${1 + Math.floor(random() * 400)}`,
      phone: `054-${460 + Math.floor(random() * 40)}-${String(1000 + (i % 9000))}`,
      operatingStatus: pick(random, OPERATING),
      employees: employees.toLocaleString('ko-KR'),
      revenueKrw: employees * (80_000_000 + Math.floor(random() * 120_000_000)),
      exportsUsd: Math.floor(random() * employees * 40_000),
    });
  }
  return rows;
}

/** First and last names under the grid's string order (code-point, as AG Grid's default). */
export function nameExtremes(rows: readonly CompanyInput[]): { first: string; last: string } {
  let first = String(rows[0]?.name ?? '');
  let last = first;
  for (const row of rows) {
    const name = String(row.name);
    if (name < first) first = name;
    if (name > last) last = name;
  }
  return { first, last };
}
