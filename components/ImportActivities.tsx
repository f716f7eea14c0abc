import { useState } from 'preact/hooks';
import { importOne, type FileOutcome } from './import-chosen-files';
import { t, tn } from './i18n';
import { problemText } from './problem-text';

/** "Import activities": backups, activity files and export archives, several at once. */
export function ImportActivities(props: { onChanged: () => void }) {
  const [busy, setBusy] = useState<{ name: string; done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);

  const run = async (files: File[]) => {
    const results: FileOutcome[] = [];
    for (const file of files) {
      setBusy({ name: file.name, done: 0, total: 0 });
      results.push(await importOne(file, (done, total) => setBusy({ name: file.name, done, total })));
      setOutcomes([...results]);
    }
    setBusy(null);
    props.onChanged();
  };

  return (
    <div class="import">
      <label for="import-input">{t('importActivities')}</label>{' '}
      <input
        id="import-input"
        type="file"
        multiple
        disabled={busy !== null}
        accept=".json,.fit,.gpx,.tcx,.gz,.zip,application/json,application/gzip,application/zip"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const files = Array.from(input.files ?? []);
          input.value = '';
          if (files.length) void run(files);
        }}
      />
      <p class="hint muted">{t('importHint')}</p>
      {busy && (
        <p role="status" data-testid="import-progress">
          {t('importReading', busy.name)}{' '}
          <progress
            max={busy.total || undefined}
            value={busy.total ? busy.done : undefined}
            aria-label={t('importReading', busy.name)}
          />
        </p>
      )}
      {outcomes.length > 0 && (
        <ul class="import-outcomes" data-testid="data-message" aria-live="polite">
          {outcomes.map((o, i) => (
            <li key={i} class={o.error ? 'error' : ''}>
              {o.error ? (
                <>
                  {o.what}: {problemText(o.error)}
                </>
              ) : (
                <>
                  {t('importDone', [o.what, String(o.added), String(o.merged), String(o.unchanged)])}
                  {o.notActivities > 0 && <> {tn('importNotActivities', o.notActivities)}</>}
                  {o.refused.length > 0 && (
                    <details>
                      <summary>{tn('importRefused', o.refused.length)}</summary>
                      <ul>
                        {o.refused.map((r, j) => (
                          <li key={j}>
                            {r.item}: {problemText(r.reason)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
