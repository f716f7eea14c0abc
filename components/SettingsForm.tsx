import { useState } from 'preact/hooks';
import { SPORTS } from '../core/activity';
import { DEFAULT_SETTINGS, NUMBER_FIELDS, PRESETS, type Settings } from '../core/settings';
import { browser } from 'wxt/browser';
import { settingsErrorText, t } from './i18n';
import { ask } from '../messaging/ask';

/**
 * Every setting with its unit, default and what it does. Each change is sent at once; the
 * background validates it, and a refused value stays on screen with the reason, unsaved.
 */
export function SettingsForm(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async (field: string, patch: Record<string, unknown>) => {
    const r = await ask({ type: 'settings/update', patch });
    if (r.ok) {
      setErrors({});
      props.onSaved(r.settings);
    } else {
      setErrors({ [field]: r.errors?.map(settingsErrorText).join(' ') ?? r.error });
    }
  };

  const s = props.settings;
  return (
    <form class="card" aria-labelledby="settings-h" onSubmit={(e) => e.preventDefault()} noValidate>
      <h2 id="settings-h">{t('settingsTitle')}</h2>
      <div class="field">
        <label for="preset">{t('setting_preset')}</label>
        <select
          id="preset"
          value={s.preset}
          onChange={(e) => void save('preset', { preset: (e.target as HTMLSelectElement).value })}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`preset_${p}`)}
            </option>
          ))}
          {s.preset === 'custom' && <option value="custom">{t('preset_custom')}</option>}
        </select>
        <p class="hint">{t('setting_preset_hint')}</p>
        {errors.preset && (
          <p class="error" role="alert">
            {errors.preset}
          </p>
        )}
      </div>
      {NUMBER_FIELDS.map((f) => (
        <div class="field" key={f.key}>
          <label for={f.key}>
            {t(`setting_${f.key}`)} <span class="muted">({t(`unit_${f.unit === '%' ? 'pct' : f.unit}`)})</span>
          </label>
          <input
            id={f.key}
            name={f.key}
            type="number"
            inputMode="decimal"
            min={f.min}
            max={f.max}
            step={f.integer ? 1 : 'any'}
            value={s[f.key]}
            aria-invalid={errors[f.key] ? 'true' : undefined}
            aria-describedby={`${f.key}-hint${errors[f.key] ? ` ${f.key}-err` : ''}`}
            onChange={(e) => {
              const raw = (e.target as HTMLInputElement).value;
              void save(f.key, { [f.key]: raw.trim() === '' ? null : Number(raw) });
            }}
          />
          <p class="hint" id={`${f.key}-hint`}>
            {t(`setting_${f.key}_hint`)} {t('defaultIs', String(DEFAULT_SETTINGS[f.key]))}
          </p>
          {errors[f.key] && (
            <p class="error" role="alert" id={`${f.key}-err`} data-testid={`error-${f.key}`}>
              {errors[f.key]}
            </p>
          )}
        </div>
      ))}
      <fieldset class="field">
        <legend>{t('setting_runningLoadSports')}</legend>
        <div class="row" style="grid-column: 1 / -1">
          {SPORTS.map((sp) => (
            <label key={sp} style="font-weight: normal">
              <input
                type="checkbox"
                checked={s.runningLoadSports.includes(sp)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = on ? [...s.runningLoadSports, sp] : s.runningLoadSports.filter((x) => x !== sp);
                  void save('runningLoadSports', { runningLoadSports: next });
                }}
              />{' '}
              {t(`sport_${sp}`)}
            </label>
          ))}
        </div>
        <p class="hint">{t('setting_runningLoadSports_hint')}</p>
        {errors.runningLoadSports && (
          <p class="error" role="alert">
            {errors.runningLoadSports}
          </p>
        )}
      </fieldset>
      <div class="field">
        <label for="units">{t('setting_units')}</label>
        <select
          id="units"
          value={s.units}
          onChange={(e) => void save('units', { units: (e.target as HTMLSelectElement).value })}
        >
          <option value="auto">{t('units_auto')}</option>
          <option value="km">{t('units_km')}</option>
          <option value="mi">{t('units_mi')}</option>
        </select>
      </div>
      <div class="field">
        <label for="weekStartsOn">{t('setting_weekStartsOn')}</label>
        <select
          id="weekStartsOn"
          value={String(s.weekStartsOn)}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            void save('weekStartsOn', { weekStartsOn: v === 'auto' ? 'auto' : Number(v) });
          }}
        >
          <option value="auto">{t('weekStart_auto')}</option>
          {[1, 2, 3, 4, 5, 6, 0].map((d) => (
            <option key={d} value={String(d)}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="notifications">{t('setting_notifications')}</label>
        <input
          id="notifications"
          type="checkbox"
          checked={s.notifications}
          aria-describedby="notifications-hint"
          onChange={async (e) => {
            const on = (e.target as HTMLInputElement).checked;
            // The permission is asked for only now, from the runner's own click.
            if (on && !(await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false))) {
              (e.target as HTMLInputElement).checked = false;
              setErrors({ notifications: t('notificationsRefused') });
              return;
            }
            void save('notifications', { notifications: on });
          }}
        />
        <p class="hint" id="notifications-hint">
          {t('setting_notifications_hint')}
        </p>
        {errors.notifications && (
          <p class="error" role="alert">
            {errors.notifications}
          </p>
        )}
      </div>
      <fieldset class="field">
        <legend>{t('hipsTitle')}</legend>
        <label style="font-weight: normal; grid-column: 1 / -1">
          <input
            type="checkbox"
            checked={s.outerHipPain}
            onChange={(e) => void save('outerHipPain', { outerHipPain: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('setting_outerHipPain')}
        </label>
        <p class="hint">{t('setting_outerHipPain_hint')}</p>
        <label style="font-weight: normal; grid-column: 1 / -1">
          <input
            type="checkbox"
            checked={s.redFlagSymptoms}
            onChange={(e) => void save('redFlagSymptoms', { redFlagSymptoms: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('setting_redFlagSymptoms')}
        </label>
        <p class="hint">{t('setting_redFlagSymptoms_hint')}</p>
      </fieldset>
    </form>
  );
}

function weekdayName(day: number): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(navigator.language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2023, 0, 1 + day)),
  );
}
