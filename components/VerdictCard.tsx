import type { Verdict } from '../core/verdict';
import { t } from './i18n';

/** The verdict first: a level in words and colour, then every reason behind it. */
export function VerdictCard(props: { verdict: Verdict }) {
  const v = props.verdict;
  return (
    <section class={`card verdict level-${v.level}`} aria-labelledby="verdict-h" data-testid="verdict">
      <h2 id="verdict-h" class="verdict-title">{t(`level_${v.level}`)}</h2>
      <p class="streak" data-testid="streak">
        <strong>{v.streak.runDays}</strong> {t('streakDaysInRow')}
      </p>
      <ul class="reasons">
        {v.reasons.map((r) => (
          <li key={r.code} data-code={r.code}>{r.text}</li>
        ))}
      </ul>
    </section>
  );
}
