import { StoreConflictError } from '../errors.ts';
import { profileIdentityKeys } from '../ingest/prepare.ts';
import type { StoredProfile } from '../projection/draft.ts';
import { mergeInto, pickSurvivor, renameProfile } from '../projection/merge-profiles.ts';
import type { RedisContext } from './context.ts';
import { withCustomerLocks } from './customer-lock.ts';
import { readSlot, slotKeys } from './customer-slot.ts';
import type { SlotRead } from './customer-slot.ts';
import { repointIdentities } from './identity-index.ts';
import { decodeProfile, encodeProfile } from './profile-codec.ts';
import { runScript } from './scripts.ts';
import { ABSORB, CLEANUP, TOMBSTONE } from './merge-scripts.ts';

export interface MergeResult {
  readonly survivor: string;
  /** Ids merged into the survivor by this call. */
  readonly merged: readonly string[];
}

/**
 * Merges customers into the oldest of them, under their locks. Per loser, in an order that is safe
 * to interrupt and to run again:
 * 1. TOMBSTONE: mark it merged (`m`) and bump its version, so writers in flight fail their
 *    compare-and-set and follow the pointer; this also fixes the data to move.
 * 2. ABSORB: one script on the survivor's slot writes the merged profile (compare-and-set on its
 *    version) with the loser's idempotency marks, events, contacts and decision ids.
 * 3. Re-point the loser's identity keys to the survivor (other slots, so after the transaction).
 * 4. CLEANUP: drop the loser's data, keep the tombstone so its id keeps resolving.
 * A crash after 1 leaves a tombstone with data; the next writer that meets it runs `completeMerge`.
 */
export async function mergeCustomers(ctx: RedisContext, ids: readonly string[]): Promise<MergeResult> {
  let set = [...new Set(ids)];
  for (let round = 0; round < 6; round++) {
    const step = await withCustomerLocks(ctx, set, async () => {
      const slots = await Promise.all(set.map((id) => readSlot(ctx, id)));
      const moved = new Map<string, SlotRead>();
      set.forEach((id, i) => {
        const slot = slots[i] as SlotRead;
        if (slot.movedTo !== null) moved.set(id, slot);
      });
      if (moved.size > 0) return { moved, result: undefined };
      const alive = set.filter((_, i) => slots[i]?.erased === null);
      const profiles = slots.flatMap((s) => (s.erased === null && s.profile !== null ? [s.profile] : []));
      const survivor =
        profiles.length > 0 ? profiles.reduce((a, b) => pickSurvivor(a, b)[0]).customerId : ([...alive].sort()[0] ?? (set[0] as string));
      const merged = alive.filter((id) => id !== survivor);
      for (const loser of merged) await absorbLoser(ctx, survivor, loser);
      return { result: { survivor, merged } as MergeResult };
    });
    if (step.result !== undefined) return step.result;
    // Someone merged one of these meanwhile: finish that merge if it was cut short, follow it, go again.
    for (const [id, slot] of step.moved) {
      if (slot.profile !== null) await completeMerge(ctx, id, slot.movedTo as string);
    }
    set = [...new Set(set.map((id) => step.moved.get(id)?.movedTo ?? id))];
    if (set.length === 1) return { survivor: set[0] as string, merged: [] };
  }
  throw new StoreConflictError(`customers ${ids.join(', ')} kept merging under this merge; retry the call`);
}

/**
 * Finishes a merge that stopped after its tombstone (its holder died): idempotent. The write that
 * meets it announces its own customers only, so the merge it finishes is announced here.
 */
export async function completeMerge(ctx: RedisContext, loser: string, survivor: string): Promise<void> {
  const finished = await withCustomerLocks(ctx, [loser, survivor], async () => {
    const slot = await readSlot(ctx, loser);
    if (slot.movedTo !== survivor || slot.profile === null) return false;
    await absorbLoser(ctx, survivor, loser);
    return true;
  });
  if (finished) {
    ctx.cache.evict(survivor);
    await ctx.announce([
      { kind: 'profile', customerId: survivor, material: true },
      { kind: 'profile', customerId: loser, material: true, reason: 'merged' },
    ]);
  }
}

/** Steps 1–4 for one loser; the caller holds both locks. */
async function absorbLoser(ctx: RedisContext, survivor: string, loser: string): Promise<void> {
  const tomb = (await runScript(ctx.client, TOMBSTONE, [ctx.keys.profile(loser)], [survivor])) as [string, string[] | string | undefined];
  if (tomb[0] === 'erased') return;
  if (tomb[0] !== 'ok') throw new StoreConflictError(`customer '${loser}' was merged into '${String(tomb[1])}' during a merge into '${survivor}'; retry`);
  const lost = decodeProfile((tomb[1] as string[] | undefined) ?? []);
  if (lost !== null) await moveData(ctx, survivor, loser, lost);
  await repointIdentities(ctx, [...profileIdentityKeys(lost?.identifiers ?? {}), `customerId:${loser}`], survivor);
  await runScript(ctx.client, CLEANUP, slotKeys(ctx, loser).all, []);
  ctx.cache.evict(loser);
  ctx.cache.evictIdentities(loser);
}

async function moveData(ctx: RedisContext, survivor: string, loser: string, lost: StoredProfile): Promise<void> {
  const k = ctx.keys;
  const [seen, events, contacts, decisions] = await Promise.all([
    ctx.client.zrange(k.seen(loser), 0, -1, 'WITHSCORES'),
    ctx.client.lrange(k.events(loser), 0, -1),
    ctx.client.lrange(k.contacts(loser), 0, -1),
    ctx.client.zrange(k.decisionIndex(loser), 0, -1, 'WITHSCORES'),
  ]);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slot = await readSlot(ctx, survivor);
    if (slot.profile?.aliases.includes(loser)) return; // absorbed before an interruption
    const merged = slot.profile === null ? renameProfile(lost, survivor) : mergeInto(slot.profile, lost);
    const fields = encodeProfile(merged);
    const reply = (await runScript(ctx.client, ABSORB, slotKeys(ctx, survivor).absorb, [
      slot.version,
      String(merged.version),
      ctx.maxEvents,
      ctx.maxContacts,
      fields.length,
      seen.length / 2,
      events.length,
      contacts.length,
      decisions.length / 2,
      ...fields,
      ...seen,
      ...events,
      ...contacts,
      ...decisions,
    ])) as [string, string?];
    if (reply[0] === 'ok') {
      ctx.cache.set(merged);
      return;
    }
    if (reply[0] !== 'conflict') throw new StoreConflictError(`survivor '${survivor}' was ${reply[0]} during a merge; retry`);
  }
  throw new StoreConflictError(`survivor '${survivor}' kept changing during a merge; retry`);
}
