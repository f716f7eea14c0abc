// A GPX file of a run as a watch writes it (one point a minute, due north), for tests that import
// a run the way a runner does: through the options page's file input.

const MIN = 60_000;

export function watchGpx(startMs: number, minutes: number, km: number): Buffer {
  const pts = Array.from({ length: minutes + 1 }, (_, k) => {
    const lat = 48 + (k / minutes) * (km / 111.2);
    return `<trkpt lat="${lat.toFixed(6)}" lon="2.300000"><time>${new Date(startMs + k * MIN).toISOString()}</time></trkpt>`;
  }).join('');
  return Buffer.from(
    `<?xml version="1.0"?><gpx version="1.1" creator="Garmin Forerunner"><trk><name>Morning Run</name><type>running</type><trkseg>${pts}</trkseg></trk></gpx>`,
  );
}
