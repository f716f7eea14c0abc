import { describe, expect, it } from 'vitest';
import { SITE_MESSAGE_RATE, takeToken, type Bucket } from '../../../core/site-message-rate';

const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);

/** Sends one message at each time; how many were let through. */
function run(times: number[], start: Bucket | null = null): { passed: boolean[]; bucket: Bucket | null } {
  let bucket = start;
  const passed = times.map((t) => {
    const r = takeToken(bucket, t);
    bucket = r.bucket;
    return r.ok;
  });
  return { passed, bucket };
}

describe('the site message rate (token bucket)', () => {
  it('never throttles a Garmin tab navigating all day: 500 messages a minute apart', () => {
    const { passed } = run(Array.from({ length: 500 }, (_, i) => T0 + i * 60_000));
    expect(passed.every(Boolean)).toBe(true);
  });

  it('never throttles a visit that reads a burst at once, then a message every few seconds', () => {
    const burst = Array.from({ length: SITE_MESSAGE_RATE.burst }, () => T0);
    const steady = Array.from({ length: 1000 }, (_, i) => T0 + (i + 1) * SITE_MESSAGE_RATE.refillMs);
    expect(run([...burst, ...steady]).passed.every(Boolean)).toBe(true);
  });

  it('throttles a burst of 1,000 in a second after the burst allowance', () => {
    const { passed } = run(Array.from({ length: 1000 }, (_, i) => T0 + i));
    expect(passed.filter(Boolean)).toHaveLength(SITE_MESSAGE_RATE.burst);
    expect(passed.slice(0, SITE_MESSAGE_RATE.burst).every(Boolean)).toBe(true);
    expect(passed.slice(SITE_MESSAGE_RATE.burst).some(Boolean)).toBe(false);
  });

  it('recovers: after the flood, one message per refill interval passes again, up to the burst', () => {
    const flood = run(Array.from({ length: 1000 }, () => T0));
    const later = T0 + SITE_MESSAGE_RATE.refillMs;
    expect(takeToken(flood.bucket, later - 1).ok).toBe(false);
    const one = takeToken(flood.bucket, later);
    expect(one.ok).toBe(true);
    expect(takeToken(one.bucket, later).ok).toBe(false);
    // A long quiet spell refills the whole burst, never more.
    const rested = run(
      Array.from({ length: 1000 }, () => T0 + 86_400_000),
      flood.bucket,
    );
    expect(rested.passed.filter(Boolean)).toHaveLength(SITE_MESSAGE_RATE.burst);
  });

  it('refills nothing when the clock goes back', () => {
    const flood = run(Array.from({ length: 200 }, () => T0));
    expect(takeToken(flood.bucket, T0 - 3_600_000).ok).toBe(false);
  });
});
