import { useEffect, useState } from 'preact/hooks';
import { onDataChanged } from '../messaging/data-version';
import type { Settings } from '../core/settings';
import { BackupControls } from './BackupControls';
import { DeleteAll } from './DeleteAll';
import { unitsFor } from './format';
import { HistoryTable } from './HistoryTable';
import { PlanQuestions } from './PlanQuestions';
import { t, tn } from './i18n';
import { ask } from '../messaging/ask';
import { RunSyncOption } from './RunSyncOption';
import { SettingsForm } from './SettingsForm';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [count, setCount] = useState(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const r = await ask({ type: 'state/get' });
    if (r.ok) {
      setSettings(r.settings);
      setCount(r.totalCount);
      setVersion((v) => v + 1);
    } else setError(r.error);
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
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {settings && <PlanQuestions key={version > 0 ? 'loaded' : 'first'} settings={settings} onSaved={setSettings} />}
      {settings && <SettingsForm settings={settings} onSaved={setSettings} />}
      <RunSyncOption />
      <BackupControls onChanged={() => void load()} />
      {settings && <HistoryTable units={unitsFor(settings)} version={version} onChanged={() => void load()} />}
      <section class="card" aria-labelledby="danger-h">
        <h2 id="danger-h">{t('deleteAllTitle')}</h2>
        <p class="muted" data-testid="activity-count">
          {tn('storedCount', count)}
        </p>
        <DeleteAll count={count} onChanged={() => void load()} />
      </section>
    </main>
  );
}
