/**
 * In dates sorted ascending (as the store's localDate index returns them): the first index whose
 * date is >= date, or > date when `after`. Tests and benches stand in for the store with it.
 */
export function bound(dates: readonly string[], date: string, after: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = dates[mid]!;
    if (d < date || (after && d === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
