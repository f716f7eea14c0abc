import { RED_FLAGS, REST_AND_ICE } from '../core/engine/hip-care-library';
import { ExerciseIcon } from './exercise-icons';
import { GuidanceList } from './hip-care-parts';
import { t } from './i18n';
import './hip-clinician.css';

/** With red-flag symptoms: stop and see a GP or physiotherapist, what the signs are, how to rest meanwhile. */
export function HipClinician() {
  return (
    <>
      <div class="hip-alert" role="alert" data-testid="hip-clinician">
        <ExerciseIcon icon="red_flag" size={28} />
        <div>
          <h3>{t('hip_clinician_title')}</h3>
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
