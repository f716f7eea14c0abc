import type { ActivityInput } from '../activity';
import type { Problem } from '../problem-codes';
import { checkActivityInput } from '../activity-validation';
import { isLocalDate } from '../local-date';
import { activitiesOf, countOutcome, type FileReadResult } from './';

// What an import of files will store and what it tells the runner: the readers' activities that
// pass the same checks as any message (so nothing the background would refuse is sent), the
// files that are not activities, and everything refused, each with its reason.

export interface ImportPlan {
  activities: ActivityInput[];
  notActivities: number;
  refused: { item: string; reason: Problem }[];
}

export function planImport(results: readonly { name: string; result: FileReadResult }[], nowMs: number): ImportPlan {
  const counts = countOutcome(results);
  const plan: ImportPlan = {
    activities: [],
    notActivities: counts.notActivities,
    refused: counts.refused.map((r) => ({ item: r.entry, reason: r.reason })),
  };
  for (const { name, result } of results) {
    for (const a of activitiesOf(result)) {
      const c = checkActivityInput(a, nowMs);
      if (c.ok) plan.activities.push(c.value);
      else plan.refused.push({ item: isLocalDate(a.localDate) ? `${name} (${a.localDate})` : name, reason: c.error });
    }
  }
  return plan;
}
