import type { CatchUpRun } from '../core/catch-up';
import { ask } from '../messaging/ask';
import { t } from './i18n';

/**
 * "Catch up from Strava and Garmin": asks the background to read both lists. What follows shows
 * in the popup's state, which the background announces as the catch-up starts and ends; disabled
 * while one runs (a second ask meanwhile would start nothing).
 */
export function CatchUpButton(props: { run: CatchUpRun | null }) {
  return (
    <button
      type="button"
      data-testid="catch-up"
      disabled={props.run?.endedMs === null}
      onClick={() => void ask({ type: 'catchup/start', trigger: 'button' })}
    >
      {t('catchUp_button')}
    </button>
  );
}
