/**
 * Uploads larger than this are not read (runners' files are a few MB; messages are capped at 64 MB).
 * A module of its own: the upload pages' content script needs this number, not the message checks.
 */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;
