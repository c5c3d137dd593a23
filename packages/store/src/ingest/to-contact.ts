import type { ContactRecord, Outcome } from '@omnikernel/sdk';
import { utc } from '../projection/time.ts';

/** An outcome as a line of the contact history. */
export function toContact(outcome: Outcome): ContactRecord {
  return {
    outcomeId: outcome.id,
    type: outcome.type,
    decisionId: outcome.decisionId,
    channel: outcome.channel,
    at: utc(outcome.occurredAt),
    ...(outcome.offerId === undefined ? {} : { offerId: outcome.offerId }),
    ...(outcome.productId === undefined ? {} : { productId: outcome.productId }),
  };
}
