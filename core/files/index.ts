// Reading activity files and export archives (issue #5): the public API. Pure code, no browser
// API beyond TextDecoder and Intl, so it runs in the extension's service worker, a page or Node.
//
//   const result = await readActivityFile(file.name, blobSource(file), { timeZone, onProgress });
//   activitiesOf(result)   // every ActivityInput read
//   countOutcome([...])    // what to tell the user: read, not activities, refused (with reasons)
export { readActivityFile, readActivityFiles, activitiesOf, countOutcome } from './import-files';
export type { ImportCounts, NamedSource } from './import-files';
export { blobSource, bytesSource } from './source';
export { FileRefusal } from './types';
export type {
  ActivitiesRead,
  ArchiveEntryResult,
  ArchiveFormat,
  ArchiveRead,
  FileFormat,
  FileReadResult,
  NotActivity,
  RandomAccessSource,
  ReadOptions,
  Refused,
  SingleFileResult,
} from './types';
export { fileSourceId } from './summary';
