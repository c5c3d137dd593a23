import { z } from 'zod';

const reasons = z.array(z.string().max(500)).max(20);
const isoInstant = z.iso.datetime({ offset: true });

/** The schema every contribution must pass. The kernel and the contract kit both check it. */
export const contributionSchema = z
  .object({
    offers: z
      .array(
        z.strictObject({
          offerId: z.string().min(1),
          score: z.number().min(0).max(1),
          value: z.number().nonnegative().optional(),
          reasons,
          script: z.string().max(2000).optional(),
          validUntil: isoInstant.optional(),
        }),
      )
      .max(200)
      .optional(),
    items: z
      .array(
        z.strictObject({
          productId: z.string().min(1),
          score: z.number().min(0).max(1),
          reasons,
          repeat: z.boolean().optional(),
        }),
      )
      .max(500)
      .optional(),
    content: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          kind: z.string().min(1),
          html: z.string().optional(),
          text: z.string().optional(),
          data: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .max(50)
      .optional(),
    validUntil: isoInstant.optional(),
    reasons: reasons.optional(),
    insights: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .strict();
