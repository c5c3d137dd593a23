import { createHash } from 'node:crypto';
import type { IdentifierType, Identifiers } from '@omnikernel/sdk';

// Stable business ids first: a customer created from a CRM id keeps that id's hash whatever
// device it was first seen on. Device ids come last because they churn.
const ID_SOURCE_ORDER: readonly IdentifierType[] = ['crmId', 'loyaltyId', 'email', 'phone', 'deviceId'];

/**
 * The id of a customer created by an event: the `customerId` it names, else `c_` + 20 hex digits
 * of sha256 over the most stable identifier (`crmId` > `loyaltyId` > `email` > `phone` > `deviceId`).
 * Deterministic, so two processes that create the same customer at the same time agree on its id.
 *
 * @example
 * customerIdFor({ email: 'ana@example.com', deviceId: 'd-1' }); // 'c_' + sha256('email:ana@example.com')[0..20]
 */
export function customerIdFor(ids: Identifiers): string {
  if (ids.customerId !== undefined) return ids.customerId;
  for (const type of ID_SOURCE_ORDER) {
    const value = ids[type];
    if (value !== undefined) return `c_${sha256Hex(`${type}:${value}`).slice(0, 20)}`;
  }
  throw new TypeError('customerIdFor: no identifier to derive a customer id from');
}

/**
 * The sha256 of an identifier, as kept in the suppression list after an erasure: lets later
 * events from the same person be dropped without keeping the identifier itself.
 */
export function hashIdentifier(type: IdentifierType, value: string): string {
  const key = `${type}:${value}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    // A Redis ingest checks every event's identifiers against the suppression list: the same
    // customers come back all day, so their hashes are kept (bounded: dropped all at once when full).
    if (hashes.size >= MAX_HASHES) hashes.clear();
    hashes.set(key, (hash = sha256Hex(key)));
  }
  return hash;
}

const MAX_HASHES = 100_000;
const hashes = new Map<string, string>();

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
