import type { Sport } from './activity';

// Labels as the sites and files spell them, lower-cased with separators removed.
// Strava: sport_type (since 2024-10-30) and the older type ("Run", "TrailRun", "VirtualRun").
// Garmin Connect: activityType.typeKey ("running", "trail_running", "treadmill_running").
// FIT: sport/sub_sport enums ("running" + "treadmill"); GPX/TCX: free text ("Running", "run").
const LABELS: Record<string, Sport> = {
  run: 'run',
  running: 'run',
  streetrunning: 'run',
  trackrunning: 'run',
  track: 'run',
  road: 'run',
  indoorrunning: 'treadmill_run',
  trailrun: 'trail_run',
  trailrunning: 'trail_run',
  trail: 'trail_run',
  ultrarun: 'trail_run',
  treadmill: 'treadmill_run',
  treadmillrunning: 'treadmill_run',
  virtualrun: 'virtual_run',
  virtualrunning: 'virtual_run',
  walk: 'walk',
  walking: 'walk',
  casualwalking: 'walk',
  speedwalking: 'walk',
  indoorwalking: 'walk',
  hike: 'hike',
  hiking: 'hike',
  ride: 'ride',
  cycling: 'ride',
  biking: 'ride',
  bike: 'ride',
  virtualride: 'ride',
  ebikeride: 'ride',
  emountainbikeride: 'ride',
  mountainbikeride: 'ride',
  gravelride: 'ride',
  roadbiking: 'ride',
  mountainbiking: 'ride',
  gravelcycling: 'ride',
  indoorcycling: 'ride',
  virtualcycling: 'ride',
  swim: 'swim',
  swimming: 'swim',
  lapswimming: 'swim',
  openwaterswimming: 'swim',
  poolswim: 'swim',
  weighttraining: 'strength',
  strengthtraining: 'strength',
  strength: 'strength',
  crossfit: 'strength',
  workout: 'other',
  // Garmin Connect typeKeys missing above (activityTypes.json, 2026): cycling variants are rides,
  // an obstacle run is a run, rucking sits under hiking. Multisport parents, transitions, yoga and
  // pilates are named here only to say on purpose that they are "other", never a run.
  cyclocross: 'ride',
  downhillbiking: 'ride',
  trackcycling: 'ride',
  recumbentcycling: 'ride',
  bmx: 'ride',
  handcycling: 'ride',
  indoorhandcycling: 'ride',
  ebikemountain: 'ride',
  ebikefitness: 'ride',
  enduromtb: 'ride',
  eenduromtb: 'ride',
  obstaclerun: 'run',
  rucking: 'hike',
  multisport: 'other',
  transition: 'other',
  yoga: 'other',
  pilates: 'other',
  // Strava sport_type values missing above.
  handcycle: 'ride',
  velomobile: 'ride',
};

/** Normalizes a site's or file's sport label; anything unknown is "other", never a run. */
export function normalizeSport(label: string | null | undefined): Sport {
  if (!label) return 'other';
  const k = label.toLowerCase().replace(/[^a-z]/g, '');
  // Own keys only: "constructor" or "toString" are labels a site could send, not sports.
  return Object.hasOwn(LABELS, k) ? LABELS[k]! : 'other';
}
