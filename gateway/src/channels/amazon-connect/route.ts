import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { requireScope } from '../../middleware/auth.ts';
import { problemResponses } from '../../routes/openapi-helpers.ts';
import { channelIdentifiers } from '../shared/channel-identifiers.ts';
import { lookUpCaller } from '../shared/look-up-caller.ts';
import { displayLocale } from '../shared/locale.ts';
import { callerAttributes, decisionAttributes } from './attribute-map.ts';
import { connectEventSchema } from './event-schema.ts';
import { fitAttributeBudget } from './fit-budget.ts';
import { identifiersFromEvent, localeFromEvent } from './identifiers-from-event.ts';

export const AMAZON_CONNECT_PATH = '/v1/channels/amazon-connect';

const attributeMapSchema = z.record(z.string(), z.string()).openapi('AmazonConnectAttributes', {
  example: { ok_status: 'known', ok_customerId: 'c_01', ok_decisionId: 'dec_01', ok_nbo_id: 'o-cart', ok_nbo_title: '10 % off your basket', ok_rec_count: '1', ok_rec_1_id: 'p1', ok_rec_1_name: 'Kettle', ok_rec_1_price: '€29.99' },
});

const route = createRoute({
  method: 'post',
  path: AMAZON_CONNECT_PATH,
  tags: ['channels'],
  summary: 'Amazon Connect: the contact-flow event in, a flat map of string attributes out',
  description:
    'Send the event exactly as an "Invoke AWS Lambda function" block gives it to a Lambda (the Lambda in `integrations/amazon-connect-lambda` forwards it). ' +
    'The caller is found from `Details.Parameters`, then `Details.ContactData.Attributes`, then `CustomerEndpoint.Address` (the number, or the address of an EMAIL contact). ' +
    'The answer is a flat map of strings with `ok_` keys, under 32 KB: `ok_status` (`known`|`unknown`|`fallback`), `ok_customerId`, `ok_firstName`, `ok_crmId`, `ok_decisionId`, ' +
    '`ok_nbo_id`, `ok_nbo_title`, `ok_nbo_script`, `ok_nbo_reasons`, `ok_leadScore`, `ok_leadBand`, `ok_rec_count`, `ok_rec_<n>_id|name|price`, `ok_degraded`, `ok_validUntil`. ' +
    'A withheld or unknown caller is `ok_status: unknown` with the default offer, never an error; when the customer store fails the default offer comes with `ok_status: fallback`.',
  request: { body: { required: true, content: { 'application/json': { schema: connectEventSchema } } } },
  responses: {
    200: { description: 'Contact attributes for `$.External.<key>`', content: { 'application/json': { schema: attributeMapSchema } } },
    ...problemResponses,
  },
});

/** `POST /v1/channels/amazon-connect` (scope `decisions:read`). */
export function registerAmazonConnectRoute(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.use(AMAZON_CONNECT_PATH, requireScope(deps.keys, 'decisions:read'));
  app.openapi(route, async (c) => {
    const event = c.req.valid('json');
    const identifiers = channelIdentifiers(identifiersFromEvent(event), deps.settings.defaultRegion);
    const locale = displayLocale(localeFromEvent(event));
    const caller = await lookUpCaller(deps, identifiers, 'contact_center', c.get('requestId'));
    const decisionPart = caller.current.render(`amazon-connect:${locale}`, (d) => decisionAttributes(d, locale));
    const fallback: Record<string, string> = caller.status === 'fallback' ? { ok_degraded: 'true' } : {};
    const attributes = fitAttributeBudget({ ...callerAttributes(caller.status, caller.customerId, caller.profile), ...decisionPart, ...fallback });
    return c.json(attributes, 200, { 'cache-control': 'no-store' });
  });
}
