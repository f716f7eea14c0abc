import type { ActivityInput } from '../activity';
import { problemDebugText, type Problem } from '../problem-codes';

/**
 * Random access to the bytes of a file, so a 1 GB archive is never read whole: a browser File
 * or Blob (`blobSource`), a Uint8Array (`bytesSource`) or a Node file handle (tests, benchmark)
 * all fit. `read` may return fewer bytes only at the end of the file.
 */
export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ReadOptions {
  /**
   * IANA time zone (e.g. "Europe/Paris") that decides an activity's local date when the file
   * itself does not say where it happened. Usually the user's zone at import time.
   */
  timeZone: string;
  /**
   * Called during long reads with the bytes done and the bytes to do. `done` never decreases;
   * `total` may grow once when an export turns out to need some of its files decoded.
   */
  onProgress?: (done: number, total: number) => void;
  /** "Now" for plausibility checks (a start in the future is refused). Defaults to Date.now(). */
  nowMs?: number;
  /** The import's budget when several files make one import (readActivityFiles shares one). */
  budget?: import('./read-budget').ReadBudget;
}

/** The file held activities: one per sport session (a triathlon gives three). */
export interface ActivitiesRead {
  kind: 'activities';
  format: FileFormat;
  activities: ActivityInput[];
  /** Things the user may want to know (damaged checksum, estimated values); never fatal. */
  warnings: Problem[];
}

/** A well-formed file that is not an activity (FIT settings, workout, monitoring). */
export interface NotActivity {
  kind: 'not-activity';
  format: FileFormat;
  reason: Problem;
}

/** The file could not be read, or held nothing usable; `reason` says why, as a code. */
export interface Refused {
  kind: 'refused';
  format: FileFormat | null;
  reason: Problem;
}

export type SingleFileResult = ActivitiesRead | NotActivity | Refused;

/** One file inside an archive, or one row of an export's activity list. */
export type ArchiveEntryResult = SingleFileResult & {
  /** Path inside the archive ("activities/123.fit.gz"), or "activities.csv row 12". */
  entry: string;
};

/** An archive: Garmin's "Export Original" zip, Strava's bulk export, Garmin's account export, any zip. */
export interface ArchiveRead {
  kind: 'archive';
  format: ArchiveFormat;
  entries: ArchiveEntryResult[];
  warnings: Problem[];
}

export type FileReadResult = SingleFileResult | ArchiveRead;

export type FileFormat = 'fit' | 'gpx' | 'tcx' | 'zip' | 'csv' | 'json';
export type ArchiveFormat = 'zip' | 'strava-export' | 'garmin-export';

/** A refusal raised inside a reader; import-files turns it into a `Refused` result. */
export class FileRefusal extends Error {
  override name = 'FileRefusal';
  constructor(readonly problem: Problem) {
    super(problemDebugText(problem));
  }
}

export const MAX_SINGLE_FILE_BYTES = 128 * 1024 * 1024;
/** Largest decompressed size accepted for one file (gzip or zip entry). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
