import { useEffect, useState } from 'preact/hooks';
import { onDataChanged } from '../messaging/data-version';
import type { Settings } from '../core/settings';
import { CatchUpSettings } from './AutoCatchUpOption';
import { BackupControls } from './BackupControls';
import { DeleteAll } from './DeleteAll';
import { unitsFor } from './format';
import { HistoryTable } from './HistoryTable';
import { PainModel } from './PainModel';
import { PainTrend } from './PainTrend';
import { PlanQuestions } from './PlanQuestions';
import { t, tn } from './i18n';
import { ask } from '../messaging/ask';
import { RunSyncOption } from './RunSyncOption';
import { DisplaySettings, HipSettings, SettingsForm } from './SettingsForm';

/**
 * The options page, in the order a runner needs it: their runs (in, out, history, catching up),
 * their plan, their hips and their hip pain (the six-week trend, and how Hip Check reads it),
 * display, run sync, and deleting everything last. Links at the top jump to each.
 */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [count, setCount] = useState(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Bumped when everything is deleted: the import and export messages above no longer apply.
  const [deletions, setDeletions] = useState(0);

  const load = async () => {
    const r = await ask({ type: 'state/get' });
    if (r.ok) {
      setSettings(r.settings);
      setCount(r.totalCount);
      setVersion((v) => v + 1);
    } else setError(r.words);
  };
  useEffect(() => {
    void load();
    return onDataChanged(() => void load());
  }, []);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="muted">
        {t('privacyLine')}{' '}
        <a href="/privacy.txt" target="_blank" rel="noopener" data-testid="privacy-link">
          {t('privacyLink')}
        </a>
      </p>
      <nav aria-label={t('optionsNav')} class="section-links">
        <a href="#runs">{t('dataTitle')}</a>
        <a href="#catch-up">{t('autoCatchUpTitle')}</a>
        <a href="#plan">{t('settingsTitle')}</a>
        <a href="#hips">{t('hipsTitle')}</a>
        <a href="#pain-trend">{t('trend_sectionTitle')}</a>
        <a href="#display">{t('displayTitle')}</a>
        <a href="#sync">{t('syncTitle')}</a>
        <a href="#delete">{t('deleteAllTitle')}</a>
        <a href="/welcome.html">{t('welcomeOpen')}</a>
      </nav>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div id="runs">
        <BackupControls key={deletions} onChanged={() => void load()} />
      </div>
      {settings && <HistoryTable units={unitsFor(settings)} version={version} onChanged={() => void load()} />}
      {settings && <CatchUpSettings settings={settings} onSaved={setSettings} />}
      <div id="plan">
        {settings && <PlanQuestions key={version > 0 ? 'loaded' : 'first'} settings={settings} onSaved={setSettings} />}
        {settings && <SettingsForm settings={settings} units={unitsFor(settings)} onSaved={setSettings} />}
      </div>
      {settings && <HipSettings settings={settings} onSaved={setSettings} />}
      {settings && <PainTrend units={unitsFor(settings)} version={version} />}
      <PainModel />
      {settings && <DisplaySettings settings={settings} onSaved={setSettings} />}
      <div id="sync">
        <RunSyncOption />
      </div>
      <section class="card" id="delete" aria-labelledby="danger-h">
        <h2 id="danger-h">{t('deleteAllTitle')}</h2>
        <p class="muted" data-testid="activity-count">
          {tn('storedCount', count)}
        </p>
        <DeleteAll count={count} onChanged={() => void load()} onDeleted={() => setDeletions((n) => n + 1)} />
      </section>
    </main>
  );
}
