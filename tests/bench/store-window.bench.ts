import { bench, describe } from 'vitest';
import { DB_VERSION, openActivityDb } from '../../background/activity-db';
import { ActivityStore } from '../../background/activity-store';
import { activityFromInput } from '../../core/activity';
import { addDays } from '../../core/local-date';

// Reading "the last 60 days" must cost the same with 50 or 20,000 stored activities: it is a key
// range on the localDate index. Prints vitest's table (mean ms per read) for both sizes.
const TODAY = '2026-11-25';

// Both stores hold the same 50 activities in the last 60 days; the large one has 19,950 older ones.
function dateOf(i: number): string {
  return i < 50 ? addDays(TODAY, -i) : addDays(TODAY, -60 - Math.floor((i - 50) / 2));
}

async function storeWith(n: number): Promise<ActivityStore> {
  const db = await openActivityDb(DB_VERSION, `bench-${n}-${Math.random()}`);
  const tx = db.transaction('activities', 'readwrite');
  for (let i = 0; i < n; i++) {
    const d = dateOf(i);
    const start = Date.parse(`${d}T${i % 2 ? '17' : '07'}:00:00Z`);
    void tx.store.put(
      activityFromInput(
        {
          source: 'strava',
          sourceId: String(i),
          startMs: start,
          localDate: d,
          sport: 'run',
          sportLabel: 'Run',
          distanceM: 8000,
          movingS: 2400,
          elapsedS: 2500,
          name: '',
        },
        start,
      ),
    );
  }
  await tx.done;
  return new ActivityStore(db);
}

const small = await storeWith(50);
const large = await storeWith(20_000);
const from = addDays(TODAY, -59);
if ((await small.between(from, TODAY)).length !== 50 || (await large.between(from, TODAY)).length !== 50) {
  throw new Error('both stores must hold the same 50 activities in the window');
}

describe('read the last 60 days from IndexedDB (fake-indexeddb)', () => {
  bench('50 activities stored', async () => {
    await small.between(from, TODAY);
  });
  bench('20,000 activities stored', async () => {
    await large.between(from, TODAY);
  });
});
