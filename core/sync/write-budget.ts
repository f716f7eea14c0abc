import { SYNC_LIMITS } from './shard-plan';

// storage.sync refuses writes past 120 a minute or 1,800 an hour, and settings share that
// allowance. Hip Check keeps to a quarter of it, counting every item set or removed as a write.

export const OWN_RATE = {
  perMinute: SYNC_LIMITS.writesPerMinute / 4,
  perHour: SYNC_LIMITS.writesPerHour / 4,
} as const;

/** How many item writes are allowed now, and when more will be, from the times of past writes. */
export function writeAllowance(pastWritesMs: readonly number[], nowMs: number): { now: number; nextAtMs: number } {
  const lastMinute = pastWritesMs.filter((t) => t > nowMs - 60_000);
  const lastHour = pastWritesMs.filter((t) => t > nowMs - 3_600_000);
  const now = Math.max(0, Math.min(OWN_RATE.perMinute - lastMinute.length, OWN_RATE.perHour - lastHour.length));
  if (now > 0) return { now, nextAtMs: nowMs };
  const minuteFree = lastMinute.length >= OWN_RATE.perMinute ? Math.min(...lastMinute) + 60_000 : nowMs;
  const hourFree = lastHour.length >= OWN_RATE.perHour ? Math.min(...lastHour) + 3_600_000 : nowMs;
  return { now, nextAtMs: Math.max(minuteFree, hourFree) + 1 };
}

/** Past write times still worth remembering. */
export function recentWrites(pastWritesMs: readonly number[], nowMs: number): number[] {
  return pastWritesMs.filter((t) => t > nowMs - 3_600_000);
}
