import { speak as speakIn } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreLines } from '../../../components/restore-text';
import { settingsChanges, type RestoreChanges } from '../../../core/restore-changes';
import { DEFAULT_SETTINGS } from '../../../core/settings';

// What a restore changed, in the runner's words, in both languages.

function speak(lang: 'en' | 'de') {
  speakIn(lang);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(lang === 'de' ? 'de-DE' : 'en-GB');
}
afterEach(() => vi.restoreAllMocks());

const changed: RestoreChanges = {
  activities: { added: 2, replaced: 1, unchanged: 5 },
  settings: settingsChanges(
    { ...DEFAULT_SETTINGS, units: 'mi' },
    { ...DEFAULT_SETTINGS, units: 'km', longRunCautionPct: 15, usualRestDay: 1, outerHipPain: true },
  ),
  checkIns: { added: 1, replaced: 0, unchanged: 3 },
  restMarks: null,
};

describe('restoreLines', () => {
  it('says in English what the restore added, replaced and changed', () => {
    speak('en');
    expect(restoreLines('backup.json', changed)).toEqual({
      lines: [
        'Restored from backup.json.',
        "Activities: 2 added, 1 replaced with the backup's version, 5 already there.",
        "Hip check-ins: 1 added, 0 replaced with the backup's answer, 3 already there.",
        'The backup changed these settings:',
      ],
      settings: [
        'Usual rest day: from No fixed day to Monday',
        'Long-run caution above: from 10% to 15%',
        'Distance units: from Miles to Kilometres',
        'I have pain on the outside of my hip: from off to on',
      ],
    });
  });

  it('says "settings unchanged" when they are, and the same in German', () => {
    speak('de');
    const same: RestoreChanges = { ...changed, settings: [], checkIns: null, restMarks: { added: 1, unchanged: 0 } };
    expect(restoreLines('backup.json', same).lines).toEqual([
      'Wiederhergestellt aus backup.json.',
      'Aktivitäten: 2 hinzugefügt, 1 durch die Fassung der Sicherung ersetzt, 5 schon vorhanden.',
      'Als Ruhetag markierte Tage: 1 hinzugefügt, 0 schon vorhanden.',
      'Einstellungen unverändert.',
    ]);
    expect(restoreLines('b.json', changed).settings).toContain('Einheit für Distanzen: vorher Meilen, jetzt Kilometer');
  });

  it('names the automatic catch-up by its options label', () => {
    const on: RestoreChanges = {
      ...changed,
      settings: settingsChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoCatchUp: true }),
    };
    speak('en');
    expect(restoreLines('b.json', on).settings).toEqual(['Catch up from Strava and Garmin on its own: from off to on']);
    speak('de');
    expect(restoreLines('b.json', on).settings).toEqual([
      'Läufe von Strava und Garmin von selbst nachholen: vorher aus, jetzt an',
    ]);
  });

  it('says a count of days or runs in its plural form: "from 6 days to 1 day"', () => {
    const counts: RestoreChanges = {
      ...changed,
      settings: settingsChanges(
        { ...DEFAULT_SETTINGS, maxRunDaysInRow: 6, targetRunsPerWeek: 1 },
        { ...DEFAULT_SETTINGS, maxRunDaysInRow: 1, targetRunsPerWeek: 5 },
      ),
    };
    speak('en');
    expect(restoreLines('b.json', counts).settings).toEqual([
      'Running days in a row before a rest day: from 6 days to 1 day',
      'Runs a week you aim for: from 1 run to 5 runs',
    ]);
    speak('de');
    expect(restoreLines('b.json', counts).settings).toEqual([
      'Lauftage in Folge vor einem Ruhetag: vorher 6 Tage, jetzt 1 Tag',
      'Angestrebte Läufe pro Woche: vorher 1 Lauf, jetzt 5 Läufe',
    ]);
  });

  it('names a limit turned off "off" and an empty list of sports "none"', () => {
    const limitsOff: RestoreChanges = {
      ...changed,
      settings: settingsChanges(DEFAULT_SETTINGS, {
        ...DEFAULT_SETTINGS,
        maxRunDaysInRow: 0,
        weeklyRampWarnPct: 0,
        lowImpactSports: [],
      }),
    };
    speak('en');
    expect(restoreLines('b.json', limitsOff).settings).toEqual([
      'Running days in a row before a rest day: from 6 days to off',
      'Weekly increase warning above: from 30% to off',
      'Low-impact sports: from Walk, Hike to none',
    ]);
    speak('de');
    expect(restoreLines('b.json', limitsOff).settings).toContain(
      'Schonende Sportarten: vorher Gehen, Wandern, jetzt keine',
    );
  });
});
