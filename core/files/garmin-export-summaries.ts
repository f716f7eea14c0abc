import { normalizeSport } from '../sport';
import { problem, type Problem } from '../problem-codes';
import { dateOfWallClock } from '../local-date';
import { fieldsToMs, parseIsoTime } from '../time';
import { checkSummary, defaultName, toActivityInput, type SessionSummary } from './summary';
import type { ArchiveEntryResult } from './types';

// Garmin's account data export ("Export your data"): DI_CONNECT/DI-Connect-Fitness/
// <user>_<n>_summarizedActivities.json, shaped [{"summarizedActivitiesExport": [ {...}, ... ]}].
// Heavy users' files pass 100 MB, so objects are cut out of the byte stream one by one and
// parsed alone: memory stays at one activity, whatever the file's size.
//
// Units, and the evidence for them (Garmin documents none of this):
// - activityId: Garmin Connect's activity id, as the site's own pages use it (source "garmin").
// - startTimeGmt / beginTimestamp: Unix ms (UTC). startTimeLocal: the local wall clock written
//   as if it were UTC, in ms. Some exports write these as ISO text instead ("2026-04-27T05:37:18.0")
//   or as [y, m, d, h, mi, s, ns] arrays: all three are read.
// - distance: centimetres (a 5 km run is 500000). Other readers of these exports divide by
//   100 000 for km; if a file were ever in metres its speeds would be absurdly slow, which is
//   checked: a moving activity slower than 0.05 m/s in centimetres but plausible in metres is
//   taken as metres.
// - duration (timer), elapsedDuration, movingDuration: milliseconds. Garmin's web API has
//   written seconds in some years; when every duration is under 20 s while the distance is over
//   100 m, they are taken as seconds.
// - activityType: the type key ("running", "trail_running"), sometimes an object {typeKey}.
//   Multisport parents ("multi_sport", with childIds) are not activities: their parts are
//   listed as activities of their own.

export const GARMIN_SUMMARIES_RE = /(^|\/)[^/]*summarizedActivities[^/]*\.json$/i;

/**
 * Cuts the objects of every array stored under `key` out of a JSON byte stream, without
 * parsing the rest: `push` bytes as they come, `onObject` receives each object's bytes.
 */
export class JsonArrayObjects {
  private stack: { arr: boolean; key: string | null; expectKey: boolean }[] = [];
  private inString = false;
  private escape = false;
  private keyBytes: number[] | null = null;
  private capture: Uint8Array[] | null = null;
  private captureSize = 0;
  private captureDepth = 0;
  private tooLarge = false;
  skipped = 0;

  constructor(
    private readonly key: string,
    private readonly onObject: (bytes: Uint8Array) => void,
    private readonly maxObjectBytes = 4 * 1024 * 1024,
  ) {}

  push(chunk: Uint8Array): void {
    let start = this.capture ? 0 : -1;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (b === 0x5c) this.escape = true;
        else if (b === 0x22) {
          this.inString = false;
          if (this.keyBytes) {
            const top = this.stack[this.stack.length - 1];
            if (top) top.key = String.fromCharCode(...this.keyBytes);
            this.keyBytes = null;
          }
          continue;
        }
        if (this.keyBytes && this.keyBytes.length < 64) this.keyBytes.push(b);
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      switch (b) {
        case 0x22: // "
          this.inString = true;
          if (top && !top.arr && top.expectKey) this.keyBytes = [];
          break;
        case 0x7b: {
          // {
          if (!this.capture && top && top.arr && top.key === this.key) {
            this.capture = [];
            this.captureSize = 0;
            this.tooLarge = false;
            this.captureDepth = this.stack.length + 1;
            start = i;
          }
          this.stack.push({ arr: false, key: null, expectKey: true });
          break;
        }
        case 0x7d: // }
          this.stack.pop();
          if (this.capture && this.stack.length === this.captureDepth - 1) {
            this.addCapture(chunk.subarray(start, i + 1));
            this.finishCapture();
            start = -1;
          }
          break;
        case 0x5b: // [
          this.stack.push({ arr: true, key: top && !top.arr ? top.key : null, expectKey: false });
          break;
        case 0x5d: // ]
          this.stack.pop();
          break;
        case 0x3a: // :
          if (top && !top.arr) top.expectKey = false;
          break;
        case 0x2c: // ,
          if (top && !top.arr) top.expectKey = true;
          break;
      }
      if (this.stack.length > 64) this.stack.length = 64; // hostile nesting: stop descending
    }
    if (this.capture && start >= 0) this.addCapture(chunk.subarray(start));
  }

  private addCapture(part: Uint8Array): void {
    if (!this.capture || this.tooLarge) return;
    this.captureSize += part.length;
    if (this.captureSize > this.maxObjectBytes) {
      this.tooLarge = true;
      this.capture = [];
      return;
    }
    this.capture.push(part.slice());
  }

  private finishCapture(): void {
    const parts = this.capture!;
    this.capture = null;
    if (this.tooLarge) {
      this.skipped++;
      return;
    }
    const out = new Uint8Array(this.captureSize);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    this.onObject(out);
  }
}

type Json = Record<string, unknown>;

/**
 * A time field as epoch ms (or seconds), ISO text or [y, m, d, h, mi, s, ns]: the instant, or with
 * `wall` the wall clock as written (startTimeLocal), as ms "as if UTC".
 */
function timeFieldMs(v: unknown, wall = false): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e11 ? v : v * 1000; // ms, or seconds
  if (typeof v === 'string') {
    if (/^\d{10,14}$/.test(v.trim())) return timeFieldMs(Number(v), wall);
    const t = parseIsoTime(v);
    return t ? (wall ? t.wallMs : t.ms) : null;
  }
  if (Array.isArray(v) && v.length >= 3 && v.every((x) => typeof x === 'number')) {
    const [y, mo, d, h = 0, mi = 0, s = 0] = v;
    return fieldsToMs(y!, mo!, d!, h, mi, s);
  }
  return null;
}

const numOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : null;

export interface GarminContext {
  timeZone: string;
  nowMs: number;
}

const MOVING_SPORTS = new Set(['run', 'trail_run', 'treadmill_run', 'virtual_run', 'walk', 'hike', 'ride', 'swim']);

/** One summarizedActivities object → an archive entry (activity, not-an-activity, or refusal). */
export function garminSummaryToEntry(
  o: Json,
  ctx: GarminContext,
  unitNotes: Set<'garmin_export_seconds' | 'garmin_export_metres'>,
): ArchiveEntryResult {
  const idRaw = o.activityId;
  const id =
    typeof idRaw === 'number' && Number.isInteger(idRaw)
      ? String(idRaw)
      : typeof idRaw === 'string' && /^\d+$/.test(idRaw)
        ? idRaw
        : null;
  const entry = id ? `summarizedActivities, activity ${id}` : 'summarizedActivities, activity without id';
  if (!id) return { entry, kind: 'refused', format: 'json', reason: problem('garmin_export_no_id') };
  const at = o.activityType;
  const typeKey =
    typeof at === 'string'
      ? at
      : at && typeof at === 'object' && typeof (at as Json).typeKey === 'string'
        ? ((at as Json).typeKey as string)
        : typeof o.sportType === 'string'
          ? o.sportType
          : '';
  const childIds = o.childIds;
  if (typeKey === 'multi_sport' || typeKey === 'multisport' || (Array.isArray(childIds) && childIds.length > 0)) {
    return {
      entry,
      kind: 'not-activity',
      format: 'json',
      reason: problem('garmin_export_multisport'),
    };
  }
  const startMs = timeFieldMs(o.startTimeGmt) ?? timeFieldMs(o.beginTimestamp) ?? timeFieldMs(o.startTimeGMT);
  if (startMs === null) return { entry, kind: 'refused', format: 'json', reason: problem('garmin_export_no_start') };
  const localMs = timeFieldMs(o.startTimeLocal, true);
  const sport = normalizeSport(typeKey);

  let durations = [numOrNull(o.duration), numOrNull(o.elapsedDuration), numOrNull(o.movingDuration)];
  const rawDist = numOrNull(o.distance);
  const present = durations.filter((d): d is number => d !== null && d > 0);
  let durScale = 1000;
  if (present.length > 0 && present.every((d) => d < 20_000) && rawDist !== null && rawDist / 100 > 100) {
    durScale = 1;
    unitNotes.add('garmin_export_seconds');
  }
  durations = durations.map((d) => (d === null ? null : d / durScale));
  const [timerS, elapsedS, movingDurS] = durations as [number | null, number | null, number | null];
  let distanceM = rawDist === null ? null : rawDist / 100;
  const refS = timerS ?? elapsedS ?? movingDurS;
  if (rawDist !== null && rawDist > 0 && refS && refS > 0 && MOVING_SPORTS.has(sport)) {
    const speedCm = rawDist / 100 / refS;
    const speedM = rawDist / refS;
    if (speedCm < 0.05 && speedM >= 0.2 && speedM <= 50) {
      distanceM = rawDist;
      unitNotes.add('garmin_export_metres');
    }
  }
  const s: SessionSummary = {
    startMs,
    sport,
    sportLabel: typeKey,
    distanceM,
    movingS: timerS ?? movingDurS,
    elapsedS: elapsedS ?? timerS,
    name: typeof o.name === 'string' && o.name.trim() ? o.name.trim() : defaultName(sport, ''),
  };
  if (localMs !== null && Math.abs(localMs - startMs) <= 14 * 3600_000) s.localDate = dateOfWallClock(localMs);
  const warnings: Problem[] = [];
  const bad = checkSummary(s, ctx.nowMs, warnings, problem('subject_activity_id', id));
  if (bad) return { entry, kind: 'refused', format: 'json', reason: bad };
  return {
    entry,
    kind: 'activities',
    format: 'json',
    activities: [toActivityInput(s, ctx.timeZone, 'garmin', id)],
    warnings,
  };
}

/** Reads a summarizedActivities JSON stream: push bytes, then take `entries`. */
export class GarminSummariesReader {
  entries: ArchiveEntryResult[] = [];
  readonly unitNotes = new Set<'garmin_export_seconds' | 'garmin_export_metres'>();
  private readonly splitter: JsonArrayObjects;
  private readonly decoder = new TextDecoder('utf-8');
  private seen = new Set<string>();
  unreadable = 0;

  constructor(private readonly ctx: GarminContext) {
    this.splitter = new JsonArrayObjects('summarizedActivitiesExport', (bytes) => this.onObject(bytes));
  }

  push(chunk: Uint8Array): void {
    this.splitter.push(chunk);
  }

  private onObject(bytes: Uint8Array): void {
    let o: unknown;
    try {
      o = JSON.parse(this.decoder.decode(bytes));
    } catch {
      this.unreadable++;
      return;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) return;
    const e = garminSummaryToEntry(o as Json, this.ctx, this.unitNotes);
    const key = e.entry;
    if (this.seen.has(key) && e.kind === 'activities') return;
    this.seen.add(key);
    this.entries.push(e);
  }

  warnings(): Problem[] {
    const w = [...this.unitNotes].map((code) => problem(code));
    const bad = this.unreadable + this.splitter.skipped;
    if (bad > 0) w.push(problem('garmin_export_unreadable', bad));
    return w;
  }
}
