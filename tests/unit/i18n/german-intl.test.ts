import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatDate,
  formatDayMonth,
  formatDistance,
  unitsFor,
  weekdayLetter,
  weekdayName,
} from '../../../components/format';
import { formatDose } from '../../../components/HipCare';
import { reasonText } from '../../../components/reason-text';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { Reason } from '../../../core/engine/verdict';
import { speak } from '../speak';

// The UI in German: words from _locales/de, numbers and dates through Intl in de-DE.

beforeEach(() => {
  speak('de');
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
});
afterEach(() => vi.restoreAllMocks());

describe('numbers and dates in German', () => {
  it('weekday names and letters from one cached formatter each, Sunday as day 0', () => {
    expect([0, 1, 6].map((d) => weekdayName(d, 'de-DE'))).toEqual(['Sonntag', 'Montag', 'Samstag']);
    expect([0, 1, 6].map((d) => weekdayName(d, 'en-GB'))).toEqual(['Sunday', 'Monday', 'Saturday']);
    expect(['2025-06-16', '2025-06-17', '2025-06-22'].map((d) => weekdayLetter(d, 'de-DE'))).toEqual(['M', 'D', 'S']);
    expect(formatDayMonth('2025-11-23', 'de-DE')).toBe('23.11.');
    expect(formatDayMonth('2025-11-23', 'en-US')).toBe('11/23');
  });

  it('distances with a decimal comma and a thousands dot, km kept as km', () => {
    expect(formatDistance(10_500, 'km', 'de-DE')).toBe('10,5 km');
    expect(formatDistance(5_000, 'km', 'de-DE')).toBe('5 km');
    expect(formatDistance(1_234_567, 'km', 'de-DE')).toBe('1.234,6 km');
    expect(formatDistance(16_093.44, 'mi', 'de-DE')).toBe('10 mi');
    expect(formatDistance(null, 'km', 'de-DE')).toBe('–');
  });

  it('dates with German weekday and month abbreviations, day before month', () => {
    expect(formatDate('2025-06-16', 'de-DE')).toBe('Mo., 16. Juni');
    expect(formatDate('2025-03-01', 'de-DE')).toBe('Sa., 1. März');
    expect(formatDate('2025-12-24', 'de-DE')).toBe('Mi., 24. Dez.');
  });

  it('a German browser runs in kilometres unless the runner chose miles', () => {
    expect(unitsFor({ ...DEFAULT_SETTINGS, units: 'auto' }, 'de-DE')).toBe('km');
    expect(unitsFor({ ...DEFAULT_SETTINGS, units: 'mi' }, 'de-DE')).toBe('mi');
  });
});

describe('doses in German: plural forms from _locales, numbers from Intl', () => {
  it('holds', () => {
    expect(formatDose({ holdSeconds: 30, sets: 2, perSide: true }, 'de-DE')).toBe('30 Sek. halten, 2-mal pro Seite');
    expect(formatDose({ holdSeconds: 30, sets: 1, perSide: true }, 'de-DE')).toBe('30 Sek. halten, einmal pro Seite');
    expect(formatDose({ holdSeconds: 45, sets: 1, perSide: false }, 'de-DE')).toBe('45 Sek. halten');
    expect(formatDose({ holdSeconds: 20, sets: 3, perSide: false }, 'de-DE')).toBe('20 Sek. halten, 3-mal');
  });

  it('sets of repetitions', () => {
    expect(formatDose({ holdSeconds: null, repsPerSide: 12, sets: 3, perSide: true }, 'de-DE')).toBe(
      '3 Sätze mit 12 Wiederholungen pro Seite',
    );
    expect(formatDose({ holdSeconds: null, repsPerSide: 15, sets: 1, perSide: false }, 'de-DE')).toBe(
      '1 Satz mit 15 Wiederholungen',
    );
  });
});

describe("the verdict's reasons in German", () => {
  const TODAY = '2025-06-16';

  it('a run streak over the limit, with "morgen"', () => {
    const r: Reason = {
      code: 'run_streak_over_limit',
      level: 'warning',
      days: 6,
      atLeast: false,
      limit: 5,
      ranToday: true,
      restDueOn: '2025-06-17',
    };
    expect(reasonText(r, 'km', TODAY)).toBe(
      'Über deinem Limit von 5 Lauftagen in Folge: Leg morgen einen Ruhetag vom Laufen ein.',
    );
  });

  it('a long-run spike: German date, decimal comma and "%" with a space', () => {
    const r: Reason = {
      code: 'long_run_spike',
      level: 'ease_off',
      severity: 'warning',
      date: '2025-06-12',
      daysAgo: 4,
      measure: 'distance',
      value: 15_600,
      longest: 10_000,
      longestDate: '2025-05-30',
      pctOver: 56,
      thresholdPct: 30,
      windowDays: 30,
      afterBreak: false,
    };
    expect(reasonText(r, 'km', TODAY)).toBe(
      'Dein Lauf vom Do., 12. Juni war 15,6 km lang, 56 % länger als dein längster Lauf der 30 Tage davor (10 km). Mehr als 30 % länger ist eine Warnung.',
    );
  });

  it('a weekly ramp with fractional percentages', () => {
    const r: Reason = {
      code: 'weekly_ramp',
      level: 'ease_off',
      measure: 'distance',
      lastWeek: 42_300,
      referenceWeek: 30_000,
      changePct: 41,
      warnPct: 30,
    };
    expect(reasonText(r, 'km', TODAY)).toBe(
      'Du bist in den letzten 7 Tagen 42,3 km gelaufen, 41 % mehr als in der größten der 4 Wochen davor (30 km); mehr als 30 % ist eine steile Woche. Die Belege sind schwächer als für einen einzelnen langen Lauf: Eine Studie mit 5.205 Läuferinnen und Läufern fand keinen Zusammenhang zwischen Änderungen von Woche zu Woche und Verletzungen (Frandsen 2025), und der Befund zu +30 % galt für Laufeinsteiger und war unsicher (Nielsen 2014).',
    );
  });

  it('hip pain not settled the morning after a run, with the run named', () => {
    const r: Reason = {
      code: 'pain_not_settled',
      level: 'ease_off',
      pain: 5,
      usualMorning: 1.5,
      date: TODAY,
      runDate: '2025-06-15',
    };
    expect(reasonText(r, 'km', TODAY)).toBe(
      'Hüftschmerz 5 von 10 heute Morgen, über deinem üblichen Morgen (1,5 von 10): seit dem Lauf gestern nicht abgeklungen. Schalte zurück: der nächste Lauf kürzer und locker, kein langer Lauf, keine Hügel, kein Tempo.',
    );
  });
});
