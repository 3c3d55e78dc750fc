/**
 * The writes of a usage request, each through mutate(). The request is created in OUR cluster
 * (we are the requester); a decision is created in the RESOURCE's cluster, and only when that is
 * ours (canDecide) — the sync server refuses any other owner anyway.
 */
import { getEntity, validateRecord, type Lang, type StoredRecord } from '../../../shared/registry';
import { canDecide, decisionFor, type DecisionStatus } from '../../../shared/resources';
import { getDb, mutate, type MutateResult } from '../../db';
import { todayIso } from '../suggest/useExpertSuggestions';

type Result = MutateResult | { ok: false; errors: Array<{ field: string; message: string }> };

export async function createRequest(
  resourceId: string,
  values: Record<string, unknown>,
  lang: Lang,
): Promise<Result> {
  const check = validateRecord(getEntity('resourceRequest'), { ...values, resourceId }, lang);
  if (!check.ok) return { ok: false, errors: check.errors };
  return mutate(getDb(), [{ entity: 'resourceRequest', op: 'create', values: check.value }], {
    lang,
  });
}

export async function decide(
  resource: StoredRecord,
  requestId: string,
  status: DecisionStatus,
  decisions: readonly StoredRecord[],
  myClusterId: string | undefined,
  lang: Lang,
): Promise<Result> {
  if (!canDecide(resource.clusterId, myClusterId)) {
    const message =
      lang === 'ko'
        ? '자원을 보유한 클러스터만 처리할 수 있습니다.'
        : 'Only the cluster that owns the resource can decide.';
    return { ok: false, errors: [{ field: 'status', message }] };
  }
  const current = decisionFor(requestId, decisions);
  const values = { status, decidedOn: todayIso() };
  return mutate(
    getDb(),
    [
      current
        ? // Expect the status we showed: two people answering at once must not pass silently.
          {
            entity: 'resourceDecision',
            op: 'update',
            id: current.id,
            values,
            expect: { status: current['status'] },
          }
        : {
            entity: 'resourceDecision',
            op: 'create',
            clusterId: resource.clusterId,
            values: { ...values, requestId },
          },
    ],
    { lang },
  );
}
