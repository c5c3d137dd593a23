import { emailContentPlugin } from './plugin.ts';

export { emailContentPlugin } from './plugin.ts';
export { emailContentOptionsSchema } from './options.ts';
export type { EmailContentOptions } from './options.ts';
export { escapeHtml, render } from './render.ts';

export default emailContentPlugin;
