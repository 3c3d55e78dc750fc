import { describe, expect, it } from 'vitest';
import {
  checkSpace,
  decideSpace,
  estimateRecordBytes,
  neededBytesFor,
  PER_RECORD_OVERHEAD_BYTES,
  quotaFreeBytes,
  SPACE_MARGIN_BYTES,
  WRITE_AMPLIFICATION,
} from '../../../../renderer/db/storageGuard/space';

const MiB = 1024 * 1024;

describe('space decisions', () => {
  it('needs the write amplified plus the margin', () => {
    expect(neededBytesFor(10 * MiB)).toBe(10 * MiB * WRITE_AMPLIFICATION + SPACE_MARGIN_BYTES);
    expect(neededBytesFor(-5)).toBe(SPACE_MARGIN_BYTES);
    expect(neededBytesFor(Number.NaN)).toBe(SPACE_MARGIN_BYTES);
  });

  it('refuses when the tightest reading has less free than needed, naming it', () => {
    const decision = decideSpace(10 * MiB, [
      { source: 'quota', freeBytes: 500 * MiB },
      { source: 'disk', freeBytes: 20 * MiB },
    ]);
    expect(decision).toEqual({
      ok: false,
      neededBytes: neededBytesFor(10 * MiB),
      freeBytes: 20 * MiB,
      source: 'disk',
    });
  });

  it('allows a write that fits every reading, exactly at the limit too', () => {
    const needed = neededBytesFor(MiB);
    expect(decideSpace(MiB, [{ source: 'quota', freeBytes: needed }])).toMatchObject({ ok: true });
    expect(decideSpace(MiB, [{ source: 'quota', freeBytes: needed - 1 }])).toMatchObject({
      ok: false,
      source: 'quota',
    });
  });

  it('does not block when no reading could be taken', () => {
    expect(decideSpace(100 * MiB, [{ source: 'disk', freeBytes: null }])).toEqual({
      ok: true,
      neededBytes: neededBytesFor(100 * MiB),
      freeBytes: null,
    });
    expect(decideSpace(100 * MiB, [])).toMatchObject({ ok: true, freeBytes: null });
  });

  it('treats a negative free figure (usage above quota) as nothing free', () => {
    expect(decideSpace(0, [{ source: 'quota', freeBytes: -10 }])).toMatchObject({
      ok: false,
      freeBytes: 0,
    });
  });

  it('reads free bytes from a storage estimate', () => {
    expect(quotaFreeBytes({ quota: 100, usage: 30 })).toBe(70);
    expect(quotaFreeBytes({ quota: 100 })).toBe(100);
    expect(quotaFreeBytes({ quota: 10, usage: 30 })).toBe(0);
    expect(quotaFreeBytes({ usage: 30 })).toBeNull();
    expect(quotaFreeBytes(undefined)).toBeNull();
  });

  it('estimates Hangul as two bytes a character plus the per-record overhead', () => {
    const record = { name: '가나다' };
    const json = JSON.stringify(record).length;
    expect(estimateRecordBytes([record, record])).toBe(2 * (2 * json + PER_RECORD_OVERHEAD_BYTES));
    expect(estimateRecordBytes([])).toBe(0);
  });

  it('takes the smaller of quota and disk, and a failing probe counts as unknown', async () => {
    const refused = await checkSpace(MiB, {
      estimate: async () => ({ quota: 1000 * MiB, usage: 0 }),
      diskFreeBytes: async () => 3 * MiB,
    });
    expect(refused).toMatchObject({ ok: false, source: 'disk', freeBytes: 3 * MiB });
    const unknown = await checkSpace(MiB, {
      estimate: () => Promise.reject(new Error('no')),
      diskFreeBytes: () => Promise.reject(new Error('no')),
    });
    expect(unknown).toMatchObject({ ok: true, freeBytes: null });
  });
});
