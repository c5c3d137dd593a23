/**
 * The plugin's keys in its scoped state. One place, so `observe` and the snapshot agree.
 * - `co:<productId>` hash: other product → co-occurrence weight.
 * - `occ` hash: product → total occurrence weight (normalises co-occurrence into similarity).
 * - `pop:w<week>:<scope>` sorted sets: product → buyers that week; scope `all`, `country:<CC>`
 *   or `store:<storeId>`; week = whole weeks since the Unix epoch. Old weeks are deleted.
 * - `meta:week` string: the newest week seen (for that clean-up).
 * - `meta:observed` counter: grows with every observation that changed something (the snapshot's generation).
 */
export const keys = {
  co: (productId: string) => `co:${productId}`,
  coPrefix: 'co:',
  occurrences: 'occ',
  popularity: (week: number, scope: string) => `pop:w${week}:${scope}`,
  popularityPrefix: 'pop:w',
  newestWeek: 'meta:week',
  observed: 'meta:observed',
} as const;

/** A popularity scope: everyone, one country, one store. */
export const scopes = {
  all: 'all',
  country: (country: string) => `country:${country}`,
  store: (storeId: string) => `store:${storeId}`,
} as const;
