/**
 * The desk's writes, all through mutate() (history + who + outbox as any edit): take in a new
 * difficulty, move one to a status with what that step needs. A refused write changes nothing
 * and returns the errors keyed by field (Korean first; the registry's own rules included, e.g.
 * 해결 without 해결일).
 */
import { getEntity, type Lang, type StoredRecord } from '../../../shared/registry';
import { checkMove, missingForStatus } from '../../../shared/desk';
import { seoulToday } from '../../../shared/report/period';
import { getDb, mutate } from '../../db';
import { formValueToInput, type FormValues } from '../entities/formValues';

export type FieldErrors = Array<{ field: string; message: string }>;

const difficulty = getEntity('difficulty');

function toInput(values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    const field = difficulty.fields.find((f) => f.key === key);
    if (field) input[key] = formValueToInput(field, v) ?? null;
  }
  return input;
}

export async function takeIn(values: FormValues, lang: Lang): Promise<FieldErrors> {
  const input = toInput(values);
  for (const k of Object.keys(input)) if (input[k] === null) delete input[k];
  const result = await mutate(
    getDb(),
    [
      {
        entity: 'difficulty',
        op: 'create',
        values: { receivedOn: seoulToday(), ...input, status: 'received' },
      },
    ],
    { lang },
  );
  return result.ok ? [] : result.errors;
}

/** Moves `record` to `to` with the step's fields; errors when not allowed or incomplete. */
export async function moveTo(
  record: StoredRecord,
  to: string,
  values: FormValues,
  lang: Lang,
): Promise<FieldErrors> {
  const allowed = checkMove(String(record.status ?? ''), to, lang);
  if (!allowed.ok) return [{ field: 'status', message: allowed.reason }];
  const patch = toInput(values);
  const merged: Record<string, unknown> = { ...record, ...patch };
  const missing = missingForStatus(to, merged as StoredRecord, lang);
  if (missing.length > 0) return missing;
  const result = await mutate(
    getDb(),
    [{ entity: 'difficulty', op: 'update', id: record.id, values: { ...patch, status: to } }],
    { lang },
  );
  return result.ok ? [] : result.errors;
}
