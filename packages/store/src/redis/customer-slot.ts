import type { StoredProfile } from '../projection/draft.ts';
import type { RedisContext } from './context.ts';
import { controlFields, decodeProfile } from './profile-codec.ts';

/** A customer's profile hash as read: `version` is '0' when there is none. */
export interface SlotRead {
  readonly version: string;
  readonly profile: StoredProfile | null;
  /** Set when the customer was merged into another. */
  readonly movedTo: string | null;
  /** '1': erased with suppression, '0': erased; null: not erased. */
  readonly erased: string | null;
}

/** A slot from its HGETALL reply. */
export function toSlot(hash: readonly string[] | Readonly<Record<string, string>>): SlotRead {
  const { v, m, x } = controlFields(hash);
  return { version: v, profile: decodeProfile(hash), movedTo: m, erased: x };
}

/** Reads one customer's profile hash (one HGETALL). */
export async function readSlot(ctx: RedisContext, id: string): Promise<SlotRead> {
  return toSlot(await ctx.client.hgetall(ctx.keys.profile(id)));
}

/** The customer a possibly merged-away id stands for now (a few hops at most). */
export async function canonicalId(ctx: RedisContext, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 8; hops++) {
    const next = await ctx.client.hget(ctx.keys.profile(current), 'm');
    if (next === null) return current;
    current = next;
  }
  return current;
}

/** The keys a customer's scripts touch, in the order the scripts expect. */
export function slotKeys(ctx: RedisContext, id: string) {
  const k = ctx.keys;
  return {
    absorb: [k.profile(id), k.seen(id), k.events(id), k.contacts(id), k.decisionIndex(id)],
    all: [k.profile(id), k.seen(id), k.events(id), k.contacts(id), k.decision(id), k.decisionIndex(id)],
    outcome: [k.profile(id), k.seen(id), k.contacts(id)],
  };
}
