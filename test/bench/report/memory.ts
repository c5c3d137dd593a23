/** Memory figures of one gateway process. */
export interface MemoryFigures {
  readonly label: string;
  /** VmHWM at the end of the run: the most the process was ever resident. */
  readonly peakRss: number;
  readonly rssBeforeSeeding: number;
  readonly rssAfterWarmup: number;
  /**
   * (RSS after seeding and pre-warming − RSS before) / customers: everything one customer costs in
   * the process (profile, identity index, events kept, current decision and its rendered bytes).
   * Approximate: the heap grows in steps and the GC runs when it likes.
   */
  readonly rssPerCustomer: number;
  /** (Redis used_memory after − before) / customers, for the Redis store. */
  readonly redisBytesPerCustomer: number | null;
  /** Bytes per entry of each cache the store reports through /metrics (`…bytes` / `…entries`). */
  readonly cacheBytesPerEntry: readonly { readonly name: string; readonly bytesPerEntry: number; readonly entries: number }[];
  readonly storeStats: Readonly<Record<string, number>>;
}

/**
 * Pairs the store's `<prefix>bytes` with `<prefix>entries` figures (`bytes`/`entries`,
 * `profile_bytes`/`profile_entries`, `profileCacheBytes`/`profileCacheEntries`…), whatever the
 * store names them: the memory store and the Redis store's lru-cache need not agree on names.
 */
export function cacheBytesPerEntry(stats: Readonly<Record<string, number>>): MemoryFigures['cacheBytesPerEntry'] {
  const out: { name: string; bytesPerEntry: number; entries: number }[] = [];
  for (const [key, bytes] of Object.entries(stats)) {
    const match = /^(.*?)(_?)bytes$/i.exec(key);
    if (!match) continue;
    const prefix = match[1]!;
    const entriesKey = Object.keys(stats).find((k) => k.toLowerCase() === `${prefix}${match[2]}entries`.toLowerCase());
    const entries = entriesKey ? stats[entriesKey]! : 0;
    if (entries > 0) out.push({ name: prefix.replace(/_$/, '') || 'cache', bytesPerEntry: bytes / entries, entries });
  }
  return out;
}
