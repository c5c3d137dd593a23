import { z } from 'zod';

const weight = z.number().min(0);

/** How much each kind of evidence counts when `decide` blends them. */
const blendSchema = z.object({
  /** Multiplies a product's recency-weighted purchase count in `boost` mode. */
  repeat: weight.default(10),
  /** How much an own product's recent popularity (0 to 1) raises its repeat score: what sells now gets rebought. */
  trend: weight.default(2),
  /** A seed bought once, today. Older purchases fade with `seedHalfLifeDays`. */
  purchaseSeed: weight.default(1),
  viewSeed: weight.default(0.6),
  cartSeed: weight.default(1.5),
  conversationSeed: weight.default(1.2),
  /** The product on screen (`context.productId`). */
  contextSeed: weight.default(2),
  /** Adds up to this share to a product's score for the customer's favourite category. */
  categoryAffinity: weight.default(0.2),
  /** Local popularity, the fallback for customers with little history. */
  popularity: weight.default(0.3),
});

/** What `observe` learns from, and how strongly. */
const learningSchema = z.object({
  /** Products bought together in one basket. */
  basketWeight: weight.default(1),
  /** A basket's products with the customer's earlier purchases (a slower, weaker signal). */
  crossBasketWeight: weight.default(0),
  /** A viewed product with the customer's other recent views. */
  viewWeight: weight.default(0.3),
  /** Products discussed in one call or chat, and with the customer's recent views. */
  conversationWeight: weight.default(0.5),
  /** How many of the newest other views a view co-occurs with. */
  viewWindow: z.number().int().min(1).max(20).default(5),
  /** A basket's pairs grow with its size squared: wholesale orders beyond this many products pair only their first ones. */
  maxBasketItems: z.number().int().min(2).max(500).default(60),
});

/**
 * Options of the recommendations plugin. Every option has a default tuned on a real
 * retailer's data (see README: customers there rebuy the same products often).
 */
export const recommendationsOptionsSchema = z.object({
  /**
   * `boost`: products the customer bought before compete with a boost (rebuys are likely);
   * `include`: they compete like any other; `exclude`: only new products are recommended.
   */
  repeatPurchases: z.enum(['boost', 'include', 'exclude']).default('boost'),
  /** Half-life of a past purchase in the repeat score (days). */
  repeatHalfLifeDays: z.number().positive().default(180),
  /** Half-life of a purchase, view or call as a seed for "goes with" (days). */
  seedHalfLifeDays: z.number().positive().default(20),
  /** Neighbours kept per product in the snapshot (K). */
  neighbours: z.number().int().min(1).max(200).default(50),
  /** Neighbours read per seed at decision time. */
  neighboursPerSeed: z.number().int().min(1).max(200).default(20),
  /** Seeds used at most (the strongest). */
  maxSeeds: z.number().int().min(1).max(200).default(25),
  /** Exponent of the neighbour's own frequency in the similarity (0.5: cosine; higher favours niche items). */
  popularityDamping: z.number().min(0).max(1).default(0.5),
  /** Half-life of a sale in the popularity lists (days): what sells now counts most. */
  popularityHalfLifeDays: z.number().positive().default(14),
  /** Weeks of sales the popularity lists remember. */
  popularityWeeks: z.number().int().min(1).max(104).default(12),
  /** Length of each popularity list in the snapshot. */
  popularListSize: z.number().int().min(10).max(1000).default(30),
  /** Leave out products with no stock for the channel or store in question. */
  excludeOutOfStock: z.boolean().default(true),
  blend: blendSchema.prefault({}),
  learning: learningSchema.prefault({}),
});

/** Parsed options of the recommendations plugin. */
export type RecommendationsOptions = z.output<typeof recommendationsOptionsSchema>;
