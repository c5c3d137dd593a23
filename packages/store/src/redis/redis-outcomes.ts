import type { ContactRecord, Outcome } from '@omnikernel/sdk';
import { StoreConflictError } from '../errors.ts';
import { toContact } from '../ingest/to-contact.ts';
import { ms } from '../projection/time.ts';
import type { RedisContext } from './context.ts';
import { slotKeys } from './customer-slot.ts';
import { runScript } from './scripts.ts';
import { OUTCOME } from './record-scripts.ts';

/**
 * Records an outcome once (its id in the customer's idempotency set), in the contact history; a
 * material one also bumps the profile's version and materialVersion in the same script. Follows a
 * merged customer to its survivor, and says whose profile it wrote (the one to announce).
 */
export async function recordOutcome(
  ctx: RedisContext,
  outcome: Outcome & { customerId: string },
  material: boolean,
): Promise<{ readonly status: 'accepted' | 'duplicate'; readonly customerId: string }> {
  let id = outcome.customerId;
  const contact = JSON.stringify(toContact(outcome));
  for (let hops = 0; hops < 8; hops++) {
    const now = ctx.now();
    const reply = (await runScript(ctx.client, OUTCOME, slotKeys(ctx, id).outcome, [
      `o:${outcome.id}`, now + ctx.retentionMs, now, contact, ctx.maxContacts, material ? '1' : '0',
    ])) as [string, string?];
    if (reply[0] === 'moved') {
      id = String(reply[1]);
      continue;
    }
    if (reply[0] === 'accepted' && material) ctx.cache.evict(id);
    return { status: reply[0] === 'accepted' ? 'accepted' : 'duplicate', customerId: id };
  }
  throw new StoreConflictError(`customer '${outcome.customerId}' is merged in a chain too long to record outcome '${outcome.id}'; retry`);
}

/** The contact history, newest first by `at` (of the survivor, for a merged id). */
export async function contactHistory(ctx: RedisContext, customerId: string): Promise<ContactRecord[]> {
  const [moved, raw] = await Promise.all([
    ctx.client.hget(ctx.keys.profile(customerId), 'm'),
    ctx.client.lrange(ctx.keys.contacts(customerId), 0, -1),
  ]);
  const list = moved === null ? raw : await ctx.client.lrange(ctx.keys.contacts(moved), 0, -1);
  return contactsOf(list);
}

/** Contact records from their stored JSON, newest first by `at`. */
export function contactsOf(list: readonly string[]): ContactRecord[] {
  return list.map((json) => JSON.parse(json) as ContactRecord).sort((a, b) => ms(b.at) - ms(a.at));
}
