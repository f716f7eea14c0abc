// GPX and TCX files often leave the sport out where it belongs (a GPX track's <type>, a TCX
// Activity's Sport attribute) but say it elsewhere: the app that wrote the file, the track or
// file name, notes, or an activity element in extensions. One reading of those words for both.

/**
 * The sport a file says elsewhere when the usual place has none: the app that wrote it
 * (Urban Biker), its track, file name or notes ("Morning Run"), or an activity element in its
 * extensions. A sport label as the readers' sport tables know it, or null when nothing says.
 */
export function inferSport(hints: readonly (string | undefined)[]): string | null {
  const text = ` ${hints
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .replace(/[^a-zäöüß]+/g, ' ')} `;
  if (/treadmill|laufband/.test(text)) return 'Treadmill';
  if (/trail ?run/.test(text)) return 'TrailRun';
  if (/\b(run|running|jog|jogging|lauf|laufen|course)\b|marathon/.test(text)) return 'Run';
  if (/\b(walk|walking|wandern|spaziergang)\b/.test(text)) return 'Walk';
  if (/\b(hike|hiking)\b/.test(text)) return 'Hike';
  if (/\b(ride|riding|cycling|bike|biking|biker|velo|rad|radfahren)\b/.test(text)) return 'Ride';
  if (/\b(swim|swimming|schwimmen)\b/.test(text)) return 'Swim';
  return null;
}
