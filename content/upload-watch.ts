import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_UPLOAD_BYTES } from '../core/messages';
import { sendToBackground } from './send-to-background';

// Upload pages: https://www.strava.com/upload/select (a plain form, file input
// `form[action*="/upload/files"] input[type=file][name="files[]"]`, upload starts on change) and
// https://connect.garmin.com/app/import-data (/modern/import-data until Feb 2026; its input may sit
// in a shadow root behind a "Browse" control). We never touch the page's form: we listen for the
// files the runner chooses or drops and hand a copy to the background, which reads them like an
// import. `input` and `drop` events cross shadow roots (`change` does not), hence both.

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function watchUploads(ctx: ContentScriptContext, isUploadPage: () => boolean): void {
  const seen = new Set<string>();
  const take = (files: FileList | null | undefined) => {
    if (!files || !isUploadPage()) return;
    for (const file of Array.from(files)) {
      const id = `${file.name}|${file.size}|${file.lastModified}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (file.size > MAX_UPLOAD_BYTES) continue; // the site takes it; we leave it to the import on the options page
      void readAsBase64(file)
        .then((dataBase64) => sendToBackground({ type: 'upload/file', file: { name: file.name, dataBase64 } }))
        .catch(() => {});
    }
  };
  // Only the runner's own choices count: a page script can dispatch synthetic events (isTrusted false).
  const fromInput = (e: Event) => {
    if (!e.isTrusted) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLInputElement && target.type === 'file') take(target.files);
  };
  ctx.addEventListener(document, 'change', fromInput, { capture: true });
  ctx.addEventListener(document, 'input', fromInput, { capture: true });
  ctx.addEventListener(
    document,
    'drop',
    (e: DragEvent) => {
      if (e.isTrusted) take(e.dataTransfer?.files);
    },
    { capture: true },
  );
}
