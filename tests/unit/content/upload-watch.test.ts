import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchUploads } from '../../../content/upload-watch';
import { MAX_UPLOAD_BYTES } from '../../../core/messages';

// happy-dom has File, FileReader.readAsDataURL and DataTransfer (for input.files); its DragEvent
// ignores `dataTransfer` in the init, so the drop test sets it on the event itself.

let abort: AbortController;
let received: unknown[];

/** The slice of WXT's ContentScriptContext that watchUploads uses; listeners go when the test ends. */
function fakeCtx(): ContentScriptContext {
  return {
    addEventListener(target: EventTarget, type: string, handler: EventListener, opts?: AddEventListenerOptions) {
      target.addEventListener(type, handler, { ...opts, signal: abort.signal });
    },
    onInvalidated(cb: () => void) {
      abort.signal.addEventListener('abort', cb);
    },
    setTimeout(cb: () => void, ms: number) {
      const id = setTimeout(() => !abort.signal.aborted && cb(), ms);
      abort.signal.addEventListener('abort', () => clearTimeout(id));
      return id;
    },
  } as unknown as ContentScriptContext;
}

function fileInput(...files: File[]): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  input.name = 'files[]';
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  document.body.append(input);
  return input;
}

/** The event the browser sends for the runner's own action; page scripts can only make untrusted ones. */
const trusted = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const fire = (el: EventTarget, type: string) => el.dispatchEvent(trusted(new Event(type, { bubbles: true })));
const settle = () => new Promise((r) => setTimeout(r, 30));
const fit = (name = 'run.fit', bytes = [14, 16, 1, 2, 3], lastModified = 1_700_000_000_000) =>
  new File([new Uint8Array(bytes)], name, { lastModified });

beforeEach(() => {
  fakeBrowser.reset();
  abort = new AbortController();
  received = [];
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    received.push(msg);
    return Promise.resolve({ ok: true });
  });
  document.body.innerHTML = '';
});

afterEach(() => abort.abort());

describe('watchUploads', () => {
  it('takes a file chosen in an input inside an open shadow root, whose events stay in the root', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const host = document.createElement('gc-import-data');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const input = fileInput(fit('shadow.fit'));
    root.append(input);
    await settle();
    // Not composed, as Firefox sends a file input's input and change events.
    input.dispatchEvent(trusted(new Event('change', { bubbles: true, composed: false })));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ type: 'upload/file', file: { name: 'shadow.fit' } });
  });

  it('on a site without shadow roots (Strava) the document is not observed; a plain input still counts', async () => {
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    watchUploads(fakeCtx(), () => true, { shadowRoots: false });
    expect(observed).not.toHaveBeenCalled();
    observed.mockRestore();
    const input = fileInput(fit('plain.fit'));
    fire(input, 'input');
    fire(input, 'change');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ file: { name: 'plain.fit' } });
  });

  it('with the Navigation API, observes a single-page app only while it shows the upload page', async () => {
    // Garmin Connect's activity list: every DOM change of the app would otherwise call back.
    const nav = new EventTarget();
    Object.defineProperty(globalThis, 'navigation', { value: nav, configurable: true });
    try {
      const observe = vi.spyOn(MutationObserver.prototype, 'observe');
      const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
      let onUploadPage = false;
      watchUploads(fakeCtx(), () => onUploadPage, { shadowRoots: true });
      expect(observe).not.toHaveBeenCalled();
      // The app moves to its import page (history.pushState), then draws it.
      onUploadPage = true;
      nav.dispatchEvent(new Event('currententrychange'));
      expect(observe).toHaveBeenCalledWith(document, { childList: true, subtree: true });
      const host = document.createElement('gc-import-data');
      document.body.append(host);
      const input = fileInput(fit('after-navigation.fit'));
      host.attachShadow({ mode: 'open' }).append(input);
      await settle();
      input.dispatchEvent(trusted(new Event('change', { bubbles: true, composed: false })));
      await vi.waitFor(() => expect(received).toHaveLength(1));
      expect(received[0]).toMatchObject({ file: { name: 'after-navigation.fit' } });
      // And back to another page: observing stops.
      onUploadPage = false;
      nav.dispatchEvent(new Event('currententrychange'));
      expect(disconnect).toHaveBeenCalled();
    } finally {
      delete (globalThis as { navigation?: unknown }).navigation;
      vi.restoreAllMocks();
    }
  });

  it('sends a chosen file once, as base64, though both input and change fire', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const input = fileInput(fit());
    fire(input, 'input');
    fire(input, 'change');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await settle();
    expect(received).toEqual([{ type: 'upload/file', file: { name: 'run.fit', dataBase64: 'DhABAgM=' } }]);
  });

  it("reads the runner's file when a page listener swaps input.files inside the runner's own events", async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    // A page script's capture listener on window, added after ours (content scripts run at
    // document_start, before any page script), replaces the chosen file at each event.
    const swap = (e: Event) => {
      const dt = new DataTransfer();
      dt.items.add(fit('forged.fit', [6, 6, 6]));
      (e.target as HTMLInputElement).files = dt.files;
    };
    window.addEventListener('input', swap, { capture: true, signal: abort.signal });
    window.addEventListener('change', swap, { capture: true, signal: abort.signal });
    const input = fileInput(fit('mine.fit', [1, 2]));
    fire(input, 'input');
    fire(input, 'change');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await settle();
    expect(received).toEqual([{ type: 'upload/file', file: { name: 'mine.fit', dataBase64: 'AQI=' } }]);
  });

  it('sends each file of a multiple selection', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const input = fileInput(fit('a.fit', [1]), fit('b.gpx', [2, 2]));
    fire(input, 'change');
    await vi.waitFor(() => expect(received).toHaveLength(2));
    await settle();
    expect(received).toEqual(
      expect.arrayContaining([
        { type: 'upload/file', file: { name: 'a.fit', dataBase64: 'AQ==' } },
        { type: 'upload/file', file: { name: 'b.gpx', dataBase64: 'AgI=' } },
      ]),
    );
    expect(received).toHaveLength(2);
  });

  it('does not send the same file again when it is chosen a second time', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    fire(fileInput(fit()), 'change');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    fire(fileInput(fit()), 'change');
    await settle();
    expect(received).toHaveLength(1);
  });

  it('ignores inputs that are not file inputs', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const text = document.createElement('input');
    text.type = 'text';
    text.value = 'run.fit';
    document.body.append(text);
    fire(text, 'input');
    fire(text, 'change');
    const select = document.createElement('select');
    document.body.append(select);
    fire(select, 'change');
    await settle();
    expect(received).toEqual([]);
  });

  it('ignores everything while isUploadPage() is false, and takes the file once it is true', async () => {
    let onUploadPage = false;
    watchUploads(fakeCtx(), () => onUploadPage, { shadowRoots: true });
    const input = fileInput(fit());
    fire(input, 'change');
    await settle();
    expect(received).toEqual([]);
    // Single-page sites: the runner navigates to the upload page and picks the same file.
    onUploadPage = true;
    fire(input, 'change');
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it('leaves files larger than the limit to the site', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const big = fit('huge.fit');
    Object.defineProperty(big, 'size', { value: MAX_UPLOAD_BYTES + 1 });
    fire(fileInput(big), 'change');
    await settle();
    expect(received).toEqual([]);
  });

  it('sends a dropped file', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const dt = new DataTransfer();
    dt.items.add(fit('dropped.fit', [9]));
    const drop = trusted(new Event('drop', { bubbles: true }));
    Object.defineProperty(drop, 'dataTransfer', { value: dt });
    const zone = document.createElement('div');
    document.body.append(zone);
    zone.dispatchEvent(drop);
    await vi.waitFor(() =>
      expect(received).toEqual([{ type: 'upload/file', file: { name: 'dropped.fit', dataBase64: 'CQ==' } }]),
    );
  });

  it('ignores drops and changes a page script made up (untrusted events)', async () => {
    watchUploads(fakeCtx(), () => true, { shadowRoots: true });
    const dt = new DataTransfer();
    dt.items.add(fit('planted.fit', [9]));
    const drop = new Event('drop', { bubbles: true });
    Object.defineProperty(drop, 'dataTransfer', { value: dt });
    document.body.dispatchEvent(drop);
    const input = fileInput(fit('planted2.fit', [8]));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(received).toEqual([]);
  });
});
