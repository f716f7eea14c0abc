/**
 * Page 1 of a Strava "My Activities" list as its JSON comes (see the corpus): `count` runs of
 * 8 km at 07:00 UTC, one a day back from `newest` (YYYY-MM-DD), ids from `firstId`.
 */
export function stravaRunList(opts: {
  count: number;
  newest: string;
  firstId: number;
  perPage: number;
  total: number;
}) {
  const models = Array.from({ length: opts.count }, (_, i) => {
    const startMs = Date.parse(`${opts.newest}T07:00:00Z`) - i * 86_400_000;
    return {
      id: opts.firstId + i,
      name: `Run ${i}`,
      type: 'Run',
      sport_type: 'Run',
      start_time: new Date(startMs).toISOString().replace('.000Z', '+0000'),
      start_date_local_raw: startMs / 1000,
      distance_raw: 8000,
      moving_time_raw: 2400,
      elapsed_time_raw: 2500,
    };
  });
  return { models, page: 1, perPage: opts.perPage, total: opts.total };
}
