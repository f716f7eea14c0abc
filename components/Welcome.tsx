import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { ask } from '../messaging/ask';
import { AutoCatchUpOption } from './AutoCatchUpOption';
import { ImportActivities } from './ImportActivities';
import { PlanQuestions } from './PlanQuestions';
import { t, tn } from './i18n';

/** One source's how-to: a heading and its steps. */
function Source(props: { id: string; title: string; steps: string[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul>
        {props.steps.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The first-run page, opened on install: what Hip Check does, the plan questions, how to get runs
 * in from each source (with the import right here, and the automatic catch-up's switch), and how
 * to pin the toolbar button.
 */
export function Welcome() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [count, setCount] = useState<number | null>(null);

  const load = async () => {
    const r = await ask({ type: 'state/get' });
    if (r.ok) {
      setSettings(r.settings);
      setCount(r.totalCount);
    }
  };
  useEffect(() => void load(), []);

  return (
    <main class="options welcome" data-testid="welcome">
      <h1>{t('firstRunTitle')}</h1>
      <ul class="welcome-what">
        <li>{t('welcomeWhat1')}</li>
        <li>{t('welcomeWhat2')}</li>
        <li>{t('welcomeWhat3')}</li>
      </ul>
      {settings && <PlanQuestions settings={settings} onSaved={setSettings} />}
      <section class="card" aria-labelledby="runs-h" data-testid="welcome-runs">
        <h2 id="runs-h">{t('welcomeRunsTitle')}</h2>
        <Source
          id="src-strava"
          title="Strava"
          steps={[t('welcomeStravaPages'), t('welcomeStravaUpload'), t('welcomeStravaExport')]}
        />
        <Source
          id="src-garmin"
          title="Garmin Connect"
          steps={[t('welcomeGarminPages'), t('welcomeGarminOriginal'), t('welcomeGarminExport')]}
        />
        <section aria-labelledby="src-catch-up" data-testid="welcome-catch-up">
          <h3 id="src-catch-up">{t('welcomeCatchUpTitle')}</h3>
          <p>{t('welcomeCatchUp')}</p>
          {settings && <AutoCatchUpOption settings={settings} onSaved={setSettings} />}
        </section>
        <Source id="src-files" title={t('welcomeFilesTitle')} steps={[t('welcomeFiles')]} />
        <ImportActivities onChanged={() => void load()} />
        {count !== null && (
          <p class="muted" data-testid="welcome-count">
            {tn('storedCount', count)}
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="pin-h">
        <h2 id="pin-h">{t('welcomePinTitle')}</h2>
        <ul>
          <li>{t('welcomePinChrome')}</li>
          <li>{t('welcomePinFirefox')}</li>
        </ul>
        <p>{t('welcomePinBadge')}</p>
        <p>
          <a href="/options.html">{t('welcomeSettings')}</a>
        </p>
      </section>
    </main>
  );
}
