import type { ComponentChildren } from 'preact';
import type { Verdict } from '../core/engine/verdict';
import type { Settings } from '../core/settings';
import { tn } from './i18n';
import { planLine } from './plan-text';
import { reasonText, titleText } from './reason-text';

/**
 * The verdict first: a title in words and colour (and an icon, so colour is never the only cue)
 * that names the day its reason names, then every reason behind it, then the plan: one line for
 * today and one for the next run, each with its one ceiling, and today's action (children: the
 * buttons).
 */
export function VerdictCard(props: {
  verdict: Verdict;
  units: 'km' | 'mi';
  settings: Pick<Settings, 'longRunCautionPct' | 'easyRunPct'>;
  children?: ComponentChildren;
}) {
  const v = props.verdict;
  const icon = { ok: '✓', calm: '☾', ease_off: '!', warning: '⚠' }[v.level];
  const lines = [
    { day: v.plan.today, text: planLine(v.plan.today, v.today, props.units, props.settings) },
    ...(v.plan.next
      ? [{ day: v.plan.next, text: planLine(v.plan.next, v.today, props.units, props.settings, true) }]
      : []),
  ].filter((l) => l.text !== null);
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
        {v.reasons.map((r) => (
          <li key={`${r.code}-${'date' in r ? r.date : ''}`} data-code={r.code}>
            {reasonText(r, props.units, v.today)}
          </li>
        ))}
      </ul>
      {lines.map((l) => (
        <p
          class="plan-day"
          key={l.day.date}
          data-testid="plan-day"
          data-date={l.day.date}
          data-kind={l.day.kind}
          data-max-m={l.day.maxM === null ? undefined : String(Math.round(l.day.maxM))}
        >
          {l.text}
        </p>
      ))}
      <div class="verdict-foot">
        {props.children}
        <p class="streak" data-testid="streak">
          <strong>{v.streak.runDays}</strong> {tn('streakDaysInRow', v.streak.runDays)}
        </p>
      </div>
    </section>
  );
}
