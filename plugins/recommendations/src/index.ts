import { recommendationsPlugin } from './plugin.ts';

export { recommendationsPlugin } from './plugin.ts';
export { recommendationsOptionsSchema } from './options.ts';
export type { RecommendationsOptions } from './options.ts';
export type { RecommendationsSnapshot, RankedList } from './snapshot.ts';

export default recommendationsPlugin;
