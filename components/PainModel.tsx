import { t } from './i18n';

// What the pain answers mean, in the runner's words, with sources: the three rules of the
// pain-monitoring model and what Hip Check does when one is broken, each red flag and why it
// means stop, the outside of the hip, and cadence. The rules themselves are in
// core/engine/pain-monitoring.ts and core/check-in.ts; this page only explains them.

export function PainModel() {
  return (
    <section class="card pain-model" id="pain-model" aria-labelledby="pain-model-h" data-testid="pain-model">
      <h2 id="pain-model-h">{t('painModel_title')}</h2>
      <p>{t('painModel_intro')}</p>
      <ol>
        <li>{t('painModel_rule1')}</li>
        <li>{t('painModel_rule2')}</li>
        <li>{t('painModel_rule3')}</li>
      </ol>

      <h3>{t('painModel_broken_title')}</h3>
      <p>{t('painModel_broken')}</p>
      <p>{t('painModel_referral')}</p>

      <h3>{t('painModel_flags_title')}</h3>
      <p>{t('painModel_flags_lead')}</p>
      <ul data-testid="pain-model-flags">
        <li>
          <strong>{t('painModel_flag_cannot_bear_weight')}</strong> {t('painModel_why_cannot_bear_weight')}
        </li>
        <li>
          <strong>{t('painModel_flag_unwell')}</strong> {t('painModel_why_unwell')}
        </li>
        <li>
          <strong>{t('painModel_flag_night_or_rest')}</strong> {t('painModel_why_night_or_rest')}
        </li>
      </ul>
      <p>{t('painModel_groin_lead')}</p>
      <ul>
        <li>
          <strong>{t('painModel_flag_hop')}</strong>
        </li>
        <li>
          <strong>{t('painModel_flag_limp')}</strong>
        </li>
        <li>
          <strong>{t('painModel_flag_walking')}</strong>
        </li>
      </ul>
      <p>{t('painModel_why_groin')}</p>

      <h3>{t('painModel_outside_title')}</h3>
      <p>{t('painModel_outside')}</p>

      <h3>{t('painModel_cadence_title')}</h3>
      <p>{t('painModel_cadence')}</p>

      <p data-testid="pain-model-safe">
        <strong>{t('painModel_safe')}</strong>
      </p>
    </section>
  );
}
