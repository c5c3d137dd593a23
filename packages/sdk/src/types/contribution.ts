/** An offer a plugin proposes. The kernel checks eligibility and ranks it. */
export interface OfferCandidate {
  readonly offerId: string;
  /** Propensity in [0, 1]: how likely the customer takes it. */
  readonly score: number;
  /** Overrides the catalog value for ranking (e.g. a personalised discount). */
  readonly value?: number;
  /** Sentences a person can read ("You are 300 m from our Madrid store"). */
  readonly reasons: readonly string[];
  /** Agent script for the contact center, already filled in. */
  readonly script?: string;
  /** When this candidate stops being true (e.g. the end of lunch time). */
  readonly validUntil?: string;
}

/** A product a plugin proposes. */
export interface ItemCandidate {
  readonly productId: string;
  /** Relevance in [0, 1]. */
  readonly score: number;
  readonly reasons: readonly string[];
  /** True when the customer bought this product before. */
  readonly repeat?: boolean;
}

/** A block of rendered content (e-mail hero, product grid, text). */
export interface ContentBlock {
  readonly id: string;
  readonly kind: 'hero' | 'grid' | 'text' | 'html' | (string & Record<never, never>);
  readonly html?: string;
  readonly text?: string;
  /** Structured data for JSON consumers. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What a plugin returns from `decide`. Every member is optional. */
export interface Contribution {
  readonly offers?: readonly OfferCandidate[];
  readonly items?: readonly ItemCandidate[];
  readonly content?: readonly ContentBlock[];
  /** The earliest instant this contribution stops being true. */
  readonly validUntil?: string;
  readonly reasons?: readonly string[];
  /** Numbers other parts may show (e.g. `leadScore`), copied to `decision.insights`. */
  readonly insights?: Readonly<Record<string, number | string>>;
}
