import { blobSource, readActivityFile } from '../core/files';
import { problem } from '../core/problem-codes';
import { planImport, type ImportPlan } from '../core/files/import-plan';
import type { UploadedFile } from '../core/messages';

/** Reads a file the runner uploaded on Strava or Garmin Connect, as the options page's import does. */
export async function readUpload(file: UploadedFile, nowMs: number, timeZone: string): Promise<ImportPlan> {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  } catch {
    return {
      activities: [],
      notActivities: 0,
      refused: [{ item: file.name, reason: problem('upload_undecodable') }],
    };
  }
  const result = await readActivityFile(file.name, blobSource(new Blob([bytes as BlobPart])), { timeZone, nowMs });
  return planImport([{ name: file.name, result }], nowMs);
}
