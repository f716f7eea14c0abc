// The page's own JavaScript world (where Strava keeps `pageView`) and our content script share
// only window.postMessage. Messages carry this tag; the receiving side checks the sender window,
// the origin and the shape before trusting anything.
export const BRIDGE_TAG = 'hip-check/page-data';
export const STRAVA_SNAPSHOT = 'strava-activity-snapshot';

export interface BridgeMessage<T> {
  tag: typeof BRIDGE_TAG;
  kind: string;
  payload: T;
}

export function isBridgeMessage(event: MessageEvent, kind: string): boolean {
  if (event.source !== window || event.origin !== window.location.origin) return false;
  const d: unknown = event.data;
  return (
    typeof d === 'object' &&
    d !== null &&
    (d as BridgeMessage<unknown>).tag === BRIDGE_TAG &&
    (d as BridgeMessage<unknown>).kind === kind
  );
}
