import { geoTimeOffersPlugin } from './plugin.ts';

export { geoTimeOffersPlugin } from './plugin.ts';
export { geoTimeOffersOptionsSchema } from './options.ts';
export type { GeoTimeOffersOptions } from './options.ts';

export default geoTimeOffersPlugin;
