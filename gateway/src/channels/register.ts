import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { registerAmazonConnectRoute } from './amazon-connect/route.ts';
import { registerEmailContentRoute } from './email/route.ts';
import { registerScreenPopLinksRoute } from './screen-pop/links-route.ts';
import { registerScreenPopRoute } from './screen-pop/route.ts';

/**
 * Channel adapters: Amazon Connect, the contact-center screen pop (and its signed links), e-mail
 * content. Each renders the customer's one current decision in its channel's envelope; none
 * changes the decision. See ./README.md.
 */
export function registerChannelRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  registerAmazonConnectRoute(app, deps);
  registerScreenPopRoute(app, deps);
  registerScreenPopLinksRoute(app, deps);
  registerEmailContentRoute(app, deps);
}
