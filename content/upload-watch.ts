import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_UPLOAD_BYTES } from '../core/upload-limit';
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
    r.onload = () => resolve(typeof r.result === 'string' ? r.result.replace(/^data:[^,]*,/, '') : '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/**
 * `shadowRoots`: the site may put its file input inside shadow roots (Garmin's import page), so
 * every open shadow root is watched as it appears. Strava's upload form has none: there the
 * document is not observed at all, which kept every DOM change of the page loading paying for a
 * scan (issue #23: 6.5 ms of script time on the upload page, over its 5 ms budget).
 */
export function watchUploads(
  ctx: ContentScriptContext,
  isUploadPage: () => boolean,
  opts: { shadowRoots: boolean },
): void {
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
  // Only the runner's own choices count: a page script can dispatch synthetic events (isTrusted
  // false), and inside the runner's trusted event a page listener can swap input.files (a new
  // DataTransfer). So we read at the first event of a choice (`input`, then `change` in the same
  // task), from listeners on window registered at document_start, before any page script's: by
  // `change` a page's `input` listener may already have swapped the files. File objects are
  // snapshots, so what we read first stays the runner's.
  const afterInput = new WeakSet<HTMLInputElement>();
  const handled = new WeakSet<Event>();
  const fromInput = (e: Event) => {
    if (!e.isTrusted || handled.has(e)) return;
    handled.add(e);
    const target = e.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || target.type !== 'file') return;
    if (e.type === 'input') afterInput.add(target);
    else if (afterInput.delete(target)) return;
    take(target.files);
  };
  const listenOn = (root: Window | ShadowRoot) => {
    ctx.addEventListener(root, 'change', fromInput, { capture: true });
    ctx.addEventListener(root, 'input', fromInput, { capture: true });
  };
  listenOn(window);
  // A drop's files are read-only to every listener: the runner's own.
  ctx.addEventListener(
    window,
    'drop',
    (e: DragEvent) => {
      if (e.isTrusted) take(e.dataTransfer?.files);
    },
    { capture: true },
  );
  if (opts.shadowRoots) watchShadowRoots(ctx, isUploadPage, listenOn);
}

function watchShadowRoots(
  ctx: ContentScriptContext,
  isUploadPage: () => boolean,
  listenOn: (root: ShadowRoot) => void,
): void {
  // A file input's `change` stays inside its shadow root, and Chromium and Firefox don't mark its
  // `input` as composed either: on the upload page, listen on every open shadow root as it appears.
  // There a page listener on the same root, added before ours, still runs first.
  const listened = new WeakSet<ShadowRoot>();
  let observed = new WeakSet<ShadowRoot>();
  const findRoots = (from: ParentNode) => {
    for (const el of from.querySelectorAll('*')) {
      const root = el.shadowRoot;
      if (!root || observed.has(root)) continue;
      observed.add(root);
      if (!listened.has(root)) listenOn(root);
      listened.add(root);
      observer.observe(root, { childList: true, subtree: true });
      findRoots(root);
    }
  };
  // Where the browser announces the app's own navigations (the Navigation API), the document is
  // observed only while it shows the upload page: on the other pages of a single-page app every
  // DOM change would otherwise pay for a callback (issue #23: Garmin's activity list). Without
  // it, it is observed throughout, as the upload page may be reached at any time.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  const followsNavigation = typeof nav?.addEventListener === 'function';
  let observing = false;
  const start = () => {
    if (observing) return;
    observing = true;
    observed = new WeakSet();
    observer.observe(document, { childList: true, subtree: true });
  };
  const stop = () => {
    observing = false;
    observer.disconnect();
  };
  // Scanned a task later: a custom element's shadow root is attached when its script runs, after
  // the mutation that announced the element.
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    if (!isUploadPage()) {
      if (followsNavigation) stop();
      return;
    }
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      findRoots(document);
    }, 0);
  });
  const arrive = () => {
    if (!isUploadPage()) return false;
    start();
    findRoots(document);
    return true;
  };
  if (!followsNavigation || isUploadPage()) start();
  // After the URL changed (history.pushState, back, forward), before the app draws the new page.
  if (followsNavigation) ctx.addEventListener(nav, 'currententrychange', () => arrive() || stop());
  // A shadow root made later without any DOM change is found when the runner reaches for it.
  ctx.addEventListener(document, 'pointerdown', arrive, { capture: true });
  ctx.addEventListener(document, 'focusin', arrive, { capture: true });
  ctx.onInvalidated(() => observer.disconnect());
}
