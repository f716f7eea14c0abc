import type { ComponentChildren } from 'preact';
import type { DayKind } from '../core/engine/calendar-summary';
import { formatDate, weekdayLetter } from './format';
import { t } from './i18n';
import './day-strip.css';

const MARKS: Record<DayKind, string> = { run: '●', cross: '◐', rest: '○', unknown: '◌' };

export interface StripDay {
  date: string;
  kind: DayKind;
  /** Marked "I rested today". */
  marked: boolean;
  /** The hip check-in's pain that day, 0-10, or null without one. */
  pain: number | null;
}

/**
 * The last 14 days: run, other training, rest or unknown (before the first record), the rest
 * marks, each day's hip pain, and the weekday's letter under each, so a day can be found without
 * hovering. Children sit beside the
 * heading (the answered hip check-in, folded to a line).
 */
export function DayStrip(props: { today: string; days: readonly StripDay[]; children?: ComponentChildren }) {
  const days = props.days;
  return (
    <section class="card" aria-labelledby="strip-h">
      <div class="strip-head">
        <h2 id="strip-h">{t('stripTitle')}</h2>
        {props.children}
      </div>
      <ol class="day-strip" data-testid="day-strip">
        {days.map((d) => {
          const parts = [t(`day_${d.kind}`)];
          if (d.marked) parts.push(t('day_marked'));
          if (d.pain !== null) parts.push(t('day_pain', String(d.pain)));
          const label = `${d.date === props.today ? t('today') : formatDate(d.date)}: ${parts.join(', ')}`;
          return (
            <li
              key={d.date}
              class={`day day-${d.kind}${d.date === props.today ? ' day-today' : ''}${d.marked ? ' day-marked' : ''}`}
              title={label}
              data-date={d.date}
              data-kind={d.kind}
              data-pain={d.pain ?? undefined}
            >
              <span class="visually-hidden">{label}</span>
              <span aria-hidden="true" class="day-mark">
                {MARKS[d.kind]}
              </span>
              <span aria-hidden="true" class={`day-pain${d.pain !== null && d.pain > 5 ? ' pain-high' : ''}`}>
                {d.pain ?? ''}
              </span>
              <span aria-hidden="true" class="day-letter">
                {weekdayLetter(d.date)}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="legend muted" aria-hidden="true">
        ● {t('day_run')} · ◐ {t('day_cross')} · ○ {t('day_rest')} ·{' '}
        {days.some((d) => d.kind === 'unknown') && `◌ ${t('day_unknown')} · `}0–10 {t('stripPainLegend')}
      </p>
    </section>
  );
}
