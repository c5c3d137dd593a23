import { definePlugin } from '@omnikernel/sdk';
import { decideGeoTimeOffers } from './decide.ts';
import { geoTimeOffersOptionsSchema } from './options.ts';

/**
 * Contextual offers: tied to stores near the customer, to local time windows in their
 * timezone, to opening hours. Each proposed offer is valid until its window ends or its store closes.
 *
 * @example
 * // omnikernel.config.json
 * { "plugins": [{ "plugin": "geo-time-offers", "options": { "defaultTimezone": "Europe/Madrid" } }] }
 */
export const geoTimeOffersPlugin = definePlugin({
  name: 'geo-time-offers',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  description: 'Offers by place and local time: nearby stores, time windows in the customer timezone, opening hours.',
  options: geoTimeOffersOptionsSchema,
  timeoutMs: 50,
  decide: decideGeoTimeOffers,
});
