// Who is signed in to Garmin Connect, as the site itself says it: the page's own
// userprofile-service/socialProfile response (seen by the page-world observer), never a value read
// from the page's DOM or guessed from whose activities a list happens to hold.

export const GARMIN_PROFILE_URL = /\/userprofile-service\/socialProfile\/?(\?|$)/;

/** The signed-in athlete's profile id from a socialProfile response body, or null when unsure. */
export function readGarminViewer(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const id = (body as { profileId?: unknown }).profileId;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
  if (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id)) return id;
  return null;
}
