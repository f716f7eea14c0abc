/**
 * Waits for a task, not a microtask: a message waiting for the worker (the popup's) is handled,
 * and its reads queued, before the next write transaction of a long job.
 */
export const letReadsIn = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
