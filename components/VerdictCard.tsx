import type { ComponentChildren } from 'preact';
import type { Verdict } from '../core/engine/verdict';
import { formatDistance } from './format';
import { tn } from './i18n';
import { dayText, reasonText, titleText } from './reason-text';

/**
 * The verdict first: a title in words and colour (and an icon, so colour is never the only cue)
 * that names the day its reason names, then every reason behind it, then the next run's maximum:
 * today's only when a run today is still sensible, and today's action (children: the buttons).
 */
export function VerdictCard(props: { verdict: Verdict; units: 'km' | 'mi'; children?: ComponentChildren }) {
  const v = props.verdict;
  const icon = { ok: '✓', rest_due: '☾', ease_off: '!', warning: '⚠' }[v.level];
  const shown = v.reasons.filter((r) => r.code !== 'suggested_max');
  const max = v.reasons.find((r) => r.code === 'suggested_max');
  const nextRun = max ? v.nextRun : null;
  const nextRunShown = nextRun !== null;
  return (
    <section
      class={`card verdict level-${v.level}`}
      aria-labelledby="verdict-h"
      data-testid="verdict"
      data-level={v.level}
      data-title={v.title}
    >
      <h2 id="verdict-h" class="verdict-title">
        <span aria-hidden="true" class="verdict-icon">
          {icon}
        </span>{' '}
        {titleText(v.title)}
      </h2>
      <ul class="reasons">
        {shown.map((r) => (
          <li key={`${r.code}-${'date' in r ? r.date : ''}`} data-code={r.code}>
            {reasonText(r, props.units, v.today, nextRunShown)}
          </li>
        ))}
      </ul>
      {max && nextRun && (
        <p class="suggested" data-testid="suggested-max" data-date={nextRun.date}>
          {nextRun.date === v.today
            ? tn('suggestedMax', max.windowDays, [
                formatDistance(max.suggestedMaxM, props.units),
                formatDistance(max.longestM, props.units),
                String(max.windowDays),
              ])
            : tn('nextRunMax', max.windowDays, [
                formatDistance(max.suggestedMaxM, props.units),
                formatDistance(max.longestM, props.units),
                String(max.windowDays),
                dayText(nextRun.date, v.today),
              ])}
        </p>
      )}
      <div class="verdict-foot">
        {props.children}
        <p class="streak" data-testid="streak">
          <strong>{v.streak.runDays}</strong> {tn('streakDaysInRow', v.streak.runDays)}
        </p>
      </div>
    </section>
  );
}
