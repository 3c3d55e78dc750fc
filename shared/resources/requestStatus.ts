/**
 * The status of a resource usage request, 요청 → 승인 / 반려 → 완료, derived from the two records
 * that make it up: the request (written only by the requesting cluster) and the resource
 * owner's decision (written only by the resource's cluster). Keeping the answer in its own record
 * is what lets sync's rule "only the owning cluster writes a record" hold for both sides.
 */
import type { Label } from '../registry/types';

export type RequestStatus = 'requested' | 'approved' | 'rejected' | 'completed';
export type DecisionStatus = Exclude<RequestStatus, 'requested'>;

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Label>> = {
  requested: { ko: '요청', en: 'Requested' },
  approved: { ko: '승인', en: 'Approved' },
  rejected: { ko: '반려', en: 'Rejected' },
  completed: { ko: '완료', en: 'Completed' },
};

type Row = Readonly<Record<string, unknown>> & { readonly id: string };

const DECISIONS: readonly string[] = ['approved', 'rejected', 'completed'];

/**
 * The decision that answers `requestId`: the latest written (greatest `hlc`, then `updatedAt`)
 * live one. Normally there is one; two devices of the owner answering at once make two, and the
 * later answer wins, as it would for two writes to one record.
 */
export function decisionFor(requestId: string, decisions: readonly Row[]): Row | undefined {
  let best: Row | undefined;
  const key = (r: Row) => `${String(r['hlc'] ?? '')}|${String(r['updatedAt'] ?? '')}|${r.id}`;
  for (const d of decisions) {
    if (d['requestId'] !== requestId || d['deleted'] === 1) continue;
    if (!DECISIONS.includes(String(d['status']))) continue;
    if (!best || key(d) > key(best)) best = d;
  }
  return best;
}

export function requestStatus(requestId: string, decisions: readonly Row[]): RequestStatus {
  const d = decisionFor(requestId, decisions);
  return d ? (d['status'] as DecisionStatus) : 'requested';
}

/** What the owner may answer next: 요청 → 승인 / 반려, 승인 → 완료; 반려 and 완료 are final. */
export function nextDecisions(status: RequestStatus): DecisionStatus[] {
  if (status === 'requested') return ['approved', 'rejected'];
  if (status === 'approved') return ['completed'];
  return [];
}

/** Only the resource's own cluster answers a request (the decision is its record). */
export function canDecide(resourceClusterId: unknown, myClusterId: unknown): boolean {
  return typeof myClusterId === 'string' && myClusterId !== '' && resourceClusterId === myClusterId;
}
