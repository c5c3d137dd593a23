import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Offer, Product, Store } from '@omnikernel/sdk';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { ApiError, fieldErrorsOf } from '../http/problem.ts';
import { requireScope } from '../middleware/auth.ts';
import { CATALOG_KINDS, catalogSchemas, MAX_CATALOG_BATCH, type CatalogKind } from '../schemas/catalog.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';
import { storeWrite } from './store-errors.ts';

const kindParam = z.object({ kind: z.enum(CATALOG_KINDS) });

export function registerCatalogRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.on(['PUT'], '/v1/catalog/*', requireScope(deps.keys, 'catalog:write'));
  app.on(['GET'], '/v1/catalog/*', requireScope(deps.keys, 'decisions:read'));

  const listOf = (kind: CatalogKind): unknown[] => {
    const catalog = deps.store.catalog();
    return [...(kind === 'products' ? catalog.products() : kind === 'stores' ? catalog.stores() : catalog.offers())];
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/catalog/{kind}',
      tags: ['catalog'],
      summary: 'Read products, stores or offers',
      request: { params: kindParam },
      responses: { 200: jsonResponse('`{ version, items }`'), ...problemResponses },
    }),
    (c) => {
      const { kind } = c.req.valid('param');
      const items = listOf(kind);
      return c.json({ kind, version: deps.store.catalog().version, count: items.length, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/catalog/{kind}',
      tags: ['catalog'],
      summary: 'Bulk upsert of products, stores or offers (a JSON array, up to 5,000 per call)',
      description: 'Every change bumps the catalog version, which renews every current decision.',
      request: { params: kindParam, body: { required: true, content: { 'application/json': { schema: z.array(z.unknown()) } } } },
      responses: { 200: jsonResponse('`{ upserted, version }`'), 413: { description: 'More than 5,000 items' }, ...problemResponses },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      const body = c.req.valid('json');
      if (body.length > MAX_CATALOG_BATCH) throw new ApiError(413, 'batch-too-large', 'Batch too large', `${body.length} ${kind} in one call; send at most ${MAX_CATALOG_BATCH}`);
      const parsed = z.array(catalogSchemas[kind]).min(1, `send at least one of ${kind}`).safeParse(body);
      if (!parsed.success) {
        const errors = fieldErrorsOf(parsed.error.issues, 'body');
        throw new ApiError(400, 'validation', 'Invalid catalog items', `${errors[0]?.field}: ${errors[0]?.message}`, { errors });
      }
      const items = parsed.data;
      const version = await storeWrite(() =>
        kind === 'products'
          ? deps.store.upsertProducts(items as Product[])
          : kind === 'stores'
            ? deps.store.upsertStores(items as Store[])
            : deps.store.upsertOffers(items as Offer[]),
      );
      deps.decisions.evict();
      return c.json({ kind, upserted: items.length, version }, 200);
    },
  );
}
