import { looksLikeFit } from './fit-decoder';
import { isGzip } from './gzip';
import { isZip } from './zip-archive';

// What a file is, from its first bytes (never from its name: Strava's exports call gzipped
// FIT files ".fit.gz", browsers and users rename files, and some sites serve ".fit" as zip).

export type SniffedKind =
  'empty' | 'fit' | 'gzip' | 'zip' | 'gpx' | 'tcx' | 'xml' | 'strava-csv' | 'garmin-json' | 'unknown';

/** `head`: the file's first few kilobytes (4 KB is plenty). */
export function sniff(head: Uint8Array): SniffedKind {
  if (head.length === 0) return 'empty';
  if (looksLikeFit(head)) return 'fit';
  if (isGzip(head)) return 'gzip';
  if (isZip(head)) return 'zip';
  const text = decodeHead(head);
  const t = text.replace(/^[\s\uFEFF]+/, '');
  if (t.startsWith('<')) {
    if (/<(\w+:)?gpx[\s>]/.test(text)) return 'gpx';
    if (/<(\w+:)?TrainingCenterDatabase[\s>]/.test(text)) return 'tcx';
    return 'xml';
  }
  if ((t.startsWith('[') || t.startsWith('{')) && text.includes('"summarizedActivitiesExport"')) return 'garmin-json';
  const firstLine = t.split(/\r?\n/, 1)[0] ?? '';
  if (/^"?Activity ID"?\s*,/i.test(firstLine)) return 'strava-csv';
  return 'unknown';
}

function decodeHead(head: Uint8Array): string {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff)
    return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('utf-8').decode(head);
}
