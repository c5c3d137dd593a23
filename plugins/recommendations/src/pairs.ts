import type { PluginStateWriter } from '@omnikernel/sdk';
import { keys } from './state-keys.ts';

/** One hash's increments gathered for a write: each field's increments, in the order they were made. */
interface HashWrites {
  /** A field's first increment. */
  readonly first: Record<string, number>;
  /** How many fields `first` holds. */
  size: number;
  /** Increments of a field that already has one here, in order (rare: a field met twice in one batch). */
  more: Array<[string, number]> | undefined;
}

/**
 * The increments a run of observations makes, gathered so that they reach the state in a few writes
 * instead of one per increment, and in the order that keeps the learned sums bit for bit the same.
 *
 * Float sums depend on the order of their terms (`(x + 0.3) + 1` and `(x + 1) + 0.3` may differ in
 * the last bit), so every field receives its increments in the order they were made, one after the
 * other, starting from the stored value: a field's k-th increment of the run goes in the k-th write
 * of its hash. Different fields and keys are independent, so they may be written in any order.
 * Increments are never summed ahead; only whole-number counts (`incr` of `meta:observed`, `zincr`
 * by 1), whose sums are exact, are.
 */
export class StateWrites {
  readonly #hashes = new Map<string, HashWrites>();
  readonly #zsets = new Map<string, Map<string, number>>();
  #observed = 0;

  /** `hincr(key, field, by)`. */
  hincr(key: string, field: string, by: number): void {
    let hash = this.#hashes.get(key);
    if (hash === undefined) this.#hashes.set(key, (hash = { first: fieldMap(), size: 0, more: undefined }));
    if (hash.first[field] === undefined) {
      hash.first[field] = by;
      hash.size++;
    } else (hash.more ??= []).push([field, by]);
  }

  /** `zincr(key, member, 1)`, once per call. */
  zcount(key: string, member: string): void {
    let zset = this.#zsets.get(key);
    if (zset === undefined) this.#zsets.set(key, (zset = new Map()));
    zset.set(member, (zset.get(member) ?? 0) + 1);
  }

  /** `incr(meta:observed)`, once per call. */
  observed(): void {
    this.#observed++;
  }

  get empty(): boolean {
    return this.#hashes.size === 0 && this.#zsets.size === 0 && this.#observed === 0;
  }

  /** Sends everything gathered (all writes in one go, so a store can group-commit them) and starts afresh. */
  async flush(state: PluginStateWriter): Promise<void> {
    if (this.empty) return;
    const writes: Promise<unknown>[] = [];
    for (const [key, hash] of this.#hashes) {
      if (hash.size === 1) {
        for (const field in hash.first) writes.push(state.hincr(key, field, hash.first[field] as number));
      } else writes.push(state.hincrMany(key, hash.first));
      if (hash.more !== undefined) for (const round of rounds(hash)) writes.push(state.hincrMany(key, round));
    }
    for (const [key, zset] of this.#zsets) for (const [member, count] of zset) writes.push(state.zincr(key, member, count));
    if (this.#observed > 0) writes.push(state.incr(keys.observed, this.#observed));
    this.#hashes.clear();
    this.#zsets.clear();
    this.#observed = 0;
    await Promise.all(writes);
  }
}

/**
 * An object keyed by product ids. Made without a prototype, which V8 keeps as a dictionary from the
 * start: adding arbitrary keys to a plain `{}` walks and grows a hidden-class tree per key set.
 */
function fieldMap(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/** The increments after each field's first, as writes in which every field appears at most once, in order. */
function rounds(hash: HashWrites): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  const seen = new Map<string, number>();
  for (const [field, by] of hash.more ?? []) {
    const k = seen.get(field) ?? 0; // increments of this field already placed after its first
    seen.set(field, k + 1);
    const round = (out[k] ??= fieldMap());
    round[field] = by;
  }
  return out;
}

/**
 * `co:<a>[b] += weight` for every a in `from` and b in `to`, a ≠ b, as the increments of one
 * `hincrMany` per `a` (a field named twice in `to` counts once) or, when `to` has one product,
 * one `hincr` per `a`.
 */
export function addPairs(writes: StateWrites, from: readonly string[], to: readonly string[], weight: number): void {
  if (weight <= 0 || to.length === 0) return;
  if (to.length === 1) {
    const b = to[0] as string;
    for (const a of from) if (a !== b) writes.hincr(keys.co(a), b, weight);
    return;
  }
  const targets = distinct(to);
  for (const a of from) {
    const key = keys.co(a);
    for (const b of targets) if (b !== a) writes.hincr(key, b, weight);
  }
}

/** `hincrMany(key, { id: weight } for every id)`: each id once. */
export function addWeights(writes: StateWrites, key: string, ids: readonly string[], weight: number): void {
  for (const id of distinct(ids)) writes.hincr(key, id, weight);
}

/** The ids once each, first-seen order (the list itself when it has no repeats, the usual case). */
function distinct(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) if (ids.lastIndexOf(ids[i] as string, i - 1) !== -1) return [...new Set(ids)];
  return ids;
}
