import type { Sport } from '../activity';

// Names of the FIT profile's `sport` and `sub_sport` enums (public FIT profile), used as the
// activity's sport label, and the mapping from them to Hip Check's sports.

const SPORT_NAMES: Readonly<Record<number, string>> = {
  0: 'generic',
  1: 'running',
  2: 'cycling',
  3: 'transition',
  4: 'fitness_equipment',
  5: 'swimming',
  6: 'basketball',
  7: 'soccer',
  8: 'tennis',
  9: 'american_football',
  10: 'training',
  11: 'walking',
  12: 'cross_country_skiing',
  13: 'alpine_skiing',
  14: 'snowboarding',
  15: 'rowing',
  16: 'mountaineering',
  17: 'hiking',
  18: 'multisport',
  19: 'paddling',
  20: 'flying',
  21: 'e_biking',
  22: 'motorcycling',
  23: 'boating',
  24: 'driving',
  25: 'golf',
  26: 'hang_gliding',
  27: 'horseback_riding',
  28: 'hunting',
  29: 'fishing',
  30: 'inline_skating',
  31: 'rock_climbing',
  32: 'sailing',
  33: 'ice_skating',
  34: 'sky_diving',
  35: 'snowshoeing',
  36: 'snowmobiling',
  37: 'stand_up_paddleboarding',
  38: 'surfing',
  39: 'wakeboarding',
  40: 'water_skiing',
  41: 'kayaking',
  42: 'rafting',
  43: 'windsurfing',
  44: 'kitesurfing',
  45: 'tactical',
  46: 'jumpmaster',
  47: 'boxing',
  48: 'floor_climbing',
  49: 'baseball',
  53: 'diving',
  62: 'hiit',
  64: 'racket',
  65: 'wheelchair_push_walk',
  66: 'wheelchair_push_run',
  67: 'meditation',
  69: 'disc_golf',
  71: 'cricket',
  72: 'rugby',
  73: 'hockey',
  74: 'lacrosse',
  75: 'volleyball',
  76: 'water_tubing',
  77: 'wakesurfing',
  80: 'mixed_martial_arts',
  82: 'snorkeling',
  83: 'dance',
  84: 'jump_rope',
};

const SUB_SPORT_NAMES: Readonly<Record<number, string>> = {
  0: 'generic',
  1: 'treadmill',
  2: 'street',
  3: 'trail',
  4: 'track',
  5: 'spin',
  6: 'indoor_cycling',
  7: 'road',
  8: 'mountain',
  9: 'downhill',
  10: 'recumbent',
  11: 'cyclocross',
  12: 'hand_cycling',
  13: 'track_cycling',
  14: 'indoor_rowing',
  15: 'elliptical',
  16: 'stair_climbing',
  17: 'lap_swimming',
  18: 'open_water',
  19: 'flexibility_training',
  20: 'strength_training',
  21: 'warm_up',
  22: 'match',
  23: 'exercise',
  24: 'challenge',
  25: 'indoor_skiing',
  26: 'cardio_training',
  27: 'indoor_walking',
  28: 'e_bike_fitness',
  29: 'bmx',
  30: 'casual_walking',
  31: 'speed_walking',
  32: 'bike_to_run_transition',
  33: 'run_to_bike_transition',
  34: 'swim_to_bike_transition',
  35: 'atv',
  36: 'motocross',
  37: 'backcountry',
  38: 'resort',
  39: 'rc_drone',
  40: 'wingsuit',
  41: 'whitewater',
  42: 'skate_skiing',
  43: 'yoga',
  44: 'pilates',
  45: 'indoor_running',
  46: 'gravel_cycling',
  47: 'e_mountain',
  48: 'commuting',
  49: 'mixed_surface',
  50: 'navigate',
  51: 'track_me',
  52: 'map',
  58: 'virtual_activity',
  59: 'obstacle',
  67: 'ultra',
  68: 'indoor_climbing',
  69: 'bouldering',
  70: 'hiit',
};

export const FIT_SPORT_TRANSITION = 3;

// Message and field numbers by their FIT profile names (Profile.xlsx in Garmin's FIT SDK): the
// readers say `SESSION.totalTimerTime`, not `get(8)`. Only the fields Hip Check reads.

/** Global message numbers (mesg_num). */
export const FIT_MESG = { fileId: 0, sport: 12, session: 18, lap: 19, record: 20, event: 21, activity: 34 } as const;

/** file_id.type values (the `file` enum) that matter here. */
export const FIT_FILE = { activity: 4 } as const;

export const FILE_ID = { type: 0, timeCreated: 4 } as const;
export const SPORT = { sport: 0, subSport: 1, name: 3 } as const;
/**
 * Times in ms (scale 1000), distance in cm (scale 100), as the profile scales them. Cadence in
 * whole cycles a minute (avg_running_cadence, strides, in a run) plus a fraction in 1/128.
 */
export const SESSION = {
  startTime: 2,
  sport: 5,
  subSport: 6,
  totalElapsedTime: 7,
  totalTimerTime: 8,
  totalDistance: 9,
  avgCadence: 18,
  avgFractionalCadence: 92,
  sportProfileName: 110,
  timestamp: 253,
} as const;
export const LAP = {
  startTime: 2,
  totalElapsedTime: 7,
  totalTimerTime: 8,
  totalDistance: 9,
  sport: 25,
  subSport: 39,
  timestamp: 253,
} as const;
/** Positions in semicircles (2^31 = 180°); cadence as in SESSION. */
export const RECORD = {
  positionLat: 0,
  positionLong: 1,
  cadence: 4,
  distance: 5,
  compressedSpeedDistance: 8,
  fractionalCadence: 53,
  timestamp: 253,
} as const;
export const EVENT = { event: 0, eventType: 1, timestamp: 253 } as const;
export const ACTIVITY = { localTimestamp: 5, timestamp: 253 } as const;

export function fitSportName(sport: number | undefined): string {
  if (sport === undefined) return 'generic';
  return SPORT_NAMES[sport] ?? `sport ${sport}`;
}

export function fitSubSportName(sub: number | undefined): string {
  if (sub === undefined) return 'generic';
  return SUB_SPORT_NAMES[sub] ?? `sub-sport ${sub}`;
}

/** "running", or "running/trail" when the file gives a specific sub-sport. */
export function fitSportLabel(sport: number | undefined, sub: number | undefined): string {
  const s = fitSportName(sport);
  return sub === undefined || sub === 0 || sub === 254 ? s : `${s}/${fitSubSportName(sub)}`;
}

/** Hip Check's sport for a FIT sport and sub-sport (numbers) or their names. */
export function sportFromFit(sport: number | string | undefined, sub: number | string | undefined): Sport {
  const s = typeof sport === 'number' ? fitSportName(sport) : (sport ?? 'generic');
  const ss = typeof sub === 'number' ? fitSubSportName(sub) : (sub ?? 'generic');
  switch (s) {
    case 'running':
      if (ss === 'treadmill' || ss === 'indoor_running') return 'treadmill_run';
      if (ss === 'trail') return 'trail_run';
      if (ss === 'virtual_activity') return 'virtual_run';
      return 'run';
    case 'cycling':
    case 'e_biking':
      return 'ride';
    case 'swimming':
      return 'swim';
    case 'walking':
      return 'walk';
    case 'hiking':
    case 'mountaineering':
      return 'hike';
    case 'training':
      return ss === 'strength_training' ? 'strength' : 'other';
    case 'fitness_equipment':
      if (ss === 'treadmill' || ss === 'indoor_running') return 'treadmill_run';
      if (ss === 'indoor_cycling' || ss === 'spin') return 'ride';
      if (ss === 'strength_training') return 'strength';
      if (ss === 'indoor_walking') return 'walk';
      return 'other';
    default:
      return 'other';
  }
}
