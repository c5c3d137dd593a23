import { z } from 'zod';

/** Options of the next-best-offer plugin. */
export const nextBestOfferOptionsSchema = z.object({
  /** Learn a propensity per customer segment as well, used once a segment has seen an offer `minSegmentShows` times. */
  perSegment: z.boolean().default(false),
  minSegmentShows: z.number().int().min(1).default(20),
  /**
   * The Beta prior of every offer's acceptance rate before any outcome. Beta(2, 8): an offer is
   * taken by about 1 in 5 customers it is shown to, with enough spread to explore but not so much
   * that a small offer often outranks a large, relevant one by chance.
   */
  prior: z.object({ alpha: z.number().positive().default(2), beta: z.number().positive().default(8) }).prefault({}),
  /**
   * Pseudo-successes added to the prior of an offer the customer's own recent activity supports
   * (the abandoned cart it discounts, the category they keep viewing): relevance raises propensity.
   */
  activityPriorBoost: z.number().min(0).default(2),
  /** A show nobody answered (no accept, convert or reject) counts as this much of a failure. */
  ignoredShowWeight: z.number().min(0).max(1).default(0.25),
  /** The default offer is a fallback: its score is capped here, so any eligible offer of any plugin outranks it. */
  defaultScoreCap: z.number().min(0).max(1).default(0.05),
  /** Also propose offers with place or time rules (by default left to geo-time-offers, which understands them). */
  includeContextual: z.boolean().default(false),
  /** What `{firstName}` becomes when the profile has none (empty: the script is tidied around it). */
  firstNameFallback: z.string().default(''),
  /** What `{product}` becomes when no cart, view or offer product names one. */
  productFallback: z.string().default('product'),
  /** Lead score bands: at least `hot` is hot, at least `warm` is warm, else cold. */
  leadBands: z.object({ hot: z.number().min(0).max(100).default(70), warm: z.number().min(0).max(100).default(40) }).prefault({}),
});

/** Parsed options of the next-best-offer plugin. */
export type NextBestOfferOptions = z.output<typeof nextBestOfferOptionsSchema>;
