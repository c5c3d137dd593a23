import { z } from 'zod';
import { BUILT_IN_CHANNELS, BUILT_IN_EVENT_TYPES, OUTCOME_TYPES } from '@omnikernel/sdk';
import type { BuiltInEventType } from '@omnikernel/sdk';
import { normalizeIdentifiers } from '../identity/normalize.ts';
import { commonPropertiesSchema, eventPropertiesSchemas } from './properties.ts';

/** What the event and outcome schemas are built from: the configured channels and phone region. */
export interface EventSchemaOptions {
  /** Custom channels allowed besides the built-in ones (`kiosk`, `partner_app`, …). */
  readonly channels?: readonly string[];
  /** Region for national phone numbers, as the store uses it. Default `GB`. */
  readonly defaultRegion?: string;
}

const BUILT_IN = new Set<string>(BUILT_IN_EVENT_TYPES);
const instant = z.iso.datetime({ offset: true });
const rawIdentifier = z.string().max(512).optional();

/** `custom:<name>`: a letter or digit, then up to 63 of letters, digits, `_`, `.`, `-`. */
export const customEventTypeSchema = z
  .string()
  .regex(/^custom:[A-Za-z0-9][\w.-]{0,62}$/, 'a built-in type or custom:<name>') as z.ZodType<`custom:${string}`>;

/** The identifiers object: known types only (others are dropped), raw values before normalisation. */
export const identifiersSchema = z.object({
  customerId: rawIdentifier,
  email: rawIdentifier,
  phone: rawIdentifier,
  loyaltyId: rawIdentifier,
  deviceId: rawIdentifier,
  crmId: rawIdentifier,
});

/** The channel enum: built-in channels plus the configured ones. */
export function channelSchema(channels: readonly string[] = []) {
  return z.enum([...new Set([...BUILT_IN_CHANNELS, ...channels])] as [string, ...string[]]);
}

/**
 * The schema of one event (DESIGN.md, Domain): a plain zod 4 object, usable with zod-openapi.
 * Properties are checked per type; an event whose identifiers are all unusable after
 * normalisation (a withheld number alone) is refused, naming `identifiers`.
 *
 * @example
 * const schema = createEventSchema({ channels: ['kiosk'] });
 * schema.parse({ id: 'e1', type: 'page_viewed', channel: 'kiosk', occurredAt: '2026-01-01T10:00:00Z',
 *   identifiers: { deviceId: 'd-1' }, properties: {} });
 */
export function createEventSchema(options: EventSchemaOptions = {}) {
  const region = options.defaultRegion === undefined ? {} : { defaultRegion: options.defaultRegion };
  return z
    .object({
      id: z.string().min(1).max(128),
      type: z.union([z.enum(BUILT_IN_EVENT_TYPES), customEventTypeSchema]),
      channel: channelSchema(options.channels),
      occurredAt: instant,
      identifiers: identifiersSchema,
      properties: z.record(z.string(), z.unknown()).default({}),
    })
    .superRefine((event, ctx) => {
      if (Object.keys(normalizeIdentifiers(event.identifiers, region)).length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['identifiers'],
          message: 'no usable identifier: send at least one of customerId, email, phone, loyaltyId, deviceId, crmId (a withheld number is none)',
        });
      }
      checkProperties(event.type, event.properties, ctx);
    });
}

function checkProperties(type: string, properties: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const schemas: z.ZodType[] = [commonPropertiesSchema];
  if (BUILT_IN.has(type)) schemas.push(eventPropertiesSchemas[type as BuiltInEventType]);
  for (const schema of schemas) {
    const result = schema.safeParse(properties);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['properties', ...issue.path], message: issue.message });
    }
  }
}

/**
 * The schema of one outcome: a `shown`, `clicked`, `accepted`, `rejected` or `converted` of an
 * offer or item of a decision; at least one of `offerId` and `productId`.
 *
 * @example
 * createOutcomeSchema().parse({ id: 'o1', type: 'clicked', decisionId: 'd1', channel: 'web',
 *   occurredAt: '2026-01-01T10:00:00Z', offerId: 'welcome' });
 */
export function createOutcomeSchema(options: Pick<EventSchemaOptions, 'channels'> = {}) {
  return z
    .object({
      id: z.string().min(1).max(128),
      type: z.enum(OUTCOME_TYPES),
      decisionId: z.string().min(1).max(128),
      channel: channelSchema(options.channels),
      occurredAt: instant,
      offerId: z.string().min(1).max(128).optional(),
      productId: z.string().min(1).max(128).optional(),
      customerId: z.string().min(1).max(256).optional(),
      segment: z.string().max(128).optional(),
    })
    .refine((o) => o.offerId !== undefined || o.productId !== undefined, {
      path: ['offerId'],
      message: 'an outcome needs offerId or productId (or both)',
    });
}
