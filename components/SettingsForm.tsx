import { useState } from 'preact/hooks';
import { SPORTS, type Sport } from '../core/activity';
import { DEFAULT_SETTINGS, NUMBER_FIELDS, PRESETS, type Settings } from '../core/settings';
import { browser } from 'wxt/browser';
import { M_PER_MILE, weekdayName } from './format';
import { t } from './i18n';
import { problemText } from './problem-text';
import { ask } from '../messaging/ask';

export interface SettingsProps {
  settings: Settings;
  onSaved: (s: Settings) => void;
}

/**
 * One change sent at once and validated by the background. A refused value stays on screen as
 * typed (draft), marked invalid, with the reason; a valid one says "Saved" and clears every
 * earlier message, which no longer applies.
 */
export function useSaver(onSaved: (s: Settings) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (field: string, patch: Record<string, unknown>, typed?: string) => {
    const r = await ask({ type: 'settings/update', patch });
    if (r.ok) {
      setErrors({});
      setDrafts({});
      setSaved(field);
      onSaved(r.settings);
    } else {
      setSaved(null);
      setDrafts(typed === undefined ? {} : { [field]: typed });
      setErrors({ [field]: r.errors?.map((e) => problemText(e.problem)).join(' ') ?? r.words });
    }
  };
  const refuse = (field: string, message: string) => {
    setSaved(null);
    setErrors({ [field]: message });
  };
  // What is being typed survives any re-render before the change lands (a units switch, a refresh).
  const type = (field: string, raw: string) => setDrafts((d) => ({ ...d, [field]: raw }));
  return { errors, drafts, saved, save, refuse, type };
}

/** The field's message: the refusal (alert) or "Saved" (status). */
export function FieldMessage(props: { id: string; error?: string; saved: boolean }) {
  if (props.error)
    return (
      <p class="error" role="alert" id={`${props.id}-err`} data-testid={`error-${props.id}`}>
        {props.error}
      </p>
    );
  return props.saved ? (
    <p class="saved hint" role="status" data-testid={`saved-${props.id}`}>
      {t('saved')}
    </p>
  ) : null;
}

// Stored in km; shown and typed in the runner's units.
const toShown = (km: number, units: 'km' | 'mi') =>
  units === 'mi' ? String(Math.round((km * 1000 * 100) / M_PER_MILE) / 100) : String(km);
const toKm = (v: number, units: 'km' | 'mi') =>
  units === 'mi' ? Math.round(((v * M_PER_MILE) / 1000) * 1000) / 1000 : v;

// What counts: sports that are running, and sports that leave a full rest day whole. A sport in
// both is refused by the background with its reason.
const SPORT_LISTS = ['runningLoadSports', 'lowImpactSports'] as const;

function SportsChoice(props: {
  field: (typeof SPORT_LISTS)[number];
  chosen: readonly Sport[];
  error: string | undefined;
  saved: boolean;
  save: (patch: Record<string, unknown>) => void;
}) {
  const { field, chosen } = props;
  return (
    <fieldset class="field" id={field} aria-describedby={`${field}-hint${props.error ? ` ${field}-err` : ''}`}>
      <legend>{t(`setting_${field}`)}</legend>
      <div class="row" style="grid-column: 1 / -1">
        {SPORTS.map((sp) => (
          <label key={sp} style="font-weight: normal">
            <input
              type="checkbox"
              name={field}
              value={sp}
              checked={chosen.includes(sp)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                props.save({ [field]: on ? [...chosen, sp] : chosen.filter((x) => x !== sp) });
              }}
            />{' '}
            {t(`sport_${sp}`)}
          </label>
        ))}
      </div>
      <p class="hint" id={`${field}-hint`}>
        {t(`setting_${field}_hint`)}
      </p>
      <FieldMessage id={field} error={props.error} saved={props.saved} />
    </fieldset>
  );
}

/** The plan's preset and thresholds, each with its unit, default and the reason for it. */
export function SettingsForm(props: SettingsProps & { units: 'km' | 'mi' }) {
  const { errors, drafts, saved, save, type } = useSaver(props.onSaved);
  const units = props.units;
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
        <FieldMessage id="preset" error={errors.preset} saved={saved === 'preset'} />
      </div>
      {NUMBER_FIELDS.map((f) => (
        <div class="field" key={f.key}>
          <label for={f.key}>
            {t(`setting_${f.key}`)}{' '}
            <span class="muted">({t(`unit_${f.unit === '%' ? 'pct' : f.unit === 'km' ? units : f.unit}`)})</span>
          </label>
          <input
            id={f.key}
            name={f.key}
            type="number"
            inputMode="decimal"
            min={f.off ? 0 : f.min}
            max={f.max}
            step={f.integer ? 1 : 'any'}
            value={drafts[f.key] ?? (f.unit === 'km' ? toShown(s[f.key], units) : String(s[f.key]))}
            aria-invalid={errors[f.key] ? 'true' : undefined}
            aria-describedby={`${f.key}-hint${errors[f.key] ? ` ${f.key}-err` : ''}`}
            onInput={(e) => type(f.key, (e.target as HTMLInputElement).value)}
            onChange={(e) => {
              const raw = (e.target as HTMLInputElement).value;
              const n = raw.trim() === '' ? null : Number(raw);
              const value = n !== null && f.unit === 'km' ? toKm(n, units) : n;
              void save(f.key, { [f.key]: value }, raw);
            }}
          />
          {f.off && (
            <label class="off">
              <input
                type="checkbox"
                id={`${f.key}-off`}
                checked={s[f.key] === 0}
                aria-label={t('settingOffFor', t(`setting_${f.key}`))}
                onChange={(e) => {
                  const off = (e.target as HTMLInputElement).checked;
                  // Turning a rule back on offers the usual value, never a leftover 0.
                  void save(f.key, { [f.key]: off ? 0 : (f.off?.onAgain ?? f.min) });
                }}
              />{' '}
              {t('settingOff')}
            </label>
          )}
          <p class="hint" id={`${f.key}-hint`}>
            {t(`setting_${f.key}_hint`)}{' '}
            {t(
              'defaultIs',
              f.unit === 'km'
                ? `${toShown(DEFAULT_SETTINGS[f.key], units)} ${t(`unit_${units}`)}`
                : String(DEFAULT_SETTINGS[f.key]),
            )}
          </p>
          <FieldMessage id={f.key} error={errors[f.key]} saved={saved === f.key} />
        </div>
      ))}
      {SPORT_LISTS.map((field) => (
        <SportsChoice
          key={field}
          field={field}
          chosen={s[field]}
          error={errors[field]}
          saved={saved === field}
          save={(patch) => void save(field, patch)}
        />
      ))}
    </form>
  );
}

/** Units, week start and notifications. */
export function DisplaySettings(props: SettingsProps) {
  const { errors, saved, save, refuse } = useSaver(props.onSaved);
  const s = props.settings;
  return (
    <form class="card" id="display" aria-labelledby="display-h" onSubmit={(e) => e.preventDefault()} noValidate>
      <h2 id="display-h">{t('displayTitle')}</h2>
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
        <FieldMessage id="units" error={errors.units} saved={saved === 'units'} />
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
        <FieldMessage id="weekStartsOn" error={errors.weekStartsOn} saved={saved === 'weekStartsOn'} />
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
              refuse('notifications', t('notificationsRefused'));
              return;
            }
            void save('notifications', { notifications: on });
          }}
        />
        <p class="hint" id="notifications-hint">
          {t('setting_notifications_hint')}
        </p>
        <FieldMessage id="notifications" error={errors.notifications} saved={saved === 'notifications'} />
      </div>
    </form>
  );
}

/** What the runner tells Hip Check about their hips. */
export function HipSettings(props: SettingsProps) {
  const { errors, saved, save } = useSaver(props.onSaved);
  const s = props.settings;
  return (
    <form class="card" id="hips" aria-labelledby="hips-h" onSubmit={(e) => e.preventDefault()} noValidate>
      <h2 id="hips-h">{t('hipsTitle')}</h2>
      <div class="field">
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
        <FieldMessage
          id="hips"
          error={errors.outerHipPain ?? errors.redFlagSymptoms}
          saved={saved === 'outerHipPain' || saved === 'redFlagSymptoms'}
        />
      </div>
    </form>
  );
}
