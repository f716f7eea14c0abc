import { LIMITS } from './plausibility';

// How many messages a page may send: a token bucket, so a page (or a script on it) that floods is
// paused and a tab left open all day is not. Pure: the caller passes the time.

export interface Bucket {
  tokens: number;
  atMs: number;
}

export interface BucketRule {
  burst: number;
  refillMs: number;
}

export const SITE_MESSAGE_RATE: BucketRule = {
  burst: LIMITS.siteMessageBurst,
  refillMs: LIMITS.siteMessageRefillMs,
};

/** The `page` of the site problem that says reading paused (reported once, cleared on resuming). */
export const READING_PAUSED_PAGE = 'reading-paused';

/** Takes one message's token if there is one; a clock that went back refills nothing. */
export function takeToken(
  bucket: Bucket | null,
  nowMs: number,
  rule: BucketRule = SITE_MESSAGE_RATE,
): { ok: boolean; bucket: Bucket } {
  const b = bucket ?? { tokens: rule.burst, atMs: nowMs };
  const tokens = Math.min(rule.burst, b.tokens + Math.max(0, nowMs - b.atMs) / rule.refillMs);
  return tokens >= 1
    ? { ok: true, bucket: { tokens: tokens - 1, atMs: nowMs } }
    : { ok: false, bucket: { tokens, atMs: nowMs } };
}
