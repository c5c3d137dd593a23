import { nextBestOfferPlugin } from './plugin.ts';

export { nextBestOfferPlugin } from './plugin.ts';
export { nextBestOfferOptionsSchema } from './options.ts';
export type { NextBestOfferOptions } from './options.ts';
export type { NextBestOfferSnapshot } from './snapshot.ts';
export type { OfferStats, OutcomeCounts } from './stats.ts';

export default nextBestOfferPlugin;
