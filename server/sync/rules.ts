/**
 * Who may write what, what every cluster may read, and whether a pushed change is well formed:
 * pure functions over the registry (shared/registry), so the server judges a record exactly by
 * the declarations the app is built from.
 */
import { entityByName, fieldSchema, type EntityDef } from '../../shared/registry';
import { CENTRAL_OFFICE_CODE } from '../../shared/registry/enums';
import { HLC_WALL_DIGITS } from '../../shared/sync/hlc';
import type { StampedFields } from '../../shared/sync/merge';
import type { RecordChange } from '../../shared/sync/protocol';
import type { TokenPrincipal } from '../auth/tokens';
import { quickFieldOf, type QuickField } from '../../shared/registry/quickRecord';
import type { z } from 'zod';

/** A stamp further ahead of the server's clock than this is refused: it would win every merge. */
export const MAX_FUTURE_STAMP_MS = 24 * 60 * 60 * 1000;
const SHARE_FLAG = 'sharedWithNetwork';

export interface Refusal {
  reason: string;
  message: string;
}

const refuse = (reason: string, ko: string, en: string): Refusal => ({
  reason,
  message: `${ko} / ${en}`,
});

const entityOf = (name: string): EntityDef | undefined =>
  Object.hasOwn(entityByName, name) ? entityByName[name as keyof typeof entityByName] : undefined;

/** A stamp's wall time. Stamps reach the rules checked (isHlc, by the push body's check or the
 *  bundle's schema), so the first 13 characters are its digits: no general parse per field. */
const wallMsOf = (stamp: string) => Number(stamp.slice(0, HLC_WALL_DIGITS));

interface FieldValidator {
  /** a quick yes where zod surely says yes, with the value unchanged (shared/registry/
   *  quickRecord.ts, the pull's check too); zod decides the rest */
  quick: QuickField | undefined;
  schema: z.ZodType;
}

/** Per entity declaration: its fields' validators by key (declarations are immutable). */
const validatorCache = new WeakMap<EntityDef, Map<string, FieldValidator>>();
function validatorsOf(entity: EntityDef): Map<string, FieldValidator> {
  let byKey = validatorCache.get(entity);
  if (!byKey) {
    byKey = new Map();
    for (const f of entity.fields) {
      byKey.set(f.key, { quick: quickFieldOf(f), schema: fieldSchema(f, 'ko') });
    }
    validatorCache.set(entity, byKey);
  }
  return byKey;
}

/**
 * Readable by every cluster: the central office's reference data; records of an entity with a
 * `sharedWithNetwork` flag when the flag is on; otherwise records of entities owned `shared`.
 */
export function isShared(entity: EntityDef, fields: StampedFields): boolean {
  if (entity.ownership === 'central') return true;
  if (entity.fields.some((f) => f.key === SHARE_FLAG)) return fields[SHARE_FLAG]?.value === true;
  return entity.ownership === 'shared';
}

export function canRead(principal: TokenPrincipal, clusterId: string, shared: boolean): boolean {
  return principal.role === 'hq' || shared || clusterId === principal.clusterCode;
}

/** Checks a change without the database: entity, fields, values, stamps and ownership. */
export function checkChange(
  principal: TokenPrincipal,
  change: RecordChange,
  serverNow: number,
): { entity: EntityDef } | Refusal {
  const entity = entityOf(change.entity);
  if (!entity) {
    return refuse('unknown_entity', `알 수 없는 항목: ${change.entity}`, 'unknown entity');
  }
  // A team writes its own cluster's records; hq writes the central office's; central-owned
  // entities (the clusters themselves) only hq.
  const writer = principal.role === 'hq' ? CENTRAL_OFFICE_CODE : principal.clusterCode;
  if (entity.ownership === 'central' && principal.role !== 'hq') {
    return refuse(
      'central_only',
      '사무국만 쓸 수 있는 항목입니다',
      'only the central office writes this',
    );
  }
  if (change.clusterId !== writer) {
    return refuse(
      'not_owner',
      `다른 클러스터(${change.clusterId})의 기록입니다`,
      'record of another owner',
    );
  }
  const names = Object.keys(change.fields);
  if (names.length === 0) return refuse('empty_change', '바뀐 필드가 없습니다', 'no fields');
  const validators = validatorsOf(entity);
  for (const name of names) {
    const fc = change.fields[name]!;
    if (wallMsOf(fc.hlc) > serverNow + MAX_FUTURE_STAMP_MS) {
      return refuse('stamp_in_future', `${name}: 시각이 너무 앞서 있습니다`, 'stamp too far ahead');
    }
    if (name === 'deleted') {
      if (fc.value !== 0 && fc.value !== 1) {
        return refuse('invalid_field', 'deleted: 0 또는 1이어야 합니다', 'deleted must be 0 or 1');
      }
      continue;
    }
    const validator = validators.get(name);
    if (!validator) {
      return refuse('unknown_field', `알 수 없는 필드: ${name}`, `unknown field ${name}`);
    }
    if (validator.quick?.(fc.value)) continue;
    const r = validator.schema.safeParse(fc.value);
    if (!r.success) {
      return refuse(
        'invalid_field',
        `${name}: ${r.error.issues[0]?.message ?? ''}`,
        `invalid ${name}`,
      );
    }
  }
  return { entity };
}
