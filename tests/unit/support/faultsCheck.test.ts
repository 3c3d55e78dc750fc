/** The fault harness's end-of-schedule checks (tests/faults/check.ts) catch what they claim to. */
import { describe, expect, it } from 'vitest';
import type { FaultSnapshot } from '../../../renderer/bench/faultsApi';
import {
  acknowledgedKept,
  agreement,
  foldChanges,
  inboxComplete,
  noneTwice,
  type CommittedEdit,
} from '../../../tests/faults/check';
import type { RecordChange } from '../../../shared/sync/protocol';

const T1 = '1764633600000-0000-DEVA';
const T2 = '1764633600001-0000-DEVB';
const T3 = '1764633600002-0000-DEVA';

const change = (fields: RecordChange['fields'], id = 'R1'): RecordChange => ({
  entity: 'organization',
  id,
  clusterId: 'gumi',
  fields,
});

const log: RecordChange[] = [
  change({ name: { value: '가', hlc: T1 }, deleted: { value: 0, hlc: T1 } }),
  change({ name: { value: '나', hlc: T2 } }),
];

function snapshot(values: Record<string, unknown>, stamps: Record<string, string>): FaultSnapshot {
  return {
    deviceId: 'DEVA',
    records: [{ entity: 'organization', id: 'R1', clusterId: 'gumi', version: 2, values, stamps }],
    outbox: 0,
    conflicts: [],
    keptAside: [],
    historyCounts: {},
  };
}

describe('foldChanges', () => {
  it('keeps the highest stamp of each field, whatever the order', () => {
    for (const order of [log, [...log].reverse()]) {
      expect(foldChanges(order).get('organization/R1')).toEqual({
        name: { value: '나', hlc: T2 },
        deleted: { value: 0, hlc: T1 },
      });
    }
  });
});

describe('agreement', () => {
  const server = foldChanges(log);
  it('passes a client that holds the server state (absent ≡ null)', () => {
    const snap = snapshot({ name: '나', deleted: 0, notes: null }, { name: T2, deleted: T1 });
    expect(agreement('A', snap, server)).toEqual([]);
  });
  it('reports a different value, a different stamp, a missing and an extra record', () => {
    expect(
      agreement('A', snapshot({ name: '가', deleted: 0 }, { name: T1, deleted: T1 }), server),
    ).toHaveLength(1);
    expect(
      agreement('A', snapshot({ name: '나', deleted: 0 }, { name: T3, deleted: T1 }), server),
    ).toEqual([`A: organization/R1.name stamped ${T3}, server ${T2}`]);
    const empty = { ...snapshot({}, {}), records: [] };
    expect(agreement('A', empty, server)).toEqual(['A: lacks organization/R1 (on the server)']);
    expect(
      agreement('A', snapshot({ name: '나', deleted: 0 }, { name: T2, deleted: T1 }), new Map()),
    ).toEqual(['A: organization/R1 is not on the server']);
  });
});

describe('acknowledgedKept', () => {
  const edit = (client: string, value: string, hlc: string): CommittedEdit => ({
    client,
    key: 'organization/R1',
    values: { name: value },
    stamps: { name: hlc },
  });
  it('passes when the newest committed write of each field is the server value', () => {
    expect(acknowledgedKept([edit('A', '가', T1), edit('B', '나', T2)], foldChanges(log))).toEqual(
      [],
    );
  });
  it('reports a committed write the server never got, or holds under its stamp with another value', () => {
    const lost = acknowledgedKept([edit('A', '다', T3)], foldChanges(log));
    expect(lost[0]).toMatch(/^lost: A's organization\/R1.name = "다"/);
    expect(acknowledgedKept([edit('B', '라', T2)], foldChanges(log))[0]).toMatch(/^changed:/);
    expect(acknowledgedKept([edit('A', '가', T1)], new Map())[0]).toMatch(/not on the server$/);
  });
});

describe('noneTwice', () => {
  const conflict = { recordId: 'R1', field: 'name', lostHlc: T1, wonHlc: T2 };
  it('passes distinct writes and conflicts', () => {
    expect(
      noneTwice(log, [{ device: 'DEVA', conflict }], [{ name: 'A', conflicts: [conflict] }]),
    ).toEqual([]);
  });
  it('reports a write in the change log twice and a conflict stored twice', () => {
    const problems = noneTwice(
      [...log, change({ name: { value: '나', hlc: T2 } })],
      [
        { device: 'DEVA', conflict },
        { device: 'DEVA', conflict },
      ],
      [{ name: 'A', conflicts: [conflict, conflict, { ...conflict, source: 'pull' }] }],
    );
    expect(problems).toEqual([
      `server change log holds organization/R1.name@${T2} twice`,
      `server conflicts hold DEVA R1.name@${T1}>${T2} twice`,
      `A's inbox holds R1.name@${T1}>${T2} (server) twice`,
    ]);
  });
  it('one loss filed by the push answer and again by the pull is not a double apply', () => {
    const both = [
      { ...conflict, source: 'push' as const },
      { ...conflict, source: 'pull' as const },
    ];
    expect(noneTwice([], [], [{ name: 'A', conflicts: both }])).toEqual([]);
  });
});

describe('inboxComplete', () => {
  const conflict = { recordId: 'R1', field: 'name', lostHlc: T1, wonHlc: T2 };
  it('reports a loss the server stored that the device never filed', () => {
    expect(inboxComplete('A', [], [conflict])).toEqual([
      `A's inbox lacks R1.name@${T1}>${T2} (stored by the server)`,
    ]);
    expect(inboxComplete('A', [{ ...conflict, source: 'pull' }], [conflict])).toEqual([]);
  });
});
