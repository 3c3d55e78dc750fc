/**
 * The row checks of a restore (renderer/db/backupRows.ts) against everything the app itself
 * writes: every demo record, stored as mutate() stores it, passes (the "stored form" check must
 * never refuse a real backup), and the record bookkeeping the check knows is exactly mutate()'s.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../shared/demo';
import { getEntity, validateRecord } from '../../../../shared/registry';
import { formatHlc } from '../../../../shared/sync/hlc';
import { META_KEYS } from '../../../../renderer/db/apply';
import {
  MAX_CLOCK_AHEAD_MS,
  recordMetaSchema,
  recordProblems,
  stampProblem,
  type RowCheckContext,
} from '../../../../renderer/db/backupRows';

const NOW = Date.UTC(2006, 3, 1, 9, 30);
const ctx: RowCheckContext = { lang: 'ko', now: NOW, maxClockAheadMs: MAX_CLOCK_AHEAD_MS };
const stamp = (wallMs: number) => formatHlc({ wallMs, counter: 1, deviceId: '01HQDEVICE' });

describe('record checks', () => {
  it('know exactly the bookkeeping keys mutate() writes', () => {
    expect(Object.keys(recordMetaSchema.shape).sort()).toEqual([...META_KEYS].sort());
  });

  it('demo records of every entity, as mutate() stores them, pass', () => {
    let checked = 0;
    for (const { entity, rows } of generateDemoData()) {
      const def = getEntity(entity);
      // 400 per entity cover every field kind and keep the test well inside its time limit
      for (const row of rows.slice(0, 400)) {
        const valid = validateRecord(def, row.values);
        if (!valid.ok) throw new Error(`${entity} ${row.id}: ${JSON.stringify(valid.errors)}`);
        const stored = {
          ...valid.value,
          id: row.id,
          clusterId: row.clusterId,
          version: 1,
          hlc: stamp(NOW),
          deviceId: '01HQDEVICE',
          createdAt: '2006-04-01T09:30:00.000Z',
          updatedAt: '2006-04-01T09:30:00.000Z',
          deleted: 0,
        };
        const problems = recordProblems(ctx, def, stored);
        if (problems.length > 0) throw new Error(`${entity} ${row.id}: ${problems.join('; ')}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('clock stamps', () => {
  it('accepts a stamp up to the bound ahead, refuses one past it', () => {
    expect(stampProblem(ctx, 'id', stamp(NOW + MAX_CLOCK_AHEAD_MS))).toBeNull();
    expect(stampProblem(ctx, 'id', stamp(NOW + MAX_CLOCK_AHEAD_MS + 1))).toMatch(
      /24시간 넘게 앞섭니다/,
    );
  });

  it('refuses what no clock makes: 9999999999999, a dash in the device id, upper-case hex', () => {
    expect(stampProblem(ctx, 'id', '9999999999999-ffff-01HQDEVICE')).toMatch(/앞섭니다/);
    expect(stampProblem(ctx, 'id', '0000000000001-0000-a-b')).toMatch(/올바르지 않습니다/);
    expect(stampProblem(ctx, 'id', '0000000000001-00FF-01HQ')).toMatch(/올바르지 않습니다/);
    expect(stampProblem(ctx, 'id', 42)).toMatch(/올바르지 않습니다/);
  });
});
