import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../../shared/sync/hlc';
import {
  fieldStamp,
  metaFromStamps,
  restamp,
  stampMetaProblem,
  stampedFieldsOf,
} from '../../../../shared/sync/recordStamps';

const D = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const s = (ms: number) => formatHlc({ wallMs: ms, counter: 0, deviceId: D });

describe('record stamps', () => {
  it('a created record stores no per-field map; an edit lists only the fields it set', () => {
    const created = { hlc: s(1) };
    expect(fieldStamp(created, 'name')).toBe(s(1));
    const edited = restamp(created, { name: s(2) });
    expect(edited).toEqual({ hlc: s(2), baseHlc: s(1), fieldHlc: { name: s(2) } });
    expect(fieldStamp(edited, 'kind')).toBe(s(1));
    expect(restamp(edited, { name: s(3), phone: s(3) })).toEqual({
      hlc: s(3),
      baseHlc: s(1),
      fieldHlc: { name: s(3), phone: s(3) },
    });
  });

  it('reads fields with their stamps, a cleared field as null with its stamp', () => {
    const row = {
      id: 'x',
      version: 2,
      clusterId: 'g',
      name: '가',
      deleted: 0,
      hlc: s(2),
      baseHlc: s(1),
      fieldHlc: { phone: s(2) },
    };
    expect(stampedFieldsOf(row)).toEqual({
      name: { value: '가', hlc: s(1) },
      deleted: { value: 0, hlc: s(1) },
      phone: { value: null, hlc: s(2) },
    });
  });

  it('picks the most frequent stamp as the base of a record seen first from elsewhere', () => {
    expect(metaFromStamps({ a: s(1), b: s(1), c: s(5) })).toEqual({
      hlc: s(5),
      baseHlc: s(1),
      fieldHlc: { c: s(5) },
    });
    expect(metaFromStamps({ a: s(4), b: s(4) })).toEqual({ hlc: s(4) });
  });

  it('says what is wrong with malformed stamp meta (restore)', () => {
    expect(stampMetaProblem({ hlc: s(1), fieldHlc: { a: s(1) } })).toBeNull();
    expect(stampMetaProblem({ hlc: s(1), fieldHlc: { a: 'soon' } })).toMatch(/fieldHlc/);
    expect(stampMetaProblem({ hlc: s(1), fieldHlc: [] })).toMatch(/fieldHlc/);
    expect(stampMetaProblem({ hlc: s(1), baseHlc: 3 })).toMatch(/baseHlc/);
  });
});
