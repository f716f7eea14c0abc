import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HEALTH_DATA } from '../background/health-consent';
import { loadStatus, SYNC_ON_KEY, SYNC_STATUS_KEY, type SyncStatus } from '../background/sync/sync-local';
import { t, tn } from './i18n';
import { useSyncOn } from './use-sync-on';

/**
 * The opt-in for run sync, off until the runner turns it on, with plainly where the data goes and
 * what goes. The switch is this browser's own (storage.local): the background watches it.
 */
export function RunSyncOption() {
  const on = useSyncOn();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [healthRefused, setHealthRefused] = useState(false);

  useEffect(() => {
    const load = async () => setStatus(await loadStatus());
    void load();
    const l = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SYNC_ON_KEY in changes || SYNC_STATUS_KEY in changes)) void load();
    };
    browser.storage.onChanged.addListener(l);
    return () => browser.storage.onChanged.removeListener(l);
  }, []);

  return (
    <section class="card" aria-labelledby="sync-h" data-testid="run-sync">
      <h2 id="sync-h">{t('syncTitle')}</h2>
      <div class="field">
        <label style="font-weight: normal; grid-column: 1 / -1">
          <input
            type="checkbox"
            data-testid="sync-toggle"
            checked={on}
            aria-describedby="sync-where sync-what sync-off"
            onChange={(e) => {
              const box = e.target as HTMLInputElement;
              const turnOn = box.checked;
              const set = (v: boolean) => void browser.storage.local.set({ [SYNC_ON_KEY]: v });
              if (!turnOn || !import.meta.env.FIREFOX) return set(turnOn);
              // Check-ins are health data to Firefox: asked within this click, or no prompt shows.
              const request = browser.permissions.request as (p: typeof HEALTH_DATA) => Promise<boolean>;
              // Refused: runs still sync, check-ins stay here (the background asks the permission).
              void request(HEALTH_DATA)
                .catch(() => false)
                .then((granted) => {
                  setHealthRefused(!granted);
                  set(true);
                });
            }}
          />{' '}
          {t('syncToggle')}
        </label>
        <p class="hint" id="sync-where">
          {t('syncWhere')}
        </p>
        <p class="hint" id="sync-what">
          {t('syncWhat')}
        </p>
        <p class="hint" id="sync-off">
          {t('syncOff')}
        </p>
        {healthRefused && (
          <p class="error" role="alert" data-testid="sync-health-refused">
            {t('syncHealthRefused')}
          </p>
        )}
      </div>
      {on && status && (
        <div data-testid="sync-status">
          <p class="muted">
            {status.lastWriteMs
              ? t('syncLastWrite', new Date(status.lastWriteMs).toLocaleString(navigator.language))
              : t('syncNotWrittenYet')}{' '}
            {t('syncShare', (status.bytes / 1024).toFixed(1))} {tn('syncBrowsers', status.browsers)}
          </p>
          {status.droppedRuns > 0 && <p class="muted">{tn('syncDropped', status.droppedRuns)}</p>}
          {status.noRoom && (
            <p class="error" role="alert" data-testid="sync-no-room">
              {t('syncNoRoom')}
            </p>
          )}
          {(status.leftOut ?? 0) > 0 && <p class="muted">{tn('syncLeftOut', status.leftOut ?? 0)}</p>}
          {(status.refusedElsewhere ?? []).map((n) => (
            <p class="error" role="alert" key={`${n.from}/${n.item}`} data-testid="sync-refused-elsewhere">
              {t('syncRefusedElsewhere', [n.from, n.item, t(`syncBad_${n.problem}`, n.detail)])}
            </p>
          ))}
          {status.refused && (
            <p class="error" role="alert">
              {t('syncRefused', status.refused)}
            </p>
          )}
          {status.problems.map((p) => (
            <p class="error" role="alert" key={p.item} data-testid="sync-problem">
              {t('syncIgnored', [p.item, t(`syncBad_${p.problem}`, p.detail)])}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
