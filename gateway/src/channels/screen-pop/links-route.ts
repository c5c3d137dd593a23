import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { requireScope } from '../../middleware/auth.ts';
import { problemResponses } from '../../routes/openapi-helpers.ts';
import { channelIdentifiers, isAnonymous } from '../shared/channel-identifiers.ts';
import { channelIdentifierFields, localeField } from '../shared/identifier-query.ts';
import { publicBaseUrl } from '../shared/public-base-url.ts';
import { SCREEN_POP_PATH } from './route.ts';
import { SCREEN_POP_PURPOSE, UNKNOWN_CALLER_SUBJECT } from './token-auth.ts';

export const SCREEN_POP_LINKS_PATH = '/v1/channels/contact-center/screen-pop-links';

const body = z
  .strictObject({
    identifiers: z.strictObject(channelIdentifierFields).openapi({ description: 'the caller, by any identifier; none or a withheld number gives an unknown-caller link' }),
    format: z.enum(['html', 'json', 'flat']).default('html'),
    locale: localeField,
    ttlSeconds: z.number().int().min(30).max(3600).default(300).openapi({ description: 'how long the link works (default 300 s); it works once' }),
  })
  .openapi('ScreenPopLinkRequest', { example: { identifiers: { phone: '+34600123456' }, format: 'html', locale: 'es-ES', ttlSeconds: 300 } });

const linkSchema = z
  .object({ url: z.string(), expiresAt: z.string(), status: z.enum(['known', 'unknown']) })
  .openapi('ScreenPopLink', { example: { url: 'https://omnikernel.example.com/v1/channels/contact-center/screen-pop?customerId=c_01&format=html&token=…', expiresAt: '2026-11-23T12:05:00.000Z', status: 'known' } });

const route = createRoute({
  method: 'post',
  path: SCREEN_POP_LINKS_PATH,
  tags: ['channels'],
  summary: 'A signed one-use screen-pop URL for an agent desktop iframe',
  description:
    'The URL names the customer by `customerId` only (no phone number or e-mail in URLs and logs) and carries a token scoped to that customer, usable once until `expiresAt`. ' +
    'It is absolute, built on `OMNIKERNEL_PUBLIC_URL` when set, else on the origin this request came to.',
  request: { body: { required: true, content: { 'application/json': { schema: body } } } },
  responses: { 200: { description: 'The link', content: { 'application/json': { schema: linkSchema } } }, ...problemResponses },
});

/** `POST /v1/channels/contact-center/screen-pop-links` (scope `decisions:read`). */
export function registerScreenPopLinksRoute(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.use(SCREEN_POP_LINKS_PATH, requireScope(deps.keys, 'decisions:read'));
  app.openapi(route, async (c) => {
    const { identifiers: raw, format, locale, ttlSeconds } = c.req.valid('json');
    const identifiers = channelIdentifiers(raw, deps.settings.defaultRegion);
    const customerId = isAnonymous(identifiers) ? null : await deps.store.resolve(identifiers);
    const token = deps.signer.sign(customerId ?? UNKNOWN_CALLER_SUBJECT, SCREEN_POP_PURPOSE, ttlSeconds);
    const params = new URLSearchParams({ ...(customerId ? { customerId } : {}), format, ...(locale ? { locale } : {}), token });
    const url = `${publicBaseUrl(deps, c)}${SCREEN_POP_PATH}?${params.toString()}`;
    return c.json({ url, expiresAt: new Date(expiryOf(token) * 1000).toISOString(), status: customerId ? ('known' as const) : ('unknown' as const) }, 200, { 'cache-control': 'no-store' });
  });
}

/** The `exp` claim (epoch seconds) of a token this gateway just signed. */
function expiryOf(token: string): number {
  const [claims = ''] = token.split('.');
  return (JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { exp: number }).exp;
}
