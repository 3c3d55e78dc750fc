import { describe, expect, it } from 'vitest';
import { getEntity, type EntityDef } from '../../../../shared/registry';
import { formatHlc } from '../../../../shared/sync/hlc';
import type { Mutation } from '../../../../shared/sync/protocol';
import {
  keepOwnersRecords,
  missingForCreate,
  recordKey,
  type AcceptedMutation,
  type PushResult,
  type ServerRecordState,
} from '../../../../shared/sync/serverMerge';

const org = getEntity('organization');
const h = formatHlc({ wallMs: 1_767_600_000_000, counter: 0, deviceId: 'DEVG' });
const f = (value: unknown) => ({ value, hlc: h });

function accepted(...changes: Array<[string, Mutation['change']['fields']]>) {
  return changes.map(([id, fields], index): AcceptedMutation<EntityDef> => ({
    index,
    entity: org,
    mutation: {
      mutationId: `m${index}`,
      change: { entity: 'organization', id, clusterId: 'gumi', fields },
    },
  }));
}

describe('the server makes a record it lacks only from a whole change', () => {
  it('names what a change lacks to be a record: the tombstone, then required fields', () => {
    expect(missingForCreate(org, { name: f('가') })).toBe('deleted');
    expect(missingForCreate(org, { name: f('가'), deleted: f(0) })).toBe('기관유형');
    expect(missingForCreate(org, { name: f('가'), kind: f(null), deleted: f(0) })).toBe('기관유형');
    expect(missingForCreate(org, { name: f('가'), kind: f('company'), deleted: f(0) })).toBe(
      undefined,
    );
  });

  it('refuses partial changes of unknown records per mutation; a whole one makes it known', () => {
    const whole = { name: f('가'), kind: f('company'), deleted: f(0) };
    const states = new Map<string, ServerRecordState>([
      [
        recordKey('organization', 'known'),
        { clusterId: 'gumi', fields: whole, shared: false, dirty: false },
      ],
    ]);
    const batch = accepted(
      ['lost', { representative: f('김') }], // its create never came
      ['new', whole],
      ['new', { representative: f('김') }], // after its create in the same request
      ['known', { representative: f('김') }],
    );
    const results: PushResult[] = new Array(batch.length);
    const kept = keepOwnersRecords(batch, states, results);
    expect(kept.map((a) => a.index)).toEqual([1, 2, 3]);
    expect(results[0]).toMatchObject({
      mutationId: 'm0',
      status: 'refused',
      reason: 'unknown_record_incomplete',
    });
    expect(results[0]?.message).toMatch(/서버에 없는 기록.*deleted/);
    expect(results.filter(Boolean)).toHaveLength(1);

    // the simulation's mutant lets it through
    const loose = keepOwnersRecords(accepted(['lost', { representative: f('김') }]), states, [], {
      acceptIncomplete: true,
    });
    expect(loose).toHaveLength(1);
  });
});
