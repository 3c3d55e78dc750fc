import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../../shared/sync/hlc';
import { mergeFields, type StampedFields } from '../../../../shared/sync/merge';
import type { FieldChange } from '../../../../shared/sync/protocol';

const A = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const B = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const at = (wallMs: number, deviceId: string, counter = 0) =>
  formatHlc({ wallMs, counter, deviceId });

describe('mergeFields', () => {
  it('takes a field it does not have, and a field with a higher stamp', () => {
    const current: StampedFields = { name: { value: '가', hlc: at(1, A) } };
    const r = mergeFields(current, {
      name: { value: '나', hlc: at(2, B), base: at(1, A) },
      phone: { value: '010', hlc: at(2, B) },
    });
    expect(r.fields['name']?.value).toBe('나');
    expect(r.fields['phone']?.value).toBe('010');
    expect(r.changed.sort()).toEqual(['name', 'phone']);
    expect(r.conflicts).toEqual([]);
    expect(current['name']?.value).toBe('가'); // input untouched
  });

  it('keeps the current field against a lower stamp and ignores the same write twice', () => {
    const current: StampedFields = { name: { value: '가', hlc: at(5, A) } };
    const older = mergeFields(current, { name: { value: '나', hlc: at(3, A) } });
    expect(older.fields['name']?.value).toBe('가');
    expect(older.changed).toEqual([]);
    const again = mergeFields(current, { name: { value: '가', hlc: at(5, A) } });
    expect(again.changed).toEqual([]);
  });

  it('breaks equal times by device id, the same way on every side', () => {
    const fromA: Record<string, FieldChange> = { name: { value: 'A', hlc: at(7, A), base: null } };
    const fromB: Record<string, FieldChange> = { name: { value: 'B', hlc: at(7, B), base: null } };
    const ab = mergeFields(mergeFields(undefined, fromA).fields, fromB);
    const ba = mergeFields(mergeFields(undefined, fromB).fields, fromA);
    expect(ab.fields['name']?.value).toBe('B');
    expect(ba.fields['name']?.value).toBe('B');
  });

  it('keeps concurrent edits of different fields of one record', () => {
    const base: StampedFields = {
      name: { value: '가', hlc: at(1, A) },
      employees: { value: 10, hlc: at(1, A) },
    };
    const r1 = mergeFields(base, { name: { value: '나', hlc: at(2, A), base: at(1, A) } });
    const r2 = mergeFields(r1.fields, {
      employees: { value: 99, hlc: at(3, B), base: at(1, A) },
    });
    expect(r2.fields['name']?.value).toBe('나');
    expect(r2.fields['employees']?.value).toBe(99);
    expect(r2.conflicts).toEqual([]);
  });

  it('reports a concurrent write of one field for the losing device, whichever arrives first', () => {
    const base: StampedFields = { name: { value: '원래', hlc: at(1, A) } };
    const mine: Record<string, FieldChange> = {
      name: { value: 'A안', hlc: at(2, A), base: at(1, A) },
    };
    const theirs: Record<string, FieldChange> = {
      name: { value: 'B안', hlc: at(3, B), base: at(1, A) },
    };
    for (const [first, second] of [
      [mine, theirs],
      [theirs, mine],
    ] as const) {
      const r = mergeFields(mergeFields(base, first).fields, second);
      expect(r.fields['name']?.value).toBe('B안');
      expect(r.conflicts).toHaveLength(1);
      expect(r.conflicts[0]?.loserDevice).toBe(A);
      expect(r.conflicts[0]?.loser.value).toBe('A안');
    }
  });

  it('does not report a sequential overwrite (the writer saw the value it replaced)', () => {
    const current: StampedFields = { name: { value: 'A안', hlc: at(2, A), base: at(1, A) } };
    const r = mergeFields(current, { name: { value: 'B안', hlc: at(3, B), base: at(2, A) } });
    expect(r.fields['name']?.value).toBe('B안');
    expect(r.conflicts).toEqual([]);
  });

  it('merges a tombstone like any field', () => {
    const current: StampedFields = { deleted: { value: 0, hlc: at(1, A) } };
    const r = mergeFields(current, { deleted: { value: 1, hlc: at(2, B), base: at(1, A) } });
    expect(r.fields['deleted']?.value).toBe(1);
    const stale = mergeFields(r.fields, { deleted: { value: 0, hlc: at(1, A) } });
    expect(stale.fields['deleted']?.value).toBe(1);
  });
});
