import { useState } from 'preact/hooks';
import { t } from './i18n';
import { ask } from './send-message';

interface Outcome {
  added: number;
  merged: number;
  updated: number;
  unchanged: number;
}

/** "Export backup" and "Import activities": the runner's history in and out, as one JSON file. */
export function BackupControls(props: { onChanged: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportBackup = async () => {
    const r = await ask<{ fileName: string; text: string; count: number }>({ type: 'backup/export' });
    if (!r.ok) return setMessage({ text: r.error, error: true });
    const url = URL.createObjectURL(new Blob([r.text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: t('exportDone', String(r.count)), error: false });
  };

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const lines: string[] = [];
    let failed = false;
    for (const file of Array.from(files)) {
      const r = await ask<Outcome>({ type: 'backup/import', text: await file.text() });
      if (r.ok) lines.push(t('importDone', [file.name, String(r.added), String(r.merged + r.updated), String(r.unchanged)]));
      else {
        failed = true;
        lines.push(`${file.name}: ${r.error}`);
      }
    }
    setMessage({ text: lines.join('\n'), error: failed });
    props.onChanged();
  };

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('dataTitle')}</h2>
      <div class="row">
        <button type="button" onClick={() => void exportBackup()}>{t('exportBackup')}</button>
        <label for="import-input">{t('importActivities')}</label>
        <input
          id="import-input"
          type="file"
          multiple
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void importFiles(input.files).finally(() => (input.value = ''));
          }}
        />
      </div>
      <p class="hint muted">{t('importHint')}</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''} data-testid="data-message" style="white-space: pre-line">
          {message.text}
        </p>
      )}
    </section>
  );
}
