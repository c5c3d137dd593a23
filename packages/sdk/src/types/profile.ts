import type { Channel, IdentifierType } from './identifiers.ts';

/** A line of a purchase or cart. */
export interface LineItem {
  readonly productId: string;
  readonly quantity: number;
  /** Unit price paid (purchases) or shown (carts). */
  readonly price: number;
}

/** One purchase, online or offline. */
export interface PurchaseRecord {
  readonly orderId: string;
  readonly at: string;
  readonly channel: Channel;
  /** Set for offline purchases. */
  readonly storeId?: string;
  readonly online: boolean;
  readonly items: readonly LineItem[];
  readonly total: number;
  readonly currency?: string;
}

/** A product the customer looked at. */
export interface ProductView {
  readonly productId: string;
  readonly at: string;
  readonly channel: Channel;
}

/** A visit: a web/app session start, a store visit, a call or chat. */
export interface VisitRecord {
  readonly at: string;
  readonly channel: Channel;
  readonly storeId?: string;
}

/** A contact-center call or a virtual-agent chat, with what was discussed. */
export interface ConversationRecord {
  readonly type: 'call' | 'chat';
  readonly at: string;
  readonly channel: Channel;
  readonly productIds: readonly string[];
  readonly topics: readonly string[];
  readonly outcome?: string;
}

export interface CartState {
  readonly items: readonly LineItem[];
  readonly updatedAt: string;
  readonly channel: Channel;
}

export interface AbandonedCart extends CartState {
  readonly abandonedAt: string;
}

/** Category affinity with exponential time decay: `score` is as of `at`. */
export interface Affinity {
  readonly score: number;
  readonly at: string;
}

export interface KnownLocation {
  readonly lat: number;
  readonly lon: number;
  readonly at: string;
  readonly storeId?: string;
  readonly accuracyM?: number;
}

/** A short line of the recent events, newest first. */
export interface RecentEvent {
  readonly id: string;
  readonly type: string;
  readonly channel: Channel;
  readonly at: string;
}

/**
 * The customer's 360° profile: a projection of every channel's events.
 * Lists are bounded (newest first); counters cover all history.
 */
export interface Profile {
  readonly customerId: string;
  /** Grows with every change; part of a decision's inputs. */
  readonly version: number;
  /**
   * The `version` of the last change that renews the current decision at once
   * (purchase, cart, consent, new location or store, an outcome that changes eligibility).
   * Views raise `version` only, so the decision does not flicker while a customer browses.
   */
  readonly materialVersion: number;
  /** Every identifier known for the customer, normalised. */
  readonly identifiers: Readonly<Partial<Record<IdentifierType, readonly string[]>>>;
  /** Customer ids merged into this one. */
  readonly aliases: readonly string[];
  /** Consent per purpose (`marketing`, `email`, `sms`, `personalization`, …). */
  readonly consent: Readonly<Record<string, boolean>>;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Distinct events applied, in all. */
  readonly eventCount: number;
  /** Events per channel. */
  readonly channelCounts: Readonly<Record<string, number>>;
  /** Events per type. */
  readonly typeCounts: Readonly<Record<string, number>>;
  readonly visits: readonly VisitRecord[];
  readonly recentlyViewed: readonly ProductView[];
  readonly purchases: readonly PurchaseRecord[];
  readonly conversations: readonly ConversationRecord[];
  readonly cart: CartState | null;
  readonly abandonedCart: AbandonedCart | null;
  readonly categoryAffinity: Readonly<Record<string, Affinity>>;
  readonly location: KnownLocation | null;
  readonly lastStoreId: string | null;
  readonly timezone: string | null;
  readonly country: string | null;
  readonly lifetimeValue: number;
  readonly orderCount: number;
  /** E-mail engagement. */
  readonly emailOpens: number;
  readonly emailClicks: number;
  /** Segments the customer belongs to (traits `segment`/`segments`, and derived ones). */
  readonly segments: readonly string[];
  readonly traits: Readonly<Record<string, unknown>>;
  readonly recentEvents: readonly RecentEvent[];
}
