import type { OutcomeType } from '@omnikernel/sdk';

/** Outcome counts of one offer (overall or in one segment). */
export type OutcomeCounts = Readonly<Partial<Record<OutcomeType, number>>>;

/** What the snapshot holds per offer. */
export interface OfferStats {
  readonly all: OutcomeCounts;
  /** Per segment, when `perSegment` is on. */
  readonly segments: Readonly<Record<string, OutcomeCounts>>;
}

/** The state's keys and hash fields: `stats:<offerId>` → `<type>` and `seg|<segment>|<type>`. */
export const statsKey = (offerId: string) => `stats:${offerId}`;
export const STATS_PREFIX = 'stats:';
export const segmentField = (segment: string, type: OutcomeType) => `seg|${segment}|${type}`;
export const OBSERVED_KEY = 'meta:observed';

/** A Beta distribution's parameters. */
export interface BetaParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * The posterior of an offer's acceptance rate: successes are `accepted` and `converted`
 * outcomes, failures are `rejected` ones plus `ignoredShowWeight` for each show nobody
 * answered (shows beyond all answers). Beta(prior.alpha + successes, prior.beta + failures).
 */
export function posterior(counts: OutcomeCounts, prior: BetaParams, ignoredShowWeight: number): BetaParams {
  const successes = (counts.accepted ?? 0) + (counts.converted ?? 0);
  const rejected = counts.rejected ?? 0;
  const ignored = Math.max(0, (counts.shown ?? 0) - successes - rejected);
  return { alpha: prior.alpha + successes, beta: prior.beta + rejected + ignoredShowWeight * ignored };
}
