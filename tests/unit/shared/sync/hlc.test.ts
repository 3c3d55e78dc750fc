import { describe, expect, it } from 'vitest';
import {
  HlcDriftError,
  SYNC_MAX_DRIFT_MS,
  compareHlc,
  createHlc,
  driftBeyond,
  formatHlc,
  isHlc,
  parseHlc,
} from '../../../../shared/sync/hlc';

const DEVICE_A = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const DEVICE_B = '01HZZZZZZZZZZZZZZZZZZZZZZB';

/** A controllable system clock. */
function fakeTime(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

describe('HLC stamp format', () => {
  it('is fixed-width: 13 digits of wall time, 4 hex of counter, then the device id', () => {
    expect(formatHlc({ wallMs: 1_700_000_000_123, counter: 26, deviceId: DEVICE_A })).toBe(
      `1700000000123-001a-${DEVICE_A}`,
    );
    expect(formatHlc({ wallMs: 5, counter: 0, deviceId: 'd' })).toBe('0000000000005-0000-d');
  });

  it('parses what it formats', () => {
    const parts = { wallMs: 1_700_000_000_123, counter: 0xbeef, deviceId: DEVICE_B };
    expect(parseHlc(formatHlc(parts))).toEqual(parts);
    expect(isHlc(formatHlc(parts))).toBe(true);
  });

  it('rejects malformed stamps and out-of-range parts', () => {
    expect(() => parseHlc('17000-1-x')).toThrow(SyntaxError);
    expect(isHlc('not a stamp')).toBe(false);
    expect(() => formatHlc({ wallMs: 1, counter: 0x10000, deviceId: 'd' })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: -1, counter: 0, deviceId: 'd' })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 1, counter: 0, deviceId: 'a-b' })).toThrow(RangeError);
    expect(() => createHlc('')).toThrow(RangeError);
  });

  it('orders stamps by wall time, then counter, then device, as plain strings do', () => {
    const early = formatHlc({ wallMs: 999, counter: 0xffff, deviceId: DEVICE_B });
    const later = formatHlc({ wallMs: 1000, counter: 0, deviceId: DEVICE_A });
    const laterCount = formatHlc({ wallMs: 1000, counter: 1, deviceId: DEVICE_A });
    const laterDevice = formatHlc({ wallMs: 1000, counter: 1, deviceId: DEVICE_B });
    const sorted = [laterDevice, later, early, laterCount].sort(compareHlc);
    expect(sorted).toEqual([early, later, laterCount, laterDevice]);
    expect([laterDevice, later, early, laterCount].sort()).toEqual(sorted);
    expect(compareHlc(later, later)).toBe(0);
  });
});

describe('createHlc', () => {
  it('is strictly increasing within one millisecond (a batch stamped in a tight loop)', () => {
    const clock = createHlc(DEVICE_A, fakeTime(1_000).now);
    const stamps = Array.from({ length: 5_000 }, () => clock.tick());
    for (let i = 1; i < stamps.length; i++) {
      expect(compareHlc(stamps[i - 1] as string, stamps[i] as string)).toBe(-1);
    }
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseHlc(stamps[0] as string)).toEqual({
      wallMs: 1_000,
      counter: 0,
      deviceId: DEVICE_A,
    });
    expect(clock.last()).toBe(stamps.at(-1));
  });

  it('follows the system clock when it moves forward (counter resets)', () => {
    const time = fakeTime(1_000);
    const clock = createHlc(DEVICE_A, time.now);
    clock.tick();
    clock.tick();
    time.set(2_000);
    expect(parseHlc(clock.tick())).toMatchObject({ wallMs: 2_000, counter: 0 });
  });

  it('never goes backwards when the system clock does', () => {
    const time = fakeTime(10_000);
    const clock = createHlc(DEVICE_A, time.now);
    const before = clock.tick();
    time.set(5_000); // clock set back by five seconds
    const after = clock.tick();
    expect(compareHlc(before, after)).toBe(-1);
    expect(parseHlc(after)).toMatchObject({ wallMs: 10_000, counter: 1 });
  });

  it('advances the wall time instead of overflowing the counter', () => {
    const clock = createHlc(DEVICE_A, fakeTime(1_000).now);
    let previous = clock.tick();
    for (let i = 0; i < 0x10000 + 10; i++) {
      const next = clock.tick();
      if (next <= previous) throw new Error(`not increasing at ${i}: ${previous} → ${next}`);
      previous = next;
    }
    expect(parseHlc(previous).wallMs).toBe(1_001);
  });

  it('after receiving a stamp from the future, stamps sort after it', () => {
    const clock = createHlc(DEVICE_A, fakeTime(1_000).now);
    const remote = formatHlc({ wallMs: 9_000, counter: 7, deviceId: DEVICE_B });
    const merged = clock.receive(remote);
    expect(parseHlc(merged)).toEqual({ wallMs: 9_000, counter: 8, deviceId: DEVICE_A });
    expect(compareHlc(remote, clock.tick())).toBe(-1);
  });

  it('after receiving an old stamp, keeps its own later time', () => {
    const time = fakeTime(5_000);
    const clock = createHlc(DEVICE_A, time.now);
    const own = clock.tick();
    const merged = clock.receive(formatHlc({ wallMs: 1_000, counter: 3, deviceId: DEVICE_B }));
    expect(parseHlc(merged)).toMatchObject({ wallMs: 5_000, counter: 1 });
    expect(compareHlc(own, merged)).toBe(-1);
    time.set(6_000);
    expect(
      parseHlc(clock.receive(formatHlc({ wallMs: 1, counter: 0, deviceId: DEVICE_B }))),
    ).toMatchObject({
      wallMs: 6_000,
      counter: 0,
    });
  });

  it('with equal wall times, continues from the larger counter', () => {
    const clock = createHlc(DEVICE_A, fakeTime(1_000).now);
    clock.tick(); // counter 0
    const merged = clock.receive(formatHlc({ wallMs: 1_000, counter: 41, deviceId: DEVICE_B }));
    expect(parseHlc(merged)).toMatchObject({ wallMs: 1_000, counter: 42 });
  });
});

describe('HLC drift bound', () => {
  const MIN = 60_000;
  it('refuses a stamp more than the bound ahead of the physical clock and stays where it was', () => {
    const time = fakeTime(1_000_000_000_000);
    const clock = createHlc(DEVICE_A, time.now);
    const before = clock.tick();
    const future = formatHlc({
      wallMs: time.now() + SYNC_MAX_DRIFT_MS + 1,
      counter: 0,
      deviceId: DEVICE_B,
    });
    expect(() => clock.receive(future, { maxDriftMs: SYNC_MAX_DRIFT_MS })).toThrow(HlcDriftError);
    try {
      clock.receive(future, { maxDriftMs: SYNC_MAX_DRIFT_MS });
    } catch (e) {
      expect((e as HlcDriftError).aheadMs).toBe(SYNC_MAX_DRIFT_MS + 1);
    }
    expect(clock.last()).toBe(before);
    // The next local stamp is still on the physical clock, not dragged into the future.
    time.set(time.now() + 1);
    expect(parseHlc(clock.tick()).wallMs).toBe(time.now());
  });

  it('accepts a stamp within the bound and moves past it', () => {
    const time = fakeTime(1_000_000_000_000);
    const clock = createHlc(DEVICE_A, time.now);
    const near = formatHlc({ wallMs: time.now() + 4 * MIN, counter: 7, deviceId: DEVICE_B });
    const merged = clock.receive(near, { maxDriftMs: 5 * MIN });
    expect(compareHlc(merged, near)).toBeGreaterThan(0);
    expect(driftBeyond(near, time.now(), 5 * MIN)).toBe(0);
    expect(driftBeyond(near, time.now(), 3 * MIN)).toBe(4 * MIN);
  });

  it('is configurable and absent by default (own history after a clock set back)', () => {
    const time = fakeTime(1_000_000_000_000);
    const clock = createHlc(DEVICE_A, time.now);
    const hourAhead = formatHlc({ wallMs: time.now() + 60 * MIN, counter: 0, deviceId: DEVICE_A });
    expect(() => clock.receive(hourAhead, { maxDriftMs: 30 * MIN })).toThrow(HlcDriftError);
    expect(clock.receive(hourAhead, { maxDriftMs: 90 * MIN })).toBeTruthy();
    const later = formatHlc({ wallMs: time.now() + 600 * MIN, counter: 0, deviceId: DEVICE_A });
    expect(compareHlc(clock.receive(later), later)).toBeGreaterThan(0);
  });
});
