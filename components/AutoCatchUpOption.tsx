import { CATCH_UP } from '../core/catch-up';
import { t } from './i18n';
import { dateFormat } from './intl-cache';
import { FieldMessage, useSaver, type SettingsProps } from './SettingsForm';

// The morning catch-up's time, from the one place that sets it (core/catch-up.ts), on the
// runner's clock format.
const morningTime = (locale: string = navigator.language) =>
  dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(2000, 0, 1, CATCH_UP.morningHour));

/**
 * The automatic catch-up's switch, with what it requests and when: on the options page and the
 * first-run page alike. Off until the runner ticks it.
 */
export function AutoCatchUpOption(props: SettingsProps) {
  const { errors, saved, save } = useSaver(props.onSaved);
  return (
    <div class="field">
      <label style="font-weight: normal; grid-column: 1 / -1">
        <input
          id="autoCatchUp"
          type="checkbox"
          checked={props.settings.autoCatchUp}
          aria-describedby="autoCatchUp-hint"
          onChange={(e) => void save('autoCatchUp', { autoCatchUp: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('setting_autoCatchUp')}
      </label>
      <p class="hint" id="autoCatchUp-hint">
        {t('setting_autoCatchUp_hint', [morningTime()])}
      </p>
      <FieldMessage id="autoCatchUp" error={errors.autoCatchUp} saved={saved === 'autoCatchUp'} />
    </div>
  );
}

/** The options page's card for it. */
export function CatchUpSettings(props: SettingsProps) {
  return (
    <form class="card" id="catch-up" aria-labelledby="catch-up-h" onSubmit={(e) => e.preventDefault()} noValidate>
      <h2 id="catch-up-h">{t('autoCatchUpTitle')}</h2>
      <AutoCatchUpOption {...props} />
    </form>
  );
}
