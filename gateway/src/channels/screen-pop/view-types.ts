import type { IdentifierType } from '@omnikernel/sdk';

/** Who is calling. */
export interface CallerView {
  readonly customerId: string;
  /** `First Last` from the profile's traits, empty when unknown. */
  readonly name: string;
  readonly firstName: string;
  readonly lastName: string;
  /** For CRM screen pops: the record to open. */
  readonly crmId: string | null;
  readonly loyaltyId: string | null;
  /** Every identifier known for the customer, normalised. */
  readonly identifiers: Readonly<Partial<Record<IdentifierType, readonly string[]>>>;
  readonly segments: readonly string[];
  readonly lifetimeValue: number;
  readonly orderCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** A product line with its catalog name and price (prices come from the catalog only). */
export interface ProductLine {
  readonly productId: string;
  readonly name: string;
  readonly quantity?: number;
  readonly price: number | null;
  readonly currency: string | null;
  readonly priceFormatted: string;
}

/** Recent activity across channels, newest first. */
export interface ActivityView {
  readonly visitsLast30Days: { readonly total: number; readonly byChannel: Readonly<Record<string, number>> };
  readonly recentlyViewed: readonly { readonly productId: string; readonly name: string; readonly at: string; readonly channel: string }[];
  readonly abandonedCart: { readonly abandonedAt: string; readonly channel: string; readonly items: readonly ProductLine[] } | null;
  readonly lastPurchases: readonly {
    readonly orderId: string;
    readonly at: string;
    readonly channel: string;
    readonly online: boolean;
    readonly storeId: string | null;
    readonly storeName: string | null;
    readonly total: number;
    readonly totalFormatted: string;
    readonly items: readonly { readonly productId: string; readonly name: string; readonly quantity: number }[];
  }[];
  readonly lastConversations: readonly { readonly type: string; readonly at: string; readonly channel: string; readonly topics: readonly string[]; readonly outcome: string | null }[];
}

export interface OfferView {
  readonly offerId: string;
  readonly title: string;
  readonly description: string | null;
  readonly script: string | null;
  readonly reasons: readonly string[];
  readonly value: number;
  readonly currency: string | null;
  /** Where it can be taken up, when the catalog restricts it. */
  readonly channels: readonly string[] | null;
}

export interface RecommendationView extends ProductLine {
  readonly category: string;
  readonly reasons: readonly string[];
  /** Bought before: a repeat purchase. */
  readonly repeat: boolean;
}

/** What the decision says, rendered once per decision (and locale). */
export interface DecisionView {
  readonly decisionId: string;
  readonly validUntil: string;
  readonly lead: { readonly score: number | string | null; readonly band: string | null };
  readonly nextBestOffer: OfferView | null;
  readonly offers: readonly OfferView[];
  readonly recommendations: readonly RecommendationView[];
  /** Plugins that did not contribute to this decision. */
  readonly degraded: readonly string[];
}

/** The agent desktop view: `format=json`. */
export interface ScreenPopView extends DecisionView {
  /** `fallback`: the customer could not be looked up (store failure); the default offer is shown. */
  readonly status: 'known' | 'unknown' | 'fallback';
  readonly customer: CallerView | null;
  readonly consent: Readonly<Record<string, boolean>>;
  readonly activity: ActivityView | null;
}
