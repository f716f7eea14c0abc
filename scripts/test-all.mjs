// Runs every check in order (type check, lint, format, commit subjects, build, Firefox lint, unit, end-to-end in Chromium,
// end-to-end in Firefox: the same scenarios in both) and ends with one line that totals them: "N passed, N failed".
// A stage that fails still lets the later ones run, so one report shows everything.
// The end-to-end stages run twice: with TZ set to a zone where it is just past midnight, then to one
// where it is evening, whatever the hour of the run, so a fixture dated "today at 06:30" or a start
// computed in the wrong zone fails every time instead of a quarter of every day. TZ reaches the test
// process (fixtures compute dates there) and the browsers it starts (Chromium and firefox-esr honour it).
import { spawn } from 'node:child_process';

const stages = [
  { name: 'type check', cmd: 'npx tsc --noEmit' },
  { name: 'lint (ESLint)', cmd: 'npm run lint --silent' },
  { name: 'format (Prettier)', cmd: 'npx prettier --check .' },
  { name: 'commit subjects (at most 72 characters)', cmd: 'node scripts/commit-subjects.mjs' },
  { name: 'build (Chrome and Firefox)', cmd: 'npm run build --silent' },
  // The popup's JavaScript and CSS for its first paint, gzipped, against its 15 KB budget (issue
  // #12): over it, this stage fails.
  { name: 'popup size (gzip, budget 15 KB)', cmd: 'node scripts/popup-size.mjs' },
  { name: 'Firefox lint (web-ext)', cmd: 'npx web-ext lint --source-dir .output/firefox-mv3' },
  { name: 'unit tests (vitest)', cmd: 'npx vitest run', count: /Tests\s+(?:(\d+) failed \| )?(\d+) passed/ },
  ...['night', 'evening'].flatMap((at) => [
    {
      name: `end-to-end in Chromium, ${at} (Playwright: tests/e2e and tests/scenarios)`,
      cmd: 'npx playwright test --project=chromium',
      count: /^\s*(?:(\d+) failed[\s\S]*?)?^\s*(\d+) passed/m,
      failedFirst: true,
      at,
    },
    {
      name: `end-to-end in Firefox, ${at} (firefox-esr: tests/scenarios)`,
      cmd: 'npx playwright test --project=firefox',
      count: /^\s*(?:(\d+) failed[\s\S]*?)?^\s*(\d+) passed/m,
      failedFirst: true,
      at,
    },
  ]),
];

// Local hours the end-to-end stages start at: night is 00:xx (a run "two hours ago" was yesterday,
// "today at 07:00" is still to come), evening 20:xx (hours before midnight, for a pass of minutes).
const START_HOUR = { night: 0, evening: 20 };

/** A fixed-offset zone where the local hour is `hour` now. Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5. */
function zoneAtHour(hour, nowMs = Date.now()) {
  let offset = (((hour - new Date(nowMs).getUTCHours()) % 24) + 24) % 24;
  if (offset > 14) offset -= 24; // zones run from UTC-12 to UTC+14
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** "2026-12-07 00:21" in a zone. */
const localTime = (timeZone) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date());

// Removes ANSI colour codes, which start with the ESC control character.
// eslint-disable-next-line no-control-regex
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
const summary = [];

for (const stage of stages) {
  const env = { ...process.env, FORCE_COLOR: '0' };
  if (stage.at) env.TZ = zoneAtHour(START_HOUR[stage.at]);
  console.log(`\n=== ${stage.name}: ${stage.at ? `TZ=${env.TZ} ` : ''}${stage.cmd}`);
  if (stage.at) console.log(`Time zone ${env.TZ}: local time ${localTime(env.TZ)} (${stage.at})`);
  const started = Date.now();
  const out = await new Promise((resolve) => {
    let text = '';
    const child = spawn(stage.cmd, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    child.stdout.on('data', (d) => {
      text += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      text += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code, text: strip(text) }));
  });
  let p = 0;
  let f = 0;
  if (stage.count) {
    const m = stage.count.exec(out.text);
    if (m) {
      if (stage.passedFirst) [p, f] = [Number(m[1] ?? 0), Number(m[2] ?? 0)];
      else [f, p] = [Number(m[1] ?? 0), Number(m[2] ?? 0)];
    }
  } else p = out.code === 0 ? 1 : 0;
  if (out.code !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  const took = `${((Date.now() - started) / 60_000).toFixed(1)} min`;
  const zone = stage.at ? `, TZ=${env.TZ}` : '';
  summary.push(`${out.code === 0 ? 'ok  ' : 'FAIL'}  ${stage.name}: ${p} passed, ${f} failed (${took}${zone})`);
}

console.log('\n=== Summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
