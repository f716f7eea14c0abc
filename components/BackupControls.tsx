import { useState } from 'preact/hooks';
import { t, tn } from './i18n';
import { ImportActivities } from './ImportActivities';
import { ask } from '../messaging/ask';

/** "Export backup" and "Import activities": the runner's history out as one JSON file, and in from backups, files and archives. */
export function BackupControls(props: { onChanged: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportBackup = async () => {
    const r = await ask({ type: 'backup/export' });
    if (!r.ok) return setMessage({ text: r.words, error: true });
    const url = URL.createObjectURL(new Blob([r.text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: tn('exportDone', r.count), error: false });
  };

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('dataTitle')}</h2>
      <div class="row">
        <button type="button" onClick={() => void exportBackup()}>
          {t('exportBackup')}
        </button>
      </div>
      <ImportActivities
        onChanged={() => {
          // "Saved a backup of N activities" no longer describes what is stored.
          setMessage(null);
          props.onChanged();
        }}
      />
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          class={message.error ? 'error' : ''}
          data-testid="export-message"
          style="white-space: pre-line"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
