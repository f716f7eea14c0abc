import type { ChartWeek } from '../core/engine/weekly-chart';
import { weekdayOf } from '../core/local-date';
import { formatDate, formatDayMonth, formatDistance, M_PER_MILE, weekdayName } from './format';
import { numberFormat } from './intl-cache';
import { t, tn } from './i18n';

/** A bar's label: the distance in the runner's unit, without the unit (it is in the heading). */
export function chartNumber(metres: number, units: 'km' | 'mi', locale: string = navigator.language): string {
  const v = units === 'mi' ? metres / M_PER_MILE : metres / 1000;
  return numberFormat(locale, { maximumFractionDigits: v < 100 ? 1 : 0 }).format(v);
}

/**
 * Running distance in 7-day blocks ending today, the same weeks the weekly-ramp rule compares,
 * each bar labelled with its distance and, under it, the runs against the runner's aim ("4/5").
 * The calendar week so far (from the runner's first day of the week) is one line below.
 */
export function WeeklyChart(props: {
  weeks: readonly ChartWeek[];
  target: number;
  units: 'km' | 'mi';
  calendarWeek: { start: string; metres: number };
}) {
  const { weeks, target, units } = props;
  const max = Math.max(1, ...weeks.map((w) => w.metres));
  return (
    <section class="card chart" aria-labelledby="weeks-h">
      <h2 id="weeks-h">{t('chartTitle', units)}</h2>
      <ol class="weeks" data-testid="weekly-chart">
        {weeks.map((w, i) => {
          const last = i === weeks.length - 1;
          const met = w.runs >= target;
          return (
            <li
              key={w.to}
              class={`week${last ? ' this-week' : ''}`}
              data-from={w.from}
              data-to={w.to}
              data-runs={w.runs}
            >
              <span class="visually-hidden">
                {tn('chartWeekSaid', w.runs, [
                  last ? t('chartLast7') : `${formatDate(w.from)} – ${formatDate(w.to)}`,
                  formatDistance(w.metres, units),
                  String(w.runs),
                  String(target),
                ])}
              </span>
              <span class="week-km" aria-hidden="true" data-testid="week-km">
                {chartNumber(w.metres, units)}
              </span>
              <span class="week-bar" aria-hidden="true" style={`height:${Math.round((w.metres / max) * 56)}px`} />
              <span class={`week-runs${met ? ' met' : ''}`} aria-hidden="true" data-testid="week-runs">
                <span class="week-runs-count">
                  {w.runs}/{target}
                </span>
              </span>
              <span class="week-date" aria-hidden="true">
                {last ? t('whenToday') : formatDayMonth(w.to)}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="legend muted">{t('chartExplain', String(target))}</p>
      <p class="legend muted" data-testid="calendar-week">
        {t('chartCalendarWeek', [
          weekdayName(weekdayOf(props.calendarWeek.start)),
          formatDistance(props.calendarWeek.metres, units),
        ])}
      </p>
    </section>
  );
}
