import { z } from '@hono/zod-openapi';
import { isTimeZone } from '@omnikernel/sdk';

const id = z.string().min(1).max(128);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 24-hour');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const productSchema = z
  .strictObject({
    id,
    name: z.string().min(1).max(500),
    category: z.string().min(1).max(200),
    price: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
    stock: z.strictObject({ online: z.number().int().nonnegative().optional(), stores: z.record(z.string(), z.number().int().nonnegative()).optional() }).optional(),
    imageUrl: z.string().max(2048).optional(),
    url: z.string().max(2048).optional(),
    attributes: attributes.optional(),
  })
  .openapi('Product');


export const storeSchema = z
  .strictObject({
    id,
    name: z.string().min(1).max(500),
    city: z.string().max(200).optional(),
    country: z.string().length(2).optional(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    timezone: z.string().refine(isTimeZone, 'not an IANA timezone such as Europe/Madrid'),
    openingHours: z.partialRecord(weekday, z.array(z.strictObject({ open: hhmm, close: hhmm }))).optional(),
  })
  .openapi('Store');

/** Caps and suppressions across all channels; also the configuration's defaults. */
export const contactPolicySchema = z.strictObject({
  maxShows: z.number().int().nonnegative().optional(),
  perDays: z.number().positive().optional(),
  suppressDaysAfterAccept: z.number().nonnegative().optional(),
  suppressDaysAfterReject: z.number().nonnegative().optional(),
});

export const offerSchema = z
  .strictObject({
    id,
    title: z.string().min(1).max(500),
    description: z.string().max(2000).optional(),
    value: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    channels: z.array(z.string().min(1)).optional(),
    eligibility: z
      .strictObject({
        countries: z.array(z.string().length(2)).optional(),
        segments: z.array(z.string()).optional(),
        consent: z.array(z.string()).optional(),
        requiresAbandonedCart: z.boolean().optional(),
        categories: z.array(z.string()).optional(),
        productIds: z.array(z.string()).optional(),
        storeIds: z.array(z.string()).optional(),
        radiusKm: z.number().positive().optional(),
        timeWindows: z.array(z.strictObject({ days: z.array(weekday).optional(), start: hhmm, end: hhmm, label: z.string().optional() })).optional(),
        whileStoreOpen: z.boolean().optional(),
        minLifetimeValue: z.number().nonnegative().optional(),
      })
      .optional(),
    validFrom: z.iso.datetime({ offset: true }).optional(),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    contactPolicy: contactPolicySchema.optional(),
    script: z.string().max(2000).optional(),
    weight: z.number().nonnegative().optional(),
    isDefault: z.boolean().optional(),
    imageUrl: z.string().max(2048).optional(),
    url: z.string().max(2048).optional(),
  })
  .openapi('Offer');

export const CATALOG_KINDS = ['products', 'stores', 'offers'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];
export const catalogSchemas = { products: productSchema, stores: storeSchema, offers: offerSchema } as const;
export const MAX_CATALOG_BATCH = 5_000;
