import { tn } from '../components/i18n';

// A small, passing confirmation on Strava or Garmin Connect that Hip Check noted a run: the badge
// alone was the only sign. Inside a closed shadow root so the site's styles and scripts neither
// restyle nor read it; it never takes focus and goes away by itself.
const SHOWN_MS = 4000;

/** How many activities a reply says were new or changed; 0 for anything else. */
export function newlyRead(reply: unknown): number {
  if (!reply || typeof reply !== 'object' || (reply as { ok?: unknown }).ok !== true) return 0;
  const r = reply as { added?: unknown; merged?: unknown; updated?: unknown };
  const n = (v: unknown) => (typeof v === 'number' && v > 0 ? v : 0);
  return n(r.added) + n(r.merged) + n(r.updated);
}

export function showReadToast(count: number, doc: Document = document): void {
  if (count <= 0 || !doc.body) return;
  const text = tn('toastRead', count);
  const host = doc.createElement('hip-check-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:320px;padding:8px 12px;' +
    'border-radius:6px;background:#1b1f23;color:#fff;font:13px/1.4 system-ui,sans-serif;' +
    'box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none';
  root.append(box);
  doc.body.append(host);
  setTimeout(() => host.remove(), SHOWN_MS);
}
