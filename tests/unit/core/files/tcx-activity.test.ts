// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { problem, problemDebugText } from '../../../../core/problem-codes';
import { readTcxActivities } from '../../../../core/files/tcx-activity';
import { CORPUS_DIR } from '../../../paths';
import { describeWithCorpus } from '../../needs-corpus';

// A TCX without its Sport attribute: the sport is inferred from what the file says elsewhere,
// with the same reading as GPX (core/files/sport-inference.ts). The files are real corpus TCX
// with the attribute taken out, as some apps write them.

const NOW = Date.UTC(2026, 10, 30);

const read = (xml: string, fileName = 'activity.tcx') => {
  const r = readTcxActivities(new TextEncoder().encode(xml), { fileName, timeZone: 'UTC', nowMs: NOW });
  if (r.kind !== 'activities') throw new Error(problemDebugText(r.reason));
  return r;
};
const withoutSport = (xml: string) => xml.replace(/<Activity Sport="[^"]*">/, '<Activity>');
const withNotes = (xml: string, notes: string) =>
  withoutSport(xml).replace(/(<Activity>\s*<Id>[^<]*<\/Id>)/, `$1<Notes>${notes}</Notes>`);

describeWithCorpus('TCX: a sport said elsewhere', () => {
  const RUN = readFileSync(path.join(CORPUS_DIR, 'files/elevate__20181021_run_3106033902.tcx'), 'utf8');
  const SUP = readFileSync(path.join(CORPUS_DIR, 'files/python-tcxparser__sup_activity_1.tcx'), 'utf8');

  it('keeps the Sport attribute when the file gives it', () => {
    const r = read(RUN);
    expect(r.activities[0]!.sport).toBe('run');
    expect(r.warnings).not.toContainEqual(problem('tcx_no_sport'));
  });

  it('infers the sport from the activity notes', () => {
    expect(read(withNotes(RUN, 'Morning Run')).activities[0]).toMatchObject({ sport: 'run', sportLabel: 'Run' });
    expect(read(withNotes(RUN, 'Lunch Ride')).activities[0]!.sport).toBe('ride');
  });

  it('infers the sport from the file name', () => {
    expect(read(withoutSport(RUN), 'Evening_Run.tcx').activities[0]!.sport).toBe('run');
  });

  it('infers a run from notes when the attribute says only "Other"', () => {
    const other = RUN.replace(/<Activity Sport="[^"]*">/, '<Activity Sport="Other">');
    expect(read(other.replace(/(<Id>[^<]*<\/Id>)/, '$1<Notes>Trail run</Notes>')).activities[0]!.sport).toBe(
      'trail_run',
    );
  });

  it('keeps "Other" when nothing else says (a paddle from a Garmin watch)', () => {
    const r = read(SUP);
    expect(r.activities[0]!.sport).toBe('other');
    expect(r.warnings).not.toContainEqual(problem('tcx_no_sport'));
  });

  it('says so when no sport is anywhere', () => {
    const r = read(withoutSport(RUN));
    expect(r.warnings).toContainEqual(problem('tcx_no_sport'));
  });
});
