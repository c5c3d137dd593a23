import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { plainResponse } from '../../http/plain-response.ts';
import { requireScope } from '../../middleware/auth.ts';
import { problemResponses } from '../../routes/openapi-helpers.ts';
import { channelIdentifiers } from '../shared/channel-identifiers.ts';
import { lookUpCaller } from '../shared/look-up-caller.ts';
import { channelIdentifierFields, localeField } from '../shared/identifier-query.ts';
import { displayLocale } from '../shared/locale.ts';
import { activityView, callerView } from './caller-view.ts';
import { decisionView } from './decision-view.ts';
import { flattenScreenPop } from './flatten.ts';
import { htmlHeaders } from './html-headers.ts';
import { decisionViewMembers, screenPopJson } from './screen-pop-json.ts';
import { callerHtml, decisionHtml, screenPopPage } from './render-html.ts';
import { assertTokenCovers, screenPopToken } from './token-auth.ts';
import type { ScreenPopView } from './view-types.ts';

export const SCREEN_POP_PATH = '/v1/channels/contact-center/screen-pop';

const query = z.object({
  ...channelIdentifierFields,
  format: z.enum(['json', 'flat', 'html']).default('json').openapi({ description: '`json` (default), `flat` (top-level strings and string arrays) or `html` (a page for an iframe)' }),
  locale: localeField,
  token: z.string().max(2048).optional().openapi({ description: 'a signed one-use link token (from screen-pop-links) in place of an API key' }),
});

const route = createRoute({
  method: 'get',
  path: SCREEN_POP_PATH,
  tags: ['channels'],
  summary: 'Contact-center screen pop: who is calling, what they did lately, and what to offer',
  description:
    'Name the caller with any identifier (`phone` accepts E.164, national numbers and `tel:`/`sip:` URIs). A withheld, empty or unknown identifier gives `status: unknown` and the default offer; a store failure gives `status: fallback` and the default offer. ' +
    'The offer part is the customer\'s current decision: the same `decisionId`, offers, order and prices as every other channel. ' +
    'Authenticate with an API key holding `decisions:read`, or a one-use `token` from `POST /v1/channels/contact-center/screen-pop-links` (for iframes).',
  request: { query },
  responses: {
    200: {
      description: '`json`: `{status, decisionId, validUntil, lead, nextBestOffer, offers, recommendations, degraded, customer, consent, activity}`; `flat`: strings and string arrays; `html`: a page',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/html': { schema: z.string() } },
    },
    ...problemResponses,
  },
});

/** `GET /v1/channels/contact-center/screen-pop` (scope `decisions:read`, or a signed link). */
export function registerScreenPopRoute(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.use(SCREEN_POP_PATH, screenPopToken(deps));
  app.use(SCREEN_POP_PATH, requireScope(deps.keys, 'decisions:read'));
  app.openapi(route, async (c) => {
    const { format, locale: rawLocale, token: _token, ...raw } = c.req.valid('query');
    const identifiers = channelIdentifiers(raw, deps.settings.defaultRegion);
    const subject = c.get('tokenSubject');
    if (subject !== undefined) await assertTokenCovers(deps, subject, identifiers);
    const caller = await lookUpCaller(deps, identifiers, 'contact_center', c.get('requestId'));
    const { profile, current } = caller;
    const locale = displayLocale(rawLocale);
    const now = deps.now();
    const activity = profile ? activityView(profile, deps.store.catalog(), now, locale) : null;
    const customer = profile ? callerView(profile) : null;
    const consent = profile?.consent ?? {};
    if (format === 'html') {
      const offerPart = current.render(`screen-pop:html:${locale}`, (d) => decisionHtml(decisionView(d, locale)));
      return c.body(screenPopPage(callerHtml(caller.status, customer, consent, activity, now), offerPart), 200, htmlHeaders());
    }
    if (format === 'json') {
      // The decision's part is serialised once per decision and locale; the caller's part per call.
      const members = current.render(`screen-pop:json:${locale}`, (d) => decisionViewMembers(decisionView(d, locale)));
      const body = screenPopJson(caller.status, members, { customer, consent, activity }) as Uint8Array<ArrayBuffer>;
      return plainResponse(c, body, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    }
    const offerView = current.render(`screen-pop:${locale}`, (d) => decisionView(d, locale));
    const view: ScreenPopView = { status: caller.status, ...offerView, customer, consent, activity };
    return c.json(flattenScreenPop(view), 200, { 'cache-control': 'no-store' });
  });
}
