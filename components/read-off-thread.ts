import { browser } from 'wxt/browser';
import type { FileReadResult } from '../core/files/types';
import type { ReadBudget } from '../core/files/read-budget';

export interface ReadRequest {
  name: string;
  file: File;
  timeZone: string;
  nowMs: number;
  /** What the import has spent of its budget before this file. */
  spent: { inflated: number; entries: number };
}

export interface ReadReply {
  result: FileReadResult;
  spent: { inflated: number; entries: number };
}

/**
 * Reads one chosen file in a worker (entrypoints/file-read-worker.ts), spending from the import's
 * budget; null where the page cannot start one, and the caller reads it in the page.
 */
export function readOffThread(
  name: string,
  file: File,
  opts: { timeZone: string; nowMs: number; budget: ReadBudget },
): Promise<FileReadResult> | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(browser.runtime.getURL('/file-read-worker.js'));
  return new Promise<FileReadResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ReadReply>) => {
      worker.terminate();
      opts.budget.inflated = e.data.spent.inflated;
      opts.budget.entries = e.data.spent.entries;
      resolve(e.data.result);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the file reader stopped'));
    };
    const req: ReadRequest = {
      name,
      file,
      timeZone: opts.timeZone,
      nowMs: opts.nowMs,
      spent: { inflated: opts.budget.inflated, entries: opts.budget.entries },
    };
    worker.postMessage(req);
  });
}
