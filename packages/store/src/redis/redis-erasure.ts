import type { CustomerEvent } from '@omnikernel/sdk';
import { profileIdentityHashes, profileIdentityKeys } from '../ingest/prepare.ts';
import { ms } from '../projection/time.ts';
import type { ProfileExport } from '../store.ts';
import type { RedisContext } from './context.ts';
import { withCustomerLocks } from './customer-lock.ts';
import { canonicalId, readSlot, slotKeys } from './customer-slot.ts';
import { getCurrentDecision } from './redis-decisions.ts';
import { contactHistory } from './redis-outcomes.ts';
import { runScript } from './scripts.ts';
import { ERASE } from './merge-scripts.ts';
import { DELETE_IF } from './record-scripts.ts';

/**
 * Erases a customer under its lock: suppression hashes first (so nothing slips in between), then
 * identity keys still pointing at it, kept decisions, merged-away tombstones, and its own keys in
 * one script that leaves a short-lived marker for writers already in flight.
 */
export async function eraseCustomer(ctx: RedisContext, customerId: string, suppress: boolean): Promise<string | null> {
  const id = await canonicalId(ctx, customerId);
  return withCustomerLocks(ctx, [id], async () => {
    const slot = await readSlot(ctx, id);
    if (slot.profile === null || slot.movedTo !== null) return null;
    const { identifiers, aliases } = slot.profile;
    if (suppress) {
      const hashes = profileIdentityHashes(identifiers);
      if (hashes.length > 0) await ctx.client.sadd(ctx.keys.suppressed, ...hashes);
    }
    const decisionIds = await ctx.client.zrange(ctx.keys.decisionIndex(id), 0, -1);
    await Promise.all([
      ...profileIdentityKeys(identifiers).map((k) => runScript(ctx.client, DELETE_IF, [ctx.keys.identity(k)], [id])),
      ...decisionIds.map((d) => ctx.client.del(ctx.keys.keptDecision(d))),
      ...aliases.map((alias) => ctx.client.del(ctx.keys.profile(alias))),
    ]);
    await runScript(ctx.client, ERASE, slotKeys(ctx, id).all, [suppress ? '1' : '0', ctx.erasureMarkerSeconds]);
    ctx.cache.evict(id);
    ctx.cache.evictIdentities(id);
    for (const alias of aliases) ctx.cache.evictIdentities(alias);
    return id;
  });
}

/** Everything held about a customer: profile, retained events (newest first), contacts, current decision. */
export async function exportCustomer(ctx: RedisContext, customerId: string): Promise<ProfileExport | null> {
  const id = await canonicalId(ctx, customerId);
  const [slot, events, contacts, decision] = await Promise.all([
    readSlot(ctx, id),
    ctx.client.lrange(ctx.keys.events(id), 0, ctx.maxEvents - 1),
    contactHistory(ctx, id),
    getCurrentDecision(ctx, id),
  ]);
  if (slot.profile === null) return null;
  return {
    profile: slot.profile,
    contactHistory: contacts,
    currentDecisionId: decision?.decisionId ?? null,
    events: events.map((json) => JSON.parse(json) as CustomerEvent).sort((a, b) => ms(b.occurredAt) - ms(a.occurredAt)),
  };
}
