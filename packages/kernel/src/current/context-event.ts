import { createHash } from 'node:crypto';
import type { CustomerEvent, DecisionContext } from '@omnikernel/sdk';

/**
 * Context that arrives with a request (the app's location, the device's timezone) becomes a
 * `location` event before the decision, so every channel decides on the same profile. The id is
 * derived from the content and the minute, so retries of one request record it once.
 */
export function contextEvent(customerId: string, context: DecisionContext, now: number): CustomerEvent | null {
  if (!context.location && !context.timezone) return null;
  const minute = Math.floor(now / 60_000);
  const body = JSON.stringify([customerId, context.location ?? null, context.timezone ?? null, context.storeId ?? null, minute]);
  const id = `ctx-${createHash('sha256').update(body).digest('base64url').slice(0, 20)}`;
  const properties: Record<string, unknown> = {};
  if (context.location) Object.assign(properties, { lat: context.location.lat, lon: context.location.lon });
  if (context.timezone) properties.timezone = context.timezone;
  if (context.storeId) properties.storeId = context.storeId;
  return {
    id,
    type: context.location ? 'location' : 'custom:context',
    channel: context.channel,
    occurredAt: new Date(now).toISOString(),
    identifiers: { customerId },
    properties,
  };
}
