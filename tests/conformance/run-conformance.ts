// Conformance runner: reads every file of a corpus folder with Hip Check's file reader and
// prints, per file, what was read or the reason it was refused, then a summary line. Files
// listed in the corpus's expected.json, or in this project's own list below, are checked against
// it (within its tolerances); every other file must give a plausible summary or a clear refusal.
// Nothing may crash or hang.
//
// Run it through vitest (the project runs TypeScript only through vite):
//   npx vitest run tests/unit/core/files/conformance.test.ts
// or from the command line with any TypeScript runner, e.g.
//   npx jiti tests/conformance/run-conformance.ts ../shared/corpus
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { PROBLEM_CODES } from '../../core/problem-codes';
import { englishText } from '../problem-english';
import path from 'node:path';
import { SPORT_FAMILY, SPORTS, type ActivityInput, type Sport } from '../../core/activity';
import { isLocalDate } from '../../core/local-date';
import { sportFromFit } from '../../core/files/fit-profile';
import { activitiesOf, readActivityFile } from '../../core/files/import-files';
import { mayBeActivityFile, needsSport } from '../../core/files/import-stream';
import { bytesSource } from '../../core/files/source';
import type { FileReadResult } from '../../core/files/types';

export interface ExpectedSession {
  /** null: the file names no sport, and the runner is asked for it ("needs a sport"). */
  sport?: string | null;
  sub_sport?: string;
  start?: string;
  distance_m?: number | null;
  timer_s?: number;
  elapsed_s?: number;
}

export interface ExpectedFile {
  sessions?: ExpectedSession[];
  reject?: string;
  source?: string;
}

export type RowStatus = 'match' | 'mismatch' | 'read' | 'not-activity' | 'refused' | 'implausible' | 'crash' | 'slow';

export type Outcome = 'read' | 'not-activity' | 'refused' | 'crash';

export interface ConformanceRow {
  file: string;
  status: RowStatus;
  /** What the reader did, whatever expected.json says. */
  outcome: Outcome;
  /** What was read, or the refusal reason. */
  detail: string;
  /** What differs from expected.json or is implausible. */
  problems: string[];
  ms: number;
  expected: boolean;
}

export interface ConformanceResult {
  rows: ConformanceRow[];
  counts: Record<RowStatus, number>;
  /** Files of expected.json that matched, of those present. */
  matched: number;
  expectedTotal: number;
  /** Files of expected.json missing from the corpus folder. */
  missing: string[];
  summary: string;
}

/**
 * What this project expects of corpus files that expected.json says nothing about (outside/ comes
 * without published values), each decoded by hand; checked as expected.json's entries are, which
 * win for a file both name.
 */
export const PROJECT_EXPECTED: Readonly<Record<string, ExpectedFile>> = {
  'outside/fit-javascript-sdk__WithGearChangeData.fit': {
    sessions: [{ sport: null, start: '2022-06-22T23:08:37Z', distance_m: 12466.05, elapsed_s: 1978 }],
    source:
      'decoded (issue 19): 1,979 records with timestamps and distance, timer events, an activity message, and no ' +
      'session, lap or sport: the watch stopped before writing its summary. Read from the records; no sport named.',
  },
  'outside/sports-lib__27-days-activity.fit': {
    sessions: [
      {
        sport: 'cycling',
        start: '2021-07-18T00:07:22Z',
        distance_m: 56911.91,
        timer_s: 7373,
        elapsed_s: 7857,
      },
    ],
    source:
      'decoded (issue 19): 3 records at 2021-06-20T04:08:36Z-40Z, then the ride from 2021-07-18T00:07:22Z to ' +
      '02:18:19Z after a 27.8-day gap; the session starts at the stale points (elapsed 27.9 days, timer 7,373 s, ' +
      "56,911.91 m). The ride's day is 2021-07-18 (file_id time_created 2021-07-18T02:24:01Z).",
  },
};

export interface ConformanceOptions {
  /** Sub-folders to walk (relative to the corpus root); default files/, hard/ and outside/. */
  folders?: string[];
  timeZone?: string;
  /** A file taking longer than this is a failure (default 1000 ms). */
  maxMsPerFile?: number;
  nowMs?: number;
}

const TOLERANCE = { distance: 0.005, distanceGpx: 0.01, duration: 0.005, durationAbsS: 2, startS: 2 };

function withinDuration(actual: number | null, expected: number): boolean {
  if (actual === null) return false;
  const diff = Math.abs(actual - expected);
  return diff <= TOLERANCE.durationAbsS || diff <= TOLERANCE.duration * expected;
}

/** The sport the expected FIT-style names stand for. */
function expectedSport(e: ExpectedSession): Sport {
  return sportFromFit(e.sport ?? undefined, e.sub_sport);
}

function compareSession(a: ActivityInput, e: ExpectedSession, isGpx: boolean): string[] {
  const p: string[] = [];
  if (e.sport === null) {
    if (!needsSport(a)) p.push(`sport ${a.sport} (${a.sportLabel}), expected none (the runner picks it)`);
  } else if (e.sport !== undefined) {
    const want = expectedSport(e);
    const ok = e.sub_sport !== undefined ? a.sport === want : SPORT_FAMILY[a.sport] === SPORT_FAMILY[want];
    if (!ok) p.push(`sport ${a.sport} (${a.sportLabel}), expected ${e.sport}${e.sub_sport ? `/${e.sub_sport}` : ''}`);
  }
  if (e.start !== undefined) {
    const diff = Math.abs(a.startMs - Date.parse(e.start)) / 1000;
    if (!(diff <= TOLERANCE.startS)) p.push(`start ${new Date(a.startMs).toISOString()}, expected ${e.start}`);
  }
  if (e.distance_m !== undefined) {
    if (e.distance_m === null) {
      if (a.distanceM !== null) p.push(`distance ${a.distanceM} m, expected none`);
    } else {
      const tol = (isGpx ? TOLERANCE.distanceGpx : TOLERANCE.distance) * e.distance_m;
      if (a.distanceM === null || Math.abs(a.distanceM - e.distance_m) > tol)
        p.push(`distance ${a.distanceM} m, expected ${e.distance_m} m`);
    }
  }
  if (e.timer_s !== undefined && !withinDuration(a.movingS, e.timer_s))
    p.push(`timer ${a.movingS} s, expected ${e.timer_s} s`);
  if (e.elapsed_s !== undefined && !withinDuration(a.elapsedS, e.elapsed_s))
    p.push(`elapsed ${a.elapsedS} s, expected ${e.elapsed_s} s`);
  return p;
}

/** Checks that an activity is plausible: what the store may receive. */
export function implausibilities(a: ActivityInput, nowMs: number): string[] {
  const p: string[] = [];
  if (!Number.isFinite(a.startMs) || a.startMs < Date.UTC(1989, 11, 31) || a.startMs > nowMs + 86_400_000)
    p.push(`start ${a.startMs}`);
  if (!isLocalDate(a.localDate)) p.push(`local date ${a.localDate}`);
  else if (Number.isFinite(a.startMs) && Math.abs(Date.parse(`${a.localDate}T12:00:00Z`) - a.startMs) > 40 * 3600_000)
    p.push(`local date ${a.localDate} far from start`);
  if (!(SPORTS as readonly string[]).includes(a.sport)) p.push(`sport ${a.sport}`);
  if (typeof a.sourceId !== 'string' || a.sourceId === '') p.push('no source id');
  if (typeof a.name !== 'string') p.push('name');
  const num = (v: number | null, max: number, what: string) => {
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > max)) p.push(`${what} ${v}`);
  };
  num(a.distanceM, 1_000_000, 'distance');
  num(a.movingS, 7 * 86400, 'moving time');
  num(a.elapsedS, 7 * 86400, 'elapsed time');
  return p;
}

function describe(a: ActivityInput): string {
  const km = a.distanceM === null ? '-' : `${(a.distanceM / 1000).toFixed(2)} km`;
  const t = (s: number | null) => (s === null ? '-' : `${Math.round(s)} s`);
  return `${a.sport} (${a.sportLabel || '?'}) ${new Date(a.startMs).toISOString().replace('.000Z', 'Z')} ${a.localDate} ${km} moving ${t(a.movingS)} elapsed ${t(a.elapsedS)}`;
}

/** The files of a folder that may be activities by their name (as a folder import skips the rest: README.md, SOURCES.tsv). */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (mayBeActivityFile(name)) out.push(p);
  }
  return out;
}

function resultDetail(r: FileReadResult): string {
  if (r.kind === 'activities' || r.kind === 'archive') {
    const acts = activitiesOf(r);
    const extra = r.kind === 'archive' ? ` [${r.format}: ${r.entries.length} entries]` : '';
    return acts.map(describe).join('; ') + extra;
  }
  return englishText(r.reason);
}

export async function runConformance(corpusDir: string, opts: ConformanceOptions = {}): Promise<ConformanceResult> {
  const folders = opts.folders ?? ['files', 'hard', 'outside'];
  const timeZone = opts.timeZone ?? 'UTC';
  const maxMs = opts.maxMsPerFile ?? 1000;
  const nowMs = opts.nowMs ?? Date.now();
  const expectedPath = path.join(corpusDir, 'expected.json');
  const expectedAll: Record<string, ExpectedFile> = {
    ...PROJECT_EXPECTED,
    ...(JSON.parse(readFileSync(expectedPath, 'utf8')).files ?? {}),
  };
  const rows: ConformanceRow[] = [];
  const seen = new Set<string>();

  for (const folder of folders) {
    for (const file of walk(path.join(corpusDir, folder))) {
      const rel = path.relative(corpusDir, file).split(path.sep).join('/');
      seen.add(rel);
      const exp = expectedAll[rel];
      const bytes = new Uint8Array(readFileSync(file));
      const t0 = performance.now();
      let result: FileReadResult;
      try {
        result = await readActivityFile(path.basename(file), bytesSource(bytes), { timeZone, nowMs });
      } catch (e) {
        rows.push({
          file: rel,
          status: 'crash',
          outcome: 'crash',
          detail: String(e),
          problems: [String(e)],
          ms: performance.now() - t0,
          expected: !!exp,
        });
        continue;
      }
      const ms = performance.now() - t0;
      const acts = activitiesOf(result);
      const problems: string[] = [];
      let status: RowStatus;
      if (result.kind === 'refused' || result.kind === 'not-activity') {
        status = result.kind === 'refused' ? 'refused' : 'not-activity';
        if (!PROBLEM_CODES.includes(result.reason.code)) problems.push(`unclear reason ${englishText(result.reason)}`);
      } else {
        status = 'read';
        for (const a of acts) problems.push(...implausibilities(a, nowMs));
        if (result.kind === 'archive') {
          for (const e of result.entries)
            if (e.kind !== 'activities' && !PROBLEM_CODES.includes(e.reason.code))
              problems.push(`unclear reason in ${e.entry}`);
        }
        if (problems.length > 0) status = 'implausible';
      }
      if (exp) {
        const exProblems: string[] = [];
        if (exp.reject !== undefined) {
          if (result.kind !== 'refused' && result.kind !== 'not-activity')
            exProblems.push(`read ${acts.length} activities, expected a refusal (${exp.reject})`);
          else {
            // The runner reads the English (or German) sentence; the expectation names its words.
            const reason = englishText(result.reason);
            const m = /FIT file type (\w+)/.exec(exp.reject);
            if (m && (result.kind !== 'not-activity' || !reason.includes(m[1]!)))
              exProblems.push(`reason "${reason}", expected ${exp.reject}`);
            if (exp.reject.includes('empty') && !/empty/i.test(reason))
              exProblems.push(`reason "${reason}", expected ${exp.reject}`);
          }
        } else if (exp.sessions) {
          const sorted = [...acts].sort((a, b) => a.startMs - b.startMs);
          if (sorted.length !== exp.sessions.length)
            exProblems.push(`${sorted.length} sessions, expected ${exp.sessions.length}`);
          else exp.sessions.forEach((e, i) => exProblems.push(...compareSession(sorted[i]!, e, rel.endsWith('.gpx'))));
        }
        problems.push(...exProblems);
        status = exProblems.length > 0 ? 'mismatch' : problems.length > 0 ? status : 'match';
      }
      if (ms > maxMs) {
        problems.push(`took ${Math.round(ms)} ms`);
        status = 'slow';
      }
      const outcome: Outcome =
        result.kind === 'refused' ? 'refused' : result.kind === 'not-activity' ? 'not-activity' : 'read';
      rows.push({ file: rel, status, outcome, detail: resultDetail(result), problems, ms, expected: !!exp });
    }
  }

  const counts: Record<RowStatus, number> = {
    match: 0,
    mismatch: 0,
    read: 0,
    'not-activity': 0,
    refused: 0,
    implausible: 0,
    crash: 0,
    slow: 0,
  };
  for (const r of rows) counts[r.status]++;
  const expectedKeys = Object.keys(expectedAll).filter((k) => folders.some((f) => k.startsWith(`${f}/`)));
  const missing = expectedKeys.filter((k) => !seen.has(k));
  const matched = rows.filter((r) => r.expected && r.status === 'match').length;
  const outcomes: Record<Outcome, number> = { read: 0, 'not-activity': 0, refused: 0, crash: 0 };
  for (const r of rows) outcomes[r.outcome]++;
  const summary =
    `${rows.length} files: ${matched}/${expectedKeys.length} match expected.json and the project's list; ` +
    `${outcomes.read} read, ${outcomes['not-activity']} not activities, ${outcomes.refused} refused, ${outcomes.crash} crashes; ` +
    `${counts.mismatch} mismatches, ${counts.implausible} implausible, ${counts.slow} too slow` +
    (missing.length ? `, ${missing.length} expected files missing` : '');
  return { rows, counts, matched, expectedTotal: expectedKeys.length, missing, summary };
}

/** The per-file table and the summary line, as printed by the test and the command line. */
export function formatConformance(r: ConformanceResult): string {
  const width = Math.min(60, Math.max(...r.rows.map((x) => x.file.length)));
  const lines = r.rows.map((row) => {
    const tag = row.status.toUpperCase().padEnd(12);
    const name = row.file.padEnd(width);
    const time = `${row.ms.toFixed(1).padStart(7)} ms`;
    const problems = row.problems.length ? `  !! ${row.problems.join('; ')}` : '';
    return `${tag} ${name} ${time}  ${row.detail}${problems}`;
  });
  return [...lines, '', r.summary].join('\n');
}

/** True when the run found nothing wrong. */
export function conformanceOk(r: ConformanceResult): boolean {
  return (
    r.counts.mismatch === 0 &&
    r.counts.crash === 0 &&
    r.counts.implausible === 0 &&
    r.counts.slow === 0 &&
    r.missing.length === 0
  );
}

// Command line: `<ts runner> tests/conformance/run-conformance.ts [corpus dir]`.
const isMain =
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  /run-conformance\.[cm]?[tj]s$/.test(process.argv[1]);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? path.join(process.cwd(), '../shared/corpus'));
  runConformance(dir).then((r) => {
    console.log(formatConformance(r));
    process.exitCode = conformanceOk(r) ? 0 : 1;
  });
}
