import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { CatalogView } from '@omnikernel/sdk';
import type { Context } from 'hono';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { plainResponse } from '../../http/plain-response.ts';
import { requireScope } from '../../middleware/auth.ts';
import { problemResponses } from '../../routes/openapi-helpers.ts';
import { cacheControlFor } from '../public-decision.ts';
import { channelIdentifiers, isAnonymous } from '../shared/channel-identifiers.ts';
import { channelIdentifierFields, localeField } from '../shared/identifier-query.ts';
import { displayLocale } from '../shared/locale.ts';
import { publicBaseUrl } from '../shared/public-base-url.ts';
import { emailEnvelope, fallbackEnvelope } from './email-envelope.ts';
import { encodedEmail, heldEmail, type EmailFormat, type EncodedEmail } from './encoded-envelope.ts';
import type { EmailRenderOptions } from './envelope-types.ts';

export const EMAIL_CONTENT_PATH = '/v1/channels/email/content';

const query = z.object({
  ...channelIdentifierFields,
  format: z.enum(['html', 'json', 'text']).default('html').openapi({ description: '`html` (a fragment for the template), `json` (blocks, html, text and `fallback`) or `text`' }),
  locale: localeField,
});

const envelopeSchema = z
  .object({ decisionId: z.string().nullable(), customerId: z.string().nullable(), fallback: z.boolean(), reason: z.string().optional(), blocks: z.array(z.record(z.string(), z.unknown())), html: z.string(), text: z.string() })
  .openapi('EmailContent');

const route = createRoute({
  method: 'get',
  path: EMAIL_CONTENT_PATH,
  tags: ['channels'],
  summary: 'E-mail content blocks for an ESP, from the current decision',
  description:
    'Read-only: ESPs fetch content several times per recipient, so fetching records no outcome (report `shown`/`clicked` with POST /v1/outcomes). ' +
    'Links carry `ok_decision` (and `ok_offer`/`ok_product`) for attribution; images and links are absolute; prices are formatted in the product\'s currency. ' +
    'On any failure (no identifier, unknown customer, store down) the answer is still 200 with generic content and `"fallback": true` in the JSON, since ESP templates cannot read status codes or headers.',
  request: { query },
  responses: {
    200: {
      description: 'The content; `x-omnikernel-fallback: true` also marks generic content',
      content: { 'application/json': { schema: envelopeSchema }, 'text/html': { schema: z.string() }, 'text/plain': { schema: z.string() } },
    },
    ...problemResponses,
  },
});

/** `GET /v1/channels/email/content` (scope `decisions:read`). */
export function registerEmailContentRoute(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.use(EMAIL_CONTENT_PATH, requireScope(deps.keys, 'decisions:read'));
  app.openapi(route, async (c) => {
    const { format, locale: rawLocale, ...raw } = c.req.valid('query');
    const options: EmailRenderOptions = { baseUrl: publicBaseUrl(deps, c), locale: displayLocale(rawLocale) };
    try {
      const identifiers = channelIdentifiers(raw, deps.settings.defaultRegion);
      if (isAnonymous(identifiers)) return send(c, format, fallback(deps, options, 'no-identifier'), 'no-store');
      const result = await deps.decisions.current(identifiers, { channel: 'email' });
      if (result.status === 'unknown') return send(c, format, fallback(deps, options, result.storeFailed ? 'error' : 'unknown-customer'), 'no-store');
      deps.metrics.decisionsServed(result.computed ? 'computed' : 'reused');
      const { current } = result;
      const encoded = current.keep(`email:${options.locale}:${options.baseUrl}`, () => heldEmail(() => emailEnvelope(current.decision(), options)));
      return send(c, format, encoded, cacheControlFor(result.current.meta.validUntilMs, deps.now(), Math.floor(deps.settings.decisionMinAgeMs / 1000)));
    } catch (error) {
      deps.logger.warn('email content failed; serving fallback content', { requestId: c.get('requestId'), error: (error as Error).message });
      return send(c, format, fallback(deps, options, 'error'), 'no-store');
    }
  });
}

function fallback(deps: GatewayDeps, options: EmailRenderOptions, reason: string): EncodedEmail {
  let catalog: CatalogView | null = null;
  try {
    catalog = deps.store.catalog();
  } catch {
    // The static block needs no catalog.
  }
  return encodedEmail(fallbackEnvelope(catalog, options, reason));
}

const CONTENT_TYPES: Record<EmailFormat, string> = { html: 'text/html; charset=utf-8', text: 'text/plain; charset=utf-8', json: 'application/json' };

function send(c: Context<GatewayEnv>, format: EmailFormat, encoded: EncodedEmail, cacheControl: string): Response {
  return plainResponse(c, encoded.bytes(format), 200, { 'cache-control': cacheControl, 'x-omnikernel-fallback': String(encoded.fallback), 'content-type': CONTENT_TYPES[format] });
}
