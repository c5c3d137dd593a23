import type { PluginStateWriter } from '@omnikernel/sdk';
import { keys } from './state-keys.ts';

/**
 * `co:<a>[b] += weight` for every a in `from` and b in `to`, a ≠ b: one round trip per `a`.
 *
 * The writes stay one after the other, so the order in which float increments meet on one field —
 * which decides the last bits of the sum — is the same on every run, however observations interleave.
 */
export async function addPairs(state: PluginStateWriter, from: readonly string[], to: readonly string[], weight: number): Promise<void> {
  if (weight <= 0 || to.length === 0) return;
  if (to.length === 1) {
    // One field per key (a view pointing back at the viewed product): a plain increment, without
    // an object keyed by a product id per write.
    const b = to[0] as string;
    for (const a of from) if (a !== b) await state.hincr(keys.co(a), b, weight);
    return;
  }
  for (const a of from) {
    const increments: Record<string, number> = {};
    let any = false;
    for (const b of to) {
      if (b === a) continue;
      increments[b] = weight;
      any = true;
    }
    if (any) await state.hincrMany(keys.co(a), increments);
  }
}

/** `{ id: weight }` for every id. */
export function weights(ids: readonly string[], weight: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = weight;
  return out;
}
