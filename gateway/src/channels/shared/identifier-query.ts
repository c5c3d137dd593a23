import { z } from '@hono/zod-openapi';

// Empty values are allowed on purpose: a CTI sends `phone=` for a withheld number and an ESP an
// empty merge tag; both mean "unknown customer", which channels serve, rather than a 400.
const value = z.string().max(256).optional();

/** Identifier fields as channels send them in a query or body: any of them, possibly empty. */
export const channelIdentifierFields = {
  customerId: value,
  email: value,
  phone: value.openapi({ description: 'E.164, national (in the default region), or a `tel:`/`sip:` URI' }),
  loyaltyId: value,
  deviceId: value,
  crmId: value,
};

/** The display locale query parameter: prices and dates only, never the decision. */
export const localeField = z.string().max(35).optional().openapi({ description: 'BCP 47 locale for prices and dates (default `en`)' });
