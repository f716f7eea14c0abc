// The one set of limits every part of Hip Check applies: readers, the message router, the store
// and the backup. Sized for real athletes (multi-day ultras, long rides), so nothing a runner can
// really do is refused anywhere, and nothing past them is ever stored.
export const LIMITS = {
  /** 1,000 km: the longest single sessions (multi-day ultras, long rides) stay under it. */
  maxDistanceM: 1_000_000,
  /** 7 days: a watch left recording longer than that is a broken value. */
  maxDurationS: 7 * 24 * 3600,
  /** Clocks disagree a little; a start more than this far ahead of "now" is in the future. */
  futureSlackMs: 15 * 60 * 1000,
  /** Nothing a runner logs predates GPS watches; 1980 leaves room for hand-entered history. */
  earliestStartMs: Date.UTC(1980, 0, 1),
  maxIdLength: 200,
  maxLabelLength: 100,
  maxNameLength: 500,
  /** Activities one site reading may carry (a list page holds 20-100). */
  maxActivitiesPerSiteMessage: 200,
  /**
   * What a page may send at once (a backfill reads 10 list pages; a Garmin visit a few dozen
   * views), refilled one message per siteMessageRefillMs: a tab left open all day keeps being read.
   */
  siteMessageBurst: 100,
  siteMessageRefillMs: 3_000,
} as const;
