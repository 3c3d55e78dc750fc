import { describe, expect, it } from 'vitest';
import {
  planRemoteChange,
  type PlanContext,
  type RecordRules,
} from '../../../../shared/sync/applyChange';
import { formatHlc } from '../../../../shared/sync/hlc';
import type { RecordChange } from '../../../../shared/sync/protocol';
import { fieldStamp, type StampMeta } from '../../../../shared/sync/recordStamps';

const LOCAL = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const OTHER = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const NOW = 1_700_000_000_000;
const at = (ms: number, device: string, counter = 0) =>
  formatHlc({ wallMs: NOW + ms, counter, deviceId: device });

/** name required; kind one of two options (a newer app may have a third). */
const rules: RecordRules = {
  hasField: (f) => ['name', 'kind', 'phone'].includes(f),
  validate(data) {
    if (typeof data['name'] !== 'string') return { ok: false, message: 'name: required' };
    if (data['kind'] !== undefined && !['company', 'university'].includes(String(data['kind']))) {
      return { ok: false, message: `kind: unknown option ${String(data['kind'])}` };
    }
    return { ok: true, value: data };
  },
};
const ctx: PlanContext = { rules, localDevice: LOCAL, physicalMs: NOW, maxDriftMs: 5 * 60_000 };

const stored = (extra: Record<string, unknown> = {}): Record<string, unknown> & StampMeta => ({
  id: 'r1',
  clusterId: 'gumi',
  version: 1,
  name: '가',
  kind: 'company',
  deleted: 0,
  hlc: at(1, LOCAL),
  ...extra,
});
const change = (fields: RecordChange['fields']): RecordChange => ({
  entity: 'organization',
  id: 'r1',
  clusterId: 'gumi',
  fields,
});

describe('planRemoteChange', () => {
  it('merges field by field: a concurrent edit of another field keeps both, stamps kept as sent', () => {
    // Local device renamed the record at t=10; the other device changed `kind` at t=5.
    const current = stored({
      name: '로컬',
      baseHlc: at(1, LOCAL),
      hlc: at(10, LOCAL),
      fieldHlc: { name: at(10, LOCAL) },
    });
    const plan = planRemoteChange(
      current,
      change({ kind: { value: 'university', hlc: at(5, OTHER), base: at(1, LOCAL) } }),
      ctx,
    );
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.data).toEqual({ name: '로컬', kind: 'university' });
    expect(fieldStamp(plan.meta, 'kind')).toBe(at(5, OTHER)); // the sender's stamp, not restamped
    expect(fieldStamp(plan.meta, 'name')).toBe(at(10, LOCAL));
    expect(plan.meta.hlc).toBe(at(10, LOCAL));
    expect(plan.lost).toEqual([]);
  });

  it('reports a field this device lost to a concurrent write, with both values and why', () => {
    const current = stored({
      baseHlc: at(1, LOCAL),
      hlc: at(3, LOCAL),
      fieldHlc: { name: at(3, LOCAL) },
      name: '로컬',
    });
    const plan = planRemoteChange(
      current,
      change({ name: { value: '원격', hlc: at(3, OTHER, 2), base: at(1, LOCAL) } }),
      ctx,
    );
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.data['name']).toBe('원격');
    expect(plan.lost).toEqual([
      {
        field: 'name',
        lostValue: '로컬',
        lostHlc: at(3, LOCAL),
        wonValue: '원격',
        wonHlc: at(3, OTHER, 2),
        why: 'later_counter',
      },
    ]);
  });

  it('does not report a conflict the sender lost (the server files it for the sender)', () => {
    const current = stored({
      baseHlc: at(1, LOCAL),
      hlc: at(9, LOCAL),
      fieldHlc: { name: at(9, LOCAL) },
      name: '로컬',
    });
    const plan = planRemoteChange(
      current,
      change({ name: { value: '원격', hlc: at(4, OTHER), base: at(1, LOCAL) } }),
      ctx,
    );
    expect(plan).toEqual({ kind: 'unchanged' });
  });

  it('applies a tombstone as the field deleted, and the same change twice is a no-op', () => {
    const tomb = change({ deleted: { value: 1, hlc: at(2, OTHER), base: at(1, LOCAL) } });
    const plan = planRemoteChange(stored(), tomb, ctx);
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.deleted).toBe(1);
    expect(fieldStamp(plan.meta, 'deleted')).toBe(at(2, OTHER));
    const after = { ...stored(), ...plan.meta, deleted: 1 };
    expect(planRemoteChange(after, tomb, ctx)).toEqual({ kind: 'unchanged' });
  });

  it('keeps aside, with a reason, what this app cannot apply', () => {
    const reasons = [
      planRemoteChange(stored(), change({ rating: { value: 5, hlc: at(2, OTHER) } }), ctx),
      planRemoteChange(stored(), change({ kind: { value: 'institute', hlc: at(2, OTHER) } }), ctx),
      planRemoteChange(
        stored(),
        change({ name: { value: '미래', hlc: at(6 * 60_000, OTHER) } }),
        ctx,
      ),
      planRemoteChange(stored(), change({ deleted: { value: 7, hlc: at(2, OTHER) } }), ctx),
      planRemoteChange(undefined, change({ deleted: { value: 1, hlc: at(2, OTHER) } }), ctx),
      planRemoteChange(undefined, change({ phone: { value: '010', hlc: at(2, OTHER) } }), ctx),
      planRemoteChange(stored(), change({ name: { value: 'x', hlc: at(2, OTHER) } }), {
        ...ctx,
        rules: undefined,
      }),
    ].map((p) => (p.kind === 'keptAside' ? p.reason : p.kind));
    expect(reasons).toEqual([
      'unknown_field',
      'invalid_value',
      'future_stamp',
      'invalid_value',
      'missing_record',
      'invalid_value', // a partial change for a record this device lacks: name is missing
      'unknown_entity',
    ]);
  });

  it('judges every distinct stamp of a change, wherever it sits among equal ones', () => {
    const ok = at(2, OTHER);
    const plan = (fields: RecordChange['fields']) => {
      const p = planRemoteChange(undefined, change(fields), ctx);
      return p.kind === 'keptAside' ? `${p.reason} ${p.message.split(':')[0]}` : p.kind;
    };
    const whole = { name: { value: '가', hlc: ok }, kind: { value: 'company', hlc: ok } };
    expect(plan({ ...whole, deleted: { value: 0, hlc: ok } })).toBe('apply');
    // the same stamp after a different one is judged again, not taken as passed
    expect(
      plan({ ...whole, phone: { value: '1', hlc: 'x' }, deleted: { value: 0, hlc: ok } }),
    ).toBe('bad_stamp phone');
    expect(
      plan({
        ...whole,
        phone: { value: '1', hlc: at(6 * 60_000, OTHER) },
        deleted: { value: 0, hlc: ok },
      }),
    ).toBe('future_stamp phone');
    // fields after a passed stamp are still checked for themselves
    expect(plan({ ...whole, deleted: { value: 2, hlc: ok } })).toBe('invalid_value deleted');
    expect(plan({ ...whole, nope: { value: 1, hlc: ok } })).toBe('unknown_field nope');
  });

  it('creates a record it did not have, keeping every stamp compactly', () => {
    const plan = planRemoteChange(
      undefined,
      change({
        name: { value: '새 기관', hlc: at(2, OTHER), base: null },
        kind: { value: 'company', hlc: at(2, OTHER), base: null },
        phone: { value: '010', hlc: at(3, OTHER) },
        deleted: { value: 0, hlc: at(2, OTHER), base: null },
      }),
      ctx,
    );
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.created).toBe(true);
    expect(plan.meta).toEqual({
      hlc: at(3, OTHER),
      baseHlc: at(2, OTHER),
      fieldHlc: { phone: at(3, OTHER) },
    });
  });
});
