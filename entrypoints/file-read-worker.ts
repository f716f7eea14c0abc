import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { blobSource, readActivityFile } from '../core/files';
import { ReadBudget } from '../core/files/read-budget';
import type { ReadReply, ReadRequest } from '../components/read-off-thread';

// A large chosen file is decoded here, in a worker, off the extension pages' thread: the popup
// shares that thread with the options page (one renderer for the extension), and a 50 MB GPX read
// in the page kept the popup's answer waiting seconds. Started by components/read-off-thread.ts.
export default defineUnlistedScript(() => {
  self.onmessage = async (e: MessageEvent<ReadRequest>) => {
    const { name, file, timeZone, nowMs, spent } = e.data;
    const budget = Object.assign(new ReadBudget(), spent);
    const result = await readActivityFile(name, blobSource(file), { timeZone, nowMs, budget });
    const reply: ReadReply = { result, spent: { inflated: budget.inflated, entries: budget.entries } };
    self.postMessage(reply);
  };
});
