import { speak as speakIn } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneFileLines } from '../../../components/one-file-summary';
import type { ChosenSummary } from '../../../components/import-chosen-files';
import type { ActivityInput } from '../../../core/activity';
import { emptySummary } from '../../../core/files/import-stream';
import { problem } from '../../../core/problem-codes';

function speak(lang: 'en' | 'de') {
  speakIn(lang);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(lang === 'de' ? 'de-DE' : 'en-GB');
}
afterEach(() => vi.restoreAllMocks());

const yoga: ActivityInput = {
  source: 'file',
  sourceId: '2023-09-29T00:10:57Z',
  startMs: 1695946257000,
  localDate: '2023-09-28',
  sport: 'other',
  sportLabel: 'training/yoga',
  distanceM: null,
  movingS: 600,
  elapsedS: 600,
  name: 'Yoga',
};

function summary(over: Partial<ChosenSummary> = {}): ChosenSummary {
  return { ...emptySummary(1), filesDone: 1, restores: [], notRuns: [], runs: 0, notActivity: [], ...over };
}

describe('a one-file import, said plainly', () => {
  it('a yoga session: "1 added", no row of zeros, and that it is not a run', () => {
    speak('en');
    const s = summary({ notRuns: [yoga] });
    s.counts.added = 1;
    expect(oneFileLines(s, 'yoga.fit')).toEqual([
      'yoga.fit: 1 added.',
      'Not a run (Yoga): stored; it counts as training on its day, not as a run.',
    ]);
    speak('de');
    expect(oneFileLines(s, 'yoga.fit')![1]).toBe(
      'Kein Lauf (Yoga): gespeichert; zählt an seinem Tag als Training, nicht als Lauf.',
    );
  });

  it('a file that is not an activity: skipped, with the reader\'s reason, never "0 added"', () => {
    speak('en');
    const s = summary({ notActivity: [problem('fit_not_activity', [problem('fit_type_settings')])] });
    s.counts.skipped = 1;
    expect(oneFileLines(s, 'Settings.fit')).toEqual([
      'Settings.fit: skipped. Not an activity: this FIT file holds settings.',
    ]);
    expect(oneFileLines(summary({ counts: { ...s.counts } }), 'notes.txt')).toEqual([
      'notes.txt: skipped, not an activity (settings, monitoring, sleep or another kind of file).',
    ]);
  });

  it('many files keep the usual counts', () => {
    speak('en');
    expect(oneFileLines({ ...summary(), totalFiles: 2 }, 'x')).toBeNull();
  });
});
