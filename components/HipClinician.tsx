import { RED_FLAGS, REST_AND_ICE } from '../core/engine/hip-care-library';
import type { Referral } from '../core/engine/verdict';
import { ExerciseIcon } from './exercise-icons';
import { GuidanceList } from './hip-care-parts';
import { t } from './i18n';
import { flagList } from './reason-text';
import './hip-clinician.css';

// Why the runner should see a GP or physiotherapist, named: the warning signs answered in the
// check-in, the options page's "I have warning signs", or pain for two weeks. Only the first two
// stop running (stop); after two weeks of pain the exercises go on below a short notice.

/** The sentence that says why, for a stop; null when there is nothing to name. */
function stopReason(referral: Referral | null): string | null {
  switch (referral?.code) {
    case 'red_flags':
      return t('hip_clinician_reason_flags', flagList(referral.flags.flags));
    case 'settings':
      return t('hip_clinician_reason_settings');
    default:
      return null;
  }
}

export function HipClinician(props: { referral: Referral | null; stop: boolean }) {
  const referral = props.referral;
  if (!props.stop)
    return referral?.code === 'persistent' ? (
      <p class="hip-notice" data-testid="hip-referral" data-reason="persistent">
        {t('hip_clinician_persistent')}
      </p>
    ) : null;
  const reason = stopReason(referral);
  return (
    <>
      <div class="hip-alert" role="alert" data-testid="hip-clinician" data-reason={referral?.code ?? ''}>
        <ExerciseIcon icon="red_flag" size={28} />
        <div>
          <h3>{t('hip_clinician_title')}</h3>
          {reason && <p data-testid="hip-clinician-reason">{reason}</p>}
          <p>{t('hip_clinician_text')}</p>
          <GuidanceList guidance={RED_FLAGS} leadKey="hip_clinician_flags_lead" />
        </div>
      </div>
      <details class="hip-library" data-testid="hip-rest">
        <summary>{t(REST_AND_ICE.titleKey)}</summary>
        <GuidanceList guidance={REST_AND_ICE} />
      </details>
    </>
  );
}
