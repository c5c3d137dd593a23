import { compareTime } from './time.ts';

/**
 * A new list with `item` placed by time, newest first, cut to `max`. Out-of-order events land
 * where they belong; one older than a full list falls off the end. Ties keep the new item first.
 */
export function insertByTime<T extends { readonly at: string }>(list: readonly T[], item: T, max: number): T[] {
  const index = list.findIndex((x) => compareTime(x.at, item.at) <= 0);
  const out = index === -1 ? [...list, item] : [...list.slice(0, index), item, ...list.slice(index)];
  return out.slice(0, max);
}

/**
 * `insertByTime` in place, for a list the caller owns (a draft's copy): no new array per event.
 * Events almost always arrive newest, so the head is checked before scanning.
 */
export function insertInto<T extends { readonly at: string }>(list: T[], item: T, max: number): void {
  const head = list[0];
  const index = head === undefined || compareTime(head.at, item.at) <= 0 ? 0 : list.findIndex((x) => compareTime(x.at, item.at) <= 0);
  if (index === -1) list.push(item);
  else if (index < max) list.splice(index, 0, item);
  if (list.length > max) list.length = max;
}

/**
 * Two lists merged newest first and cut to `max`; when `key` is given, only the newest entry of
 * each key is kept.
 */
export function mergeByTime<T extends { readonly at: string }>(
  a: readonly T[],
  b: readonly T[],
  max: number,
  key?: (item: T) => string,
): T[] {
  const all = [...a, ...b].sort((x, y) => compareTime(y.at, x.at));
  if (key === undefined) return all.slice(0, max);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of all) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
    if (out.length === max) break;
  }
  return out;
}

/** Counters summed key by key. */
export function sumCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** The union of two string lists, first-seen order. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
