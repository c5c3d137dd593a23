import type { Channel, Identifiers } from './identifiers.ts';

/** The event types with a built-in meaning. Others are `custom:<name>`. */
export const BUILT_IN_EVENT_TYPES = [
  'page_viewed',
  'product_viewed',
  'cart_updated',
  'cart_abandoned',
  'purchase',
  'store_visit',
  'location',
  'call',
  'chat',
  'email_opened',
  'email_clicked',
  'consent_updated',
  'identify',
] as const;

export type BuiltInEventType = (typeof BUILT_IN_EVENT_TYPES)[number];
export type EventType = BuiltInEventType | `custom:${string}`;

/** What a channel reports. `id` is the idempotency key. */
export interface CustomerEvent {
  readonly id: string;
  readonly type: EventType;
  readonly channel: Channel;
  readonly occurredAt: string;
  readonly identifiers: Identifiers;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The kinds of outcome a channel reports for an offer or item of a decision. */
export const OUTCOME_TYPES = ['shown', 'clicked', 'accepted', 'rejected', 'converted'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** What happened to an offer or item of a decision. `id` is the idempotency key. */
export interface Outcome {
  readonly id: string;
  readonly type: OutcomeType;
  readonly decisionId: string;
  readonly channel: Channel;
  readonly occurredAt: string;
  readonly offerId?: string;
  readonly productId?: string;
  /** Set by the kernel from the decision, whichever identifier the channel used. */
  readonly customerId?: string;
  readonly segment?: string;
}

/** One line of a customer's contact history: an outcome, as contact policies count it. */
export interface ContactRecord {
  readonly outcomeId: string;
  readonly type: OutcomeType;
  readonly decisionId: string;
  readonly channel: Channel;
  readonly at: string;
  readonly offerId?: string;
  readonly productId?: string;
}
