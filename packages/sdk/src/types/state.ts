/**
 * Plugin-scoped learned state: namespaced keys, counters, hashes and sorted sets.
 * Redis or memory stands behind it; a plugin never sees which.
 * Keys are scoped to the plugin, so two plugins cannot collide.
 */
export interface PluginStateReader {
  get(key: string): Promise<string | null>;
  /** A hash's fields and numeric values. */
  hgetall(key: string): Promise<Record<string, number>>;
  /** The top `limit` members of a sorted set, highest score first. */
  ztop(key: string, limit: number): Promise<readonly { member: string; score: number }[]>;
  /** Keys with this prefix (scoped), for snapshot builds. */
  keys(prefix: string): Promise<readonly string[]>;
}

/** The writer side, given to `observe`. Writes are atomic per call. */
export interface PluginStateWriter extends PluginStateReader {
  set(key: string, value: string): Promise<void>;
  incr(key: string, by?: number): Promise<number>;
  hincr(key: string, field: string, by?: number): Promise<number>;
  /** Several hash increments at once (one round trip). */
  hincrMany(key: string, increments: Readonly<Record<string, number>>): Promise<void>;
  zincr(key: string, member: string, by?: number): Promise<number>;
  del(key: string): Promise<void>;
}

/** A versioned, immutable snapshot of a plugin's learned state. */
export interface StateSnapshot<TData> {
  /** Recorded in every decision that read it, for replay. */
  readonly version: string;
  readonly data: TData;
}
