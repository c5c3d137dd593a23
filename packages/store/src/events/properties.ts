import { z } from 'zod';
import { isTimeZone } from '@omnikernel/sdk';
import type { BuiltInEventType } from '@omnikernel/sdk';

// Properties are loose objects: channels send more than the projection reads, and the raw event
// is kept for export, so unknown keys pass through untouched. Known keys are checked strictly.

const id = z.string().min(1).max(128);
const money = z.number().nonnegative().finite();
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

/** A line of a purchase or cart: quantity > 0, unit price ≥ 0. */
export const lineItemSchema = z.looseObject({
  productId: id,
  quantity: z.number().positive().finite(),
  price: money,
});

const items = z.array(lineItemSchema).max(500);

/** Properties every event may carry: where the customer is in time and space. */
export const commonPropertiesSchema = z.looseObject({
  timezone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, 'an IANA time zone such as Europe/Madrid')
    .optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as ES').optional(),
});

const conversation = z.looseObject({
  productIds: z.array(id).max(100).optional(),
  topics: z.array(z.string().min(1).max(200)).max(100).optional(),
  outcome: z.string().max(200).optional(),
  durationSec: z.number().nonnegative().finite().optional(),
});

const email = z.looseObject({ campaignId: z.string().max(200).optional(), url: z.string().max(2048).optional() });

const consent = z.union([
  z.looseObject({ consent: z.record(z.string().min(1).max(64), z.boolean()) }),
  z.looseObject({ purpose: z.string().min(1).max(64), granted: z.boolean() }),
]);

/** The properties schema of each built-in event type (custom types take any object). */
export const eventPropertiesSchemas: Readonly<Record<BuiltInEventType, z.ZodType<Record<string, unknown>>>> = {
  page_viewed: z.looseObject({ url: z.string().max(2048).optional(), title: z.string().max(500).optional() }),
  product_viewed: z.looseObject({ productId: id, category: z.string().max(200).optional() }),
  cart_updated: z.looseObject({ items }),
  cart_abandoned: z.looseObject({ items: items.optional() }),
  purchase: z.looseObject({
    orderId: id.optional(),
    items: items.min(1),
    storeId: id.optional(),
    currency: currency.optional(),
    total: money.optional(),
  }),
  store_visit: z.looseObject({ storeId: id }),
  location: z.looseObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    accuracyM: z.number().nonnegative().finite().optional(),
    storeId: id.optional(),
  }),
  call: conversation,
  chat: conversation,
  email_opened: email,
  email_clicked: email,
  consent_updated: consent,
  identify: z.looseObject({
    traits: z.record(z.string().min(1).max(128), z.unknown()).optional(),
    consent: z.record(z.string().min(1).max(64), z.boolean()).optional(),
  }),
};

