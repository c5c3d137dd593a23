import type { ContactPolicy, ContactRecord, Offer } from '@omnikernel/sdk';

const DAY = 86_400_000;

/** Defaults for offers that carry no contact policy of their own. */
export interface ContactPolicyDefaults extends ContactPolicy {}

export const DEFAULT_CONTACT_POLICY: Required<ContactPolicy> = {
  maxShows: 0, // 0 = no cap
  perDays: 7,
  suppressDaysAfterAccept: 14,
  suppressDaysAfterReject: 30,
};

/**
 * Why an offer may not be shown now under its contact policy, counted across every channel
 * together; null when it may.
 */
export function contactPolicyBlock(offer: Offer, history: readonly ContactRecord[], now: number, defaults: ContactPolicyDefaults = {}): string | null {
  const policy = { ...DEFAULT_CONTACT_POLICY, ...defaults, ...offer.contactPolicy };
  let shows = 0;
  const since = now - policy.perDays * DAY;
  for (const record of history) {
    if (record.offerId !== offer.id) continue;
    const at = Date.parse(record.at);
    if (record.type === 'rejected' && policy.suppressDaysAfterReject > 0 && at > now - policy.suppressDaysAfterReject * DAY && at <= now) {
      return `suppressed: rejected on ${record.channel} at ${record.at}`;
    }
    if ((record.type === 'accepted' || record.type === 'converted') && policy.suppressDaysAfterAccept > 0 && at > now - policy.suppressDaysAfterAccept * DAY && at <= now) {
      return `suppressed: accepted on ${record.channel} at ${record.at}`;
    }
    if (record.type === 'shown' && at > since && at <= now) shows += 1;
  }
  if (policy.maxShows > 0 && shows >= policy.maxShows) return `capped: shown ${shows} times in ${policy.perDays} days (max ${policy.maxShows})`;
  return null;
}

/** True when recording this outcome changes what is eligible (a suppression, or a cap reached). */
export function outcomeChangesEligibility(offer: Offer | undefined, type: string, history: readonly ContactRecord[], now: number, defaults: ContactPolicyDefaults = {}): boolean {
  if (!offer) return false;
  if (type === 'accepted' || type === 'rejected' || type === 'converted') return true;
  if (type !== 'shown') return false;
  const policy = { ...DEFAULT_CONTACT_POLICY, ...defaults, ...offer.contactPolicy };
  if (policy.maxShows <= 0) return false;
  const since = now - policy.perDays * DAY;
  const shows = history.filter((r) => r.offerId === offer.id && r.type === 'shown' && Date.parse(r.at) > since).length;
  return shows + 1 >= policy.maxShows;
}
