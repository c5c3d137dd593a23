import type { Channel } from './identifiers.ts';
import type { ContentBlock, Contribution } from './contribution.ts';
import type { DecisionContext } from './context.ts';

/** An offer of a decision, after arbitration. */
export interface DecisionOffer {
  readonly offerId: string;
  readonly title: string;
  readonly description?: string;
  readonly value: number;
  readonly currency?: string;
  /** Final rank score: propensity × value × weight. */
  readonly score: number;
  /** The plugin that proposed it. */
  readonly source: string;
  readonly reasons: readonly string[];
  readonly script?: string;
  readonly imageUrl?: string;
  readonly url?: string;
  /** Channels the offer may be taken up on, when the catalog restricts it (absent: all). */
  readonly channels?: readonly Channel[];
}

/** A recommended product of a decision, with the catalog's price. */
export interface DecisionItem {
  readonly productId: string;
  readonly name: string;
  readonly category: string;
  readonly price: number;
  readonly currency: string;
  readonly imageUrl?: string;
  readonly url?: string;
  readonly score: number;
  readonly source: string;
  readonly reasons: readonly string[];
  readonly repeat: boolean;
}

/** A plugin that did not contribute, and why. */
export interface Degradation {
  readonly plugin: string;
  /** `OMK_ERR_PLUGIN_TIMEOUT`, `OMK_ERR_PLUGIN_THREW`, `OMK_ERR_PLUGIN_INVALID_OUTPUT`, `OMK_ERR_PLUGIN_CIRCUIT_OPEN`, … */
  readonly code: string;
  readonly message: string;
}

/** The inputs a decision was computed from: enough to replay it. */
export interface DecisionInputs {
  readonly customerId: string;
  readonly profileVersion: number;
  readonly catalogVersion: number;
  /** `name@version#optionsHash` per plugin, in run order. */
  readonly plugins: readonly string[];
  readonly snapshots: Readonly<Record<string, string>>;
  readonly at: string;
  /** The request context, less the channel (one decision serves every channel). */
  readonly context: Omit<DecisionContext, 'channel'>;
  /** Contact-history entries the contact policies saw. */
  readonly contacts: number;
  /** The channel whose request computed the decision (recorded, not an input). */
  readonly channel: Channel;
  readonly seed: string;
  /** Hash of all of the above. */
  readonly fingerprint: string;
}

/** Why the decision is what it is. */
export interface Explanation {
  readonly inputs: DecisionInputs;
  readonly contributions: Readonly<Record<string, Contribution>>;
  readonly arbitration: readonly {
    readonly kind: 'offer' | 'item';
    readonly id: string;
    readonly source: string;
    readonly propensity: number;
    readonly value: number;
    readonly weight: number;
    readonly score: number;
    readonly kept: boolean;
    readonly reason?: string;
  }[];
}

/** One decision, served identically to every channel. */
export interface Decision {
  readonly decisionId: string;
  readonly customerId: string;
  readonly issuedAt: string;
  readonly validUntil: string;
  readonly offers: readonly DecisionOffer[];
  readonly nextBestOffer: DecisionOffer | null;
  readonly recommendations: readonly DecisionItem[];
  readonly content: readonly ContentBlock[];
  readonly degraded: readonly Degradation[];
  readonly insights: Readonly<Record<string, number | string>>;
  readonly explanation: Explanation;
}
