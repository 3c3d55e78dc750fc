/**
 * Which 처리상태 (difficultyStatus) a difficulty may move to from its current one. The flow is
 * 접수 → 검토 → 매칭 → 지원중 → 해결 / 부분해결 / 미해결, and 해결 → 사후관리. 보류 is a pause
 * reachable from every status; from 보류 the work resumes at any open step (접수…지원중).
 *
 * Why only 해결 leads to 사후관리: 사후관리 counts as resolved (shared/report/definitions.ts), so
 * a 부분해결 or 미해결 moved there would silently become a resolution in every figure.
 * One step back among the open steps is allowed (a matched expert declines, a review reopens).
 */
import { enumLabel } from '../registry/enums';
import type { Lang } from '../registry/types';

export const DESK_STATUSES = [
  'received',
  'reviewing',
  'matched',
  'inSupport',
  'resolved',
  'partlyResolved',
  'unresolved',
  'followUp',
  'onHold',
] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const OPEN_FLOW: readonly DeskStatus[] = ['received', 'reviewing', 'matched', 'inSupport'];

const FORWARD: Readonly<Record<DeskStatus, readonly DeskStatus[]>> = {
  received: ['reviewing'],
  reviewing: ['matched', 'received'],
  matched: ['inSupport', 'reviewing'],
  inSupport: ['resolved', 'partlyResolved', 'unresolved', 'matched'],
  resolved: ['followUp'],
  partlyResolved: [],
  unresolved: [],
  followUp: [],
  onHold: OPEN_FLOW,
};

export function isDeskStatus(value: unknown): value is DeskStatus {
  return typeof value === 'string' && (DESK_STATUSES as readonly string[]).includes(value);
}

/** Every status `from` may move to, 보류 included (none from 보류 to itself). */
export function allowedMoves(from: DeskStatus): DeskStatus[] {
  const next = [...FORWARD[from]];
  if (from !== 'onHold') next.push('onHold');
  return next;
}

/** The main forward step (the board's "next status" key); undefined at the end of the flow. */
export function nextStatus(from: DeskStatus): DeskStatus | undefined {
  if (from === 'onHold') return undefined;
  return FORWARD[from][0];
}

export type MoveCheck = { ok: true } | { ok: false; reason: string };

const label = (s: string, lang: Lang) => enumLabel('difficultyStatus', s, lang);

/** Whether `from → to` is allowed; when not, a sentence saying why and what is allowed. */
export function checkMove(from: string, to: string, lang: Lang): MoveCheck {
  if (!isDeskStatus(to)) {
    return {
      ok: false,
      reason: lang === 'ko' ? `알 수 없는 처리상태입니다: ${to}` : `Unknown status: ${to}`,
    };
  }
  // A record with no or an unknown status (old import) may be put anywhere once: nothing to break.
  if (!isDeskStatus(from)) return { ok: true };
  if (from === to) {
    return {
      ok: false,
      reason:
        lang === 'ko'
          ? `이미 ${label(to, lang)} 상태입니다.`
          : `The difficulty is already ${label(to, lang)}.`,
    };
  }
  const allowed = allowedMoves(from);
  if (allowed.includes(to)) return { ok: true };
  const list = allowed.map((s) => label(s, lang)).join(', ');
  if (lang === 'ko') {
    const why =
      to === 'followUp'
        ? ' 사후관리는 해결된 애로에만 이어집니다 (사후관리는 해결로 집계됩니다).'
        : '';
    return {
      ok: false,
      reason: `${label(from, lang)}에서 ${label(to, lang)}(으)로 바로 옮길 수 없습니다. 옮길 수 있는 상태: ${list}.${why}`,
    };
  }
  const why = to === 'followUp' ? ' Follow-up only comes after 해결 (it counts as resolved).' : '';
  return {
    ok: false,
    reason: `${label(from, lang)} cannot move straight to ${label(to, lang)}. Allowed: ${list}.${why}`,
  };
}
