import { useEffect, useState } from 'preact/hooks';
import { t, tn } from './i18n';
import { ImportActivities } from './ImportActivities';
import { ask } from '../messaging/ask';

/** "Export backup" and "Import activities": the runner's history out as one JSON file, and in from backups, files and archives. */
export function BackupControls(props: { onChanged: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [restore, setRestore] = useState<'running' | 'interrupted' | null>(null);

  useEffect(() => {
    void ask({ type: 'restore/status' }).then((r) => {
      if (r.ok) setRestore(r.running ? 'running' : r.interruptedMs !== null ? 'interrupted' : null);
    });
  }, []);

  const exportBackup = async () => {
    const r = await ask({ type: 'backup/export' });
    if (!r.ok) return setMessage({ text: r.words, error: true });
    // A backup larger than one message comes in pieces, joined here into the file.
    const pieces = [r.text];
    for (let i = 1; i < r.pieces; i++) {
      const p = await ask({ type: 'backup/export-part', export: r.export, index: i });
      if (!p.ok) return setMessage({ text: p.words, error: true });
      pieces.push(p.text);
    }
    const url = URL.createObjectURL(new Blob(pieces, { type: 'application/json' }));
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
      {restore && (
        <p role="status" data-testid="restore-status">
          {restore === 'running' ? t('restore_running') : t('restore_interrupted')}
        </p>
      )}
      <ImportActivities
        onChanged={() => {
          setRestore(null);
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
