import { z } from '@hono/zod-openapi';
import { BUILT_IN_CHANNELS, IDENTIFIER_TYPES, isTimeZone, type Identifiers } from '@omnikernel/sdk';
import { ApiError } from '../http/problem.ts';

const identifier = z.string().trim().min(1).max(256);

const identifierShape = {
  customerId: identifier.optional(),
  email: identifier.optional(),
  phone: identifier.optional(),
  loyaltyId: identifier.optional(),
  deviceId: identifier.optional(),
  crmId: identifier.optional(),
};

/** Any identifier a channel knows; at least one. */
export const identifiersSchema = z
  .strictObject(identifierShape)
  .refine((ids) => IDENTIFIER_TYPES.some((t) => ids[t] !== undefined), { message: `send at least one of ${IDENTIFIER_TYPES.join(', ')}` })
  .openapi('Identifiers');


export const locationSchema = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

/** The channel enum: built-in channels plus the configured custom ones. */
export function channelEnum(custom: readonly string[]) {
  return z.enum([...new Set([...BUILT_IN_CHANNELS, ...custom])] as [string, ...string[]]).openapi({ description: 'web, app, store, contact_center, email or a configured custom channel' });
}

export const contextSchema = z
  .strictObject({
    storeId: z.string().min(1).max(128).optional(),
    location: locationSchema.optional(),
    timezone: z.string().refine(isTimeZone, 'not an IANA timezone such as Europe/Madrid').optional(),
    locale: z.string().max(35).optional(),
    productId: z.string().min(1).max(128).optional(),
    page: z.string().max(2048).optional(),
  })
  .openapi('DecisionContext');

export function decisionRequestSchema(custom: readonly string[]) {
  return z
    .strictObject({ identifiers: identifiersSchema, channel: channelEnum(custom), context: contextSchema.optional() })
    .openapi('DecisionRequest', { example: { identifiers: { email: 'lucia.martin@example.com' }, channel: 'web' } });
}

export function simulateRequestSchema(custom: readonly string[]) {
  return z
    .strictObject({
      identifiers: identifiersSchema,
      channel: channelEnum(custom),
      asOf: z.iso.datetime({ offset: true }).optional().openapi({ description: 'the decision time to simulate (default now)' }),
      context: contextSchema.optional(),
      overrides: z
        .strictObject({
          location: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), at: z.string().optional() }).optional(),
          timezone: z.string().refine(isTimeZone, 'not an IANA timezone').optional(),
          country: z.string().length(2).optional(),
          consent: z.record(z.string(), z.boolean()).optional(),
          segments: z.array(z.string()).optional(),
          lastStoreId: z.string().optional(),
        })
        .optional()
        .openapi({ description: 'profile fields to replace for this simulation only' }),
    })
    .openapi('SimulateRequest', { example: { identifiers: { email: 'lucia.martin@example.com' }, channel: 'app', asOf: '2026-11-24T13:00:00+01:00' } });
}

/** Query parameters that name a customer by any identifier. */
export const identifierQuerySchema = z.object(identifierShape);

/** Query identifiers, refused with a 400 naming the query when none is given. */
export function requireIdentifier(identifiers: Record<string, string | undefined>): Identifiers {
  if (IDENTIFIER_TYPES.some((t) => identifiers[t] !== undefined)) return identifiers as Identifiers;
  throw new ApiError(400, 'validation', 'Invalid request', `name the customer with one of ${IDENTIFIER_TYPES.join(', ')}`, {
    errors: [{ field: 'query.email', message: 'at least one identifier is required' }],
  });
}
