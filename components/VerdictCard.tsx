import type { Verdict } from '../core/engine/verdict';
import { formatDistance } from './format';
import { t } from './i18n';
import { reasonText } from './reason-text';

/** The verdict first: a level in words and colour (and an icon, so colour is never the only cue), then every reason behind it. */
export function VerdictCard(props: { verdict: Verdict; units: 'km' | 'mi'; restedToday: boolean }) {
  const v = props.verdict;
  const icon = { ok: '✓', caution: '!', rest_due: '⏸', warning: '⚠' }[v.level];
  const shown = v.reasons.filter((r) => r.code !== 'suggested_max');
  return (
    <section
      class={`card verdict level-${v.level}`}
      aria-labelledby="verdict-h"
      data-testid="verdict"
      data-level={v.level}
    >
      <h2 id="verdict-h" class="verdict-title">
        <span aria-hidden="true" class="verdict-icon">
          {icon}
        </span>{' '}
        {t(`level_${v.level}`)}
      </h2>
      <p class="streak" data-testid="streak">
        <strong>{v.streak.runDays}</strong> {t(v.streak.runDays === 1 ? 'streakDayInRow' : 'streakDaysInRow')}
      </p>
      {props.restedToday && <p class="rested">{t('restedTodayNote')}</p>}
      <ul class="reasons">
        {shown.map((r) => (
          <li key={`${r.code}-${'date' in r ? r.date : ''}`} data-code={r.code}>
            {reasonText(r, props.units, v.today)}
          </li>
        ))}
      </ul>
      {v.longRun.suggestedMaxM !== null && (
        <p class="suggested" data-testid="suggested-max">
          {t('suggestedMax', [
            formatDistance(v.longRun.suggestedMaxM, props.units),
            formatDistance(v.longRun.baseline.longestM, props.units),
            String(v.longRun.windowDays),
          ])}
        </p>
      )}
    </section>
  );
}
