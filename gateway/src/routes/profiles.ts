import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { ApiError, sendJson } from '../http/problem.ts';
import { requireScope } from '../middleware/auth.ts';
import { identifierQuerySchema, requireIdentifier } from '../schemas/decision-request.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';
import { storeWrite } from './store-errors.ts';

const idParam = z.object({ customerId: z.string().min(1).max(256) });

export function registerProfileRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  const read = requireScope(deps.keys, 'profiles:read');
  const erase = requireScope(deps.keys, 'profiles:delete');
  app.on(['GET'], '/v1/profiles', read);
  app.on(['GET'], '/v1/profiles/*', read);
  app.on(['DELETE'], '/v1/profiles/*', erase);

  const notFound = (what: string) => new ApiError(404, 'not-found', 'Profile not found', `no customer ${what}`);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles',
      tags: ['profiles'],
      summary: 'The 360° profile of the customer an identifier names',
      request: { query: identifierQuerySchema },
      responses: { 200: jsonResponse('The profile'), ...problemResponses },
    }),
    async (c) => {
      const identifiers = requireIdentifier(c.req.valid('query'));
      const customerId = await deps.store.resolve(identifiers);
      const profile = customerId ? await deps.store.getProfile(customerId) : null;
      if (!profile) throw notFound(`with ${Object.keys(identifiers).join(', ')} given`);
      return sendJson(c, profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/{customerId}',
      tags: ['profiles'],
      summary: 'The 360° profile by customer id (merged ids resolve to the surviving customer)',
      request: { params: idParam },
      responses: { 200: jsonResponse('The profile'), ...problemResponses },
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const profile = await deps.store.getProfile(customerId);
      if (!profile) throw notFound(customerId);
      return sendJson(c, profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/profiles/{customerId}/export',
      tags: ['profiles'],
      summary: 'Everything held about the customer (data-subject access)',
      request: { params: idParam },
      responses: { 200: jsonResponse('Profile, contact history, current decision id, retained events'), ...problemResponses },
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const exported = await deps.store.exportProfile(customerId);
      if (!exported) throw notFound(customerId);
      return sendJson(c, { exportedAt: new Date(deps.now()).toISOString(), ...exported }, 200, { 'content-disposition': `attachment; filename="customer-${customerId}.json"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/profiles/{customerId}',
      tags: ['profiles'],
      summary: 'Erase a customer: profile, identifiers, decisions and contact history',
      description: '`?suppress=true` keeps only hashed identifiers so later events for them are dropped (and counted as suppressed).',
      request: { params: idParam, query: z.object({ suppress: z.enum(['true', 'false']).default('false') }) },
      responses: { 200: jsonResponse('Erased'), ...problemResponses },
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const suppress = c.req.valid('query').suppress === 'true';
      const erased = await storeWrite(() => deps.store.deleteProfile(customerId, { suppress }));
      if (!erased) throw notFound(customerId);
      deps.decisions.evict(customerId);
      return c.json({ customerId, erased: true, suppressed: suppress }, 200);
    },
  );
}
