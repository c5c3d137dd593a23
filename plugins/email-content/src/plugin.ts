import { definePlugin } from '@omnikernel/sdk';
import { decideEmailContent } from './decide.ts';
import { emailContentOptionsSchema } from './options.ts';

/**
 * E-mail content blocks built from the arbitrated decision (stage `compose`): a hero for the
 * top offer, a product grid with the catalog's prices, and a plain-text alternative, from
 * templates a team can restyle in configuration.
 *
 * @example
 * // omnikernel.config.json
 * { "plugins": [{ "plugin": "email-content", "options": { "baseUrl": "https://shop.example.com/", "locale": "es-ES" } }] }
 */
export const emailContentPlugin = definePlugin({
  name: 'email-content',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'compose',
  after: [],
  description: 'E-mail hero, product grid and plain text built from the decision.',
  options: emailContentOptionsSchema,
  timeoutMs: 50,
  decide: decideEmailContent,
});
