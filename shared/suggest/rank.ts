/**
 * Expert suggestions for a technical difficulty (issue 7). Pure: the caller hands in plain rows
 * (the renderer reads them from IndexedDB, the benchmark generates them), so the same ranking can
 * run on the server later. The reasons are what the user sees; every point of score has one.
 *
 * Signals, each with a weight chosen so that one strong signal beats several weak ones:
 * - expertise tags found in the difficulty's 애로분야 / 기술분야 / title / description (3 each,
 *   at most 3 tags counted);
 * - membership in the difficulty's mini-cluster, current on `asOf` (4);
 * - the company's KSIC codes against those of the expert's organisation (2 for the same
 *   division, 3 for a 3-digit group or finer);
 * - past resolutions (해결 / 사후관리) of SIMILAR difficulties — same 애로분야 and a shared
 *   keyword, or two shared keywords — 1.5 each (at most 5), scaled by their mean satisfaction
 *   (unknown satisfaction counts as 4 of 5).
 * Never suggested: experts marked `unavailable`, deleted ones, ones already assigned to the
 * difficulty, and ones no signal points to. Ties: name, then id (deterministic).
 */
import { enums } from '../registry/enums';
import type { Label } from '../registry/types';
import { RESOLVED_STATUSES } from '../report/definitions';
import { keywordTokens, ksicCodes, sharedKsicPrefix, tagMatches } from './text';

/** A stored record as the ranking reads it (only the fields it names are used). */
export type SuggestRow = Readonly<Record<string, unknown>> & { readonly id: string };

export interface SuggestInput {
  difficulty: SuggestRow;
  experts: readonly SuggestRow[];
  /** organisations by id (the company's and the experts' KSIC codes) */
  organizations: ReadonlyMap<string, SuggestRow>;
  memberships: readonly SuggestRow[];
  /** every known difficulty (the one being matched is skipped) */
  difficulties: readonly SuggestRow[];
  /** ISO date a membership must still run on to count (default: any membership counts) */
  asOf?: string;
  /** how many to return (default 5) */
  limit?: number;
}

export type SuggestReasonCode = 'tags' | 'miniCluster' | 'ksic' | 'past';
export interface SuggestReason {
  code: SuggestReasonCode;
  label: Label;
}
export interface ExpertSuggestion {
  expertId: string;
  name: string;
  /** higher is better; only comparable within one call */
  score: number;
  reasons: SuggestReason[];
}

export const SUGGEST_WEIGHTS = {
  tag: 3,
  maxTags: 3,
  miniCluster: 4,
  ksicDivision: 2,
  ksicGroup: 3,
  pastEach: 1.5,
  maxPast: 5,
  unknownSatisfaction: 4,
} as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const isLive = (r: SuggestRow) => r['deleted'] !== 1;

/** 애로분야 words (label + synonyms) so a tag "인증" meets area `certification`. */
function areaWords(area: string): string {
  const option = enums.difficultyArea.find((o) => o.code === area);
  if (!option) return '';
  return [option.label.ko, option.label.en, ...(option.synonyms ?? [])].join(' ');
}

interface Past {
  count: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

/** Experts credited with resolving difficulties similar to `d`, with their satisfaction. */
function pastResolutions(
  d: SuggestRow,
  keywords: ReadonlySet<string>,
  difficulties: readonly SuggestRow[],
): Map<string, Past> {
  const area = str(d['area']);
  const byExpert = new Map<string, Past>();
  for (const p of difficulties) {
    if (p.id === d.id || !isLive(p) || !RESOLVED_STATUSES.includes(str(p['status']))) continue;
    const experts = strs(p['expertIds']);
    if (experts.length === 0) continue;
    let shared = 0;
    for (const k of keywordTokens(`${str(p['title'])} ${str(p['techField'])}`)) {
      if (keywords.has(k) && ++shared >= 2) break;
    }
    const similar = shared >= 2 || (shared === 1 && area !== '' && str(p['area']) === area);
    if (!similar) continue;
    const satisfaction = Number(str(p['satisfaction']));
    for (const e of experts) {
      const past = byExpert.get(e) ?? { count: 0, satisfactionSum: 0, satisfactionCount: 0 };
      past.count++;
      if (satisfaction >= 1 && satisfaction <= 5) {
        past.satisfactionSum += satisfaction;
        past.satisfactionCount++;
      }
      byExpert.set(e, past);
    }
  }
  return byExpert;
}

/** Experts in `miniClusterId` whose membership runs on `asOf`. */
function miniClusterExperts(
  miniClusterId: string,
  memberships: readonly SuggestRow[],
  asOf: string | undefined,
): Set<string> {
  const ids = new Set<string>();
  if (miniClusterId === '') return ids;
  for (const m of memberships) {
    if (!isLive(m) || m['miniClusterId'] !== miniClusterId) continue;
    const until = str(m['until']);
    if (asOf && until !== '' && until < asOf) continue;
    const e = str(m['expertId']);
    if (e !== '') ids.add(e);
  }
  return ids;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function suggestExperts(input: SuggestInput): ExpertSuggestion[] {
  const { difficulty: d, organizations } = input;
  const w = SUGGEST_WEIGHTS;
  const text = [d['title'], d['techField'], d['description']].map(str).join(' ');
  const fullText = `${text} ${areaWords(str(d['area']))}`;
  const spaceless = fullText.toLowerCase().replace(/\s+/g, '');
  const keywords = new Set(keywordTokens(fullText));
  const titleKeywords = new Set(keywordTokens(`${str(d['title'])} ${str(d['techField'])}`));
  const assigned = new Set(strs(d['expertIds']));
  const companyKsic = ksicCodes(organizations.get(str(d['companyId']))?.['ksic']);
  const inMiniCluster = miniClusterExperts(str(d['miniClusterId']), input.memberships, input.asOf);
  const past = pastResolutions(d, titleKeywords, input.difficulties);

  const out: ExpertSuggestion[] = [];
  for (const e of input.experts) {
    if (!isLive(e) || e['unavailable'] === true || assigned.has(e.id)) continue;
    const reasons: SuggestReason[] = [];
    let score = 0;

    const tags = strs(e['expertise']).filter((t) => tagMatches(t, spaceless, keywords));
    if (tags.length > 0) {
      score += w.tag * Math.min(tags.length, w.maxTags);
      const list = tags.slice(0, w.maxTags).join(', ');
      reasons.push({
        code: 'tags',
        label: { ko: `전문분야 일치: ${list}`, en: `Expertise matches: ${list}` },
      });
    }
    if (inMiniCluster.has(e.id)) {
      score += w.miniCluster;
      reasons.push({
        code: 'miniCluster',
        label: { ko: '같은 미니클러스터', en: 'Same mini-cluster' },
      });
    }
    const orgKsic = ksicCodes(organizations.get(str(e['organizationId']))?.['ksic']);
    const prefix = sharedKsicPrefix(companyKsic, orgKsic);
    if (prefix !== '') {
      score += prefix.length >= 3 ? w.ksicGroup : w.ksicDivision;
      reasons.push({
        code: 'ksic',
        label: {
          ko: `소속기관 업종 일치 (KSIC ${prefix})`,
          en: `Organisation in the same industry (KSIC ${prefix})`,
        },
      });
    }
    const p = past.get(e.id);
    if (p) {
      const mean = p.satisfactionCount > 0 ? p.satisfactionSum / p.satisfactionCount : undefined;
      score += w.pastEach * Math.min(p.count, w.maxPast) * ((mean ?? w.unknownSatisfaction) / 5);
      const sat = mean === undefined ? '' : round1(mean).toFixed(1);
      reasons.push({
        code: 'past',
        label: sat
          ? {
              ko: `유사 애로 ${p.count}건 해결, 만족도 ${sat}`,
              en: `Solved ${p.count} similar difficulties, satisfaction ${sat}`,
            }
          : { ko: `유사 애로 ${p.count}건 해결`, en: `Solved ${p.count} similar difficulties` },
      });
    }
    if (score > 0)
      out.push({ expertId: e.id, name: str(e['name']), score: round1(score), reasons });
  }
  // Deterministic order: score, then name, then id (code-unit order, not locale: same everywhere).
  out.sort(
    (a, b) =>
      b.score - a.score ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0),
  );
  return out.slice(0, input.limit ?? 5);
}
