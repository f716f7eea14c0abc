// @vitest-environment node
// Fuzzing: thousands of seeded mutations and truncations of the corpus's files (and of small
// synthetic export archives). Each must end, within seconds, in a plausible summary or in the
// reader's own clear refusal: never an exception, a hang, a generic error or garbage.
import { readdirSync, statSync } from 'node:fs';
import { PROBLEM_CODES, type Problem } from '../../../../core/problem-codes';
import { englishText } from '../../../problem-english';
import path from 'node:path';
import { expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { activitiesOf, readActivityFile } from '../../../../core/files/import-files';
import { bytesSource } from '../../../../core/files/source';
import type { FileReadResult } from '../../../../core/files/types';
import { implausibilities } from '../../../conformance/run-conformance';
import { describeWithCorpus } from '../../needs-corpus';
import { CORPUS_DIR, HAVE_CORPUS, corpusFile, makeZip, rng, simpleActivityFit } from './helpers';

// FUZZ_SEED and FUZZ_SCALE (a multiplier of the number of cases) explore further by hand:
//   FUZZ_SEED=7 FUZZ_SCALE=10 npx vitest run tests/unit/core/files/fuzz.test.ts
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_401);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const NOW = Date.UTC(2030, 0, 1);
/** Budget of mutated bytes per seed file: small files get many cases, big ones fewer. */
const BYTES_PER_FILE = 3_000_000;

type Mutator = (b: Uint8Array, r: () => number) => Uint8Array;

const pick = (r: () => number, n: number) => Math.floor(r() * n);

const MUTATORS: [string, Mutator][] = [
  ['truncate', (b, r) => b.slice(0, pick(r, b.length))],
  [
    'flip bytes',
    (b, r) => {
      const out = b.slice();
      const n = 1 + pick(r, 16);
      for (let i = 0; i < n; i++) {
        const at = pick(r, out.length);
        out[at] = out[at]! ^ (1 << pick(r, 8));
      }
      return out;
    },
  ],
  [
    'overwrite range',
    (b, r) => {
      const out = b.slice();
      const at = pick(r, out.length);
      const len = Math.min(out.length - at, 1 + pick(r, 64));
      const mode = pick(r, 3);
      for (let i = 0; i < len; i++) out[at + i] = mode === 0 ? 0 : mode === 1 ? 0xff : pick(r, 256);
      return out;
    },
  ],
  [
    'header',
    (b, r) => {
      const out = b.slice();
      const n = 1 + pick(r, 4);
      for (let i = 0; i < n; i++) out[pick(r, Math.min(16, out.length))] = pick(r, 256);
      return out;
    },
  ],
  [
    'tail',
    (b, r) => {
      // Zip directories, gzip trailers and FIT CRCs live at the end.
      const out = b.slice();
      const n = 1 + pick(r, 6);
      for (let i = 0; i < n; i++) out[out.length - 1 - pick(r, Math.min(300, out.length))] = pick(r, 256);
      return out;
    },
  ],
  [
    'delete range',
    (b, r) => {
      const at = pick(r, b.length);
      const len = Math.min(b.length - at, 1 + pick(r, 200));
      const out = new Uint8Array(b.length - len);
      out.set(b.subarray(0, at), 0);
      out.set(b.subarray(at + len), at);
      return out;
    },
  ],
  [
    'duplicate range',
    (b, r) => {
      const at = pick(r, b.length);
      const len = Math.min(b.length - at, 1 + pick(r, 500));
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, at + len), 0);
      out.set(b.subarray(at), at + len);
      return out;
    },
  ],
];

function seedFiles(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  if (HAVE_CORPUS) {
    for (const folder of ['files', 'hard']) {
      for (const f of readdirSync(path.join(CORPUS_DIR, folder)).sort()) {
        if (statSync(path.join(CORPUS_DIR, folder, f)).size > 0)
          out.push({ name: `${folder}/${f}`, bytes: corpusFile(`${folder}/${f}`) });
      }
    }
  }
  const enc = (s: string) => new TextEncoder().encode(s);
  const fit = simpleActivityFit({ start: '2024-03-02T07:00:00Z', distance: 5000, timer: 1800, records: 40 });
  out.push({
    name: 'synthetic strava export',
    bytes: makeZip([
      {
        name: 'activities.csv',
        data: enc(
          'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance\n' +
            '1,"Mar 2, 2024, 7:00:00 AM",Run,Run,"a,\nb",1850,"5.01",,,,,,activities/1.fit.gz,,,1850.0,1800.0,5010.0\n' +
            '2,"Mar 3, 2024, 7:00:00 AM",Běh,Běh,,1850,"5,01",,,,,,activities/1.fit.gz,,,1850.0,1800.0,5010.0\n',
        ),
      },
      { name: 'activities/1.fit.gz', data: gzipSync(fit), method: 0 },
    ]),
  });
  out.push({
    name: 'synthetic garmin export',
    bytes: makeZip([
      {
        name: 'DI_CONNECT/DI-Connect-Fitness/x_0_summarizedActivities.json',
        data: enc(
          JSON.stringify([
            {
              summarizedActivitiesExport: [
                {
                  activityId: 1,
                  activityType: 'running',
                  startTimeGmt: 1_700_000_000_000,
                  startTimeLocal: 1_700_003_600_000,
                  distance: 500000,
                  duration: 1800000,
                },
                {
                  activityId: 2,
                  activityType: 'cycling',
                  startTimeGmt: 1_700_100_000_000,
                  distance: 2_000_000,
                  duration: 3600000,
                },
              ],
            },
          ]),
        ),
      },
    ]),
  });
  return out;
}

function check(result: FileReadResult, label: string): string[] {
  const problems: string[] = [];
  const reasons: Problem[] = [];
  if (result.kind === 'refused' || result.kind === 'not-activity') reasons.push(result.reason);
  if (result.kind === 'archive') for (const e of result.entries) if (e.kind !== 'activities') reasons.push(e.reason);
  for (const r of reasons) {
    if (!PROBLEM_CODES.includes(r.code)) problems.push(`${label}: unclear reason ${JSON.stringify(r)}`);
    // The generic wrapper for unexpected exceptions: the reader did not see the damage coming.
    else if (r.code === 'file_unreadable') problems.push(`${label}: unexpected error: ${englishText(r)}`);
  }
  for (const a of activitiesOf(result)) {
    const p = implausibilities(a, NOW);
    if (p.length) problems.push(`${label}: implausible ${p.join(', ')}`);
  }
  return problems;
}

describeWithCorpus('fuzzing the readers', () => {
  it(
    'ends every mutated or truncated file in a summary or a clear refusal, without hanging',
    async () => {
      const r = rng(SEED);
      const seeds = seedFiles();
      const problems: string[] = [];
      const counts = { cases: 0, read: 0, refused: 0, notActivity: 0 };
      const byMutator = new Map<string, number>();
      let slowest = 0;
      let slowestLabel = '';
      const t0 = performance.now();
      for (const seed of seeds) {
        const cases = Math.round(SCALE * Math.max(15, Math.min(150, Math.round(BYTES_PER_FILE / seed.bytes.length))));
        for (let i = 0; i < cases; i++) {
          // One mutation, or a stack of two or three.
          const rounds = r() < 0.3 ? 2 + pick(r, 2) : 1;
          let bytes = seed.bytes;
          const names: string[] = [];
          for (let k = 0; k < rounds; k++) {
            const [name, mutate] = MUTATORS[pick(r, MUTATORS.length)]!;
            bytes = mutate(bytes, r);
            names.push(name);
          }
          const mname = names.join('+');
          const label = `${seed.name} #${i} (${mname})`;
          const start = performance.now();
          let result: FileReadResult;
          try {
            result = await readActivityFile(seed.name, bytesSource(bytes), { timeZone: 'Europe/Paris', nowMs: NOW });
          } catch (e) {
            problems.push(`${label}: threw ${String(e)}`);
            continue;
          }
          const ms = performance.now() - start;
          if (ms > slowest) {
            slowest = ms;
            slowestLabel = label;
          }
          // A hang guard, well above the 1.7 s one mutated archive took on 2 cores at load 14; speed
          // is measured by `npm run bench` (tests/bench/file-import.bench.ts), not here.
          if (ms > 5000) problems.push(`${label}: took ${Math.round(ms)} ms`);
          problems.push(...check(result, label));
          counts.cases++;
          for (const n of names) byMutator.set(n, (byMutator.get(n) ?? 0) + 1);
          if (result.kind === 'refused') counts.refused++;
          else if (result.kind === 'not-activity') counts.notActivity++;
          else counts.read++;
        }
      }
      console.log(
        `fuzz: ${counts.cases} cases from ${seeds.length} seed files (seed ${SEED}): ${counts.read} read, ${counts.refused} refused, ` +
          `${counts.notActivity} not activities; slowest ${slowest.toFixed(1)} ms (${slowestLabel}); total ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
          [...byMutator].map(([k, v]) => `${k} ${v}`).join(', '),
      );
      expect(problems.slice(0, 20)).toEqual([]);
      expect(counts.cases).toBeGreaterThan(2000 * Math.min(1, SCALE));
    },
    120_000 * Math.max(1, SCALE),
  );
});
