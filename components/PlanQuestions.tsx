import { useEffect, useState } from 'preact/hooks';
import { presetForPlan } from '../core/plan-preset';
import type { Settings } from '../core/settings';
import { weekdayName } from './format';
import { t } from './i18n';
import { ask } from '../messaging/ask';
import './forms.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

/**
 * The two plan questions: days a week the runner usually runs, and their usual rest day
 * (optional). The answer picks the preset and sets the runs aimed for and the streak limit
 * (planSettingsPatch, in the background). Shown in the popup until answered, at
 * the top of the options page always.
 */
export function PlanQuestions(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const s = props.settings;
  const storedDays = s.runDaysPerWeek === null ? '' : String(s.runDaysPerWeek);
  const storedRestDay = s.usualRestDay === null ? '' : String(s.usualRestDay);
  const [days, setDays] = useState<string>(storedDays);
  const [restDay, setRestDay] = useState<string>(storedRestDay);
  // Answers changed elsewhere (a restored backup, the popup) replace what the form shows.
  useEffect(() => {
    setDays(storedDays);
    setRestDay(storedRestDay);
  }, [storedDays, storedRestDay]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (days === '') return setError(t('planErrDays'));
    const r = await ask({
      type: 'plan/answer',
      runDaysPerWeek: Number(days),
      usualRestDay: restDay === '' ? null : Number(restDay),
    });
    if (!r.ok) return setError(r.words);
    setError(null);
    // Say what the answer set, not just the preset's name: 4 or 5 days a week tune its limit.
    const limit = r.settings.maxRunDaysInRow;
    const limitText = limit === 0 ? t('planNoLimit') : t('planLimit', String(limit));
    setSaved(`${t('planChosen', t(`preset_${r.settings.preset}`))} ${limitText}`);
    props.onSaved(r.settings);
  };

  return (
    <form class="card plan" aria-labelledby="plan-h" data-testid="plan-questions" onSubmit={(e) => void submit(e)}>
      <h2 id="plan-h">{t('planTitle')}</h2>
      <p class="muted">{t('planIntro')}</p>
      <div class="field">
        <label for="plan-days">{t('planDays')}</label>
        <select
          id="plan-days"
          value={days}
          onChange={(e) => setDays((e.target as HTMLSelectElement).value)}
          aria-invalid={error ? 'true' : undefined}
        >
          <option value="">–</option>
          {[1, 2, 3, 4, 5, 6, 7].map((n) => (
            <option key={n} value={String(n)}>
              {t('planDaysChoice', [String(n), t(`preset_${presetForPlan(n)}`).split(':')[0]!])}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="plan-rest">{t('planRestDay')}</label>
        <select id="plan-rest" value={restDay} onChange={(e) => setRestDay((e.target as HTMLSelectElement).value)}>
          <option value="">{t('planRestDayNone')}</option>
          {WEEKDAYS.map((d) => (
            <option key={d} value={String(d)}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" data-testid="plan-save">
        {t('planSave')}
      </button>
      {saved && (
        <p role="status" data-testid="plan-saved">
          {saved}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
