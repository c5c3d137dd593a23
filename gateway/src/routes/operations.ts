import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { requireScope } from '../middleware/auth.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';

/** Liveness, readiness, metrics and the plugin list. */
export function registerOperationRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  app.openapi(
    createRoute({ method: 'get', path: '/healthz', tags: ['operations'], summary: 'Liveness: the process answers', responses: { 200: jsonResponse('ok') } }),
    (c) => c.json({ status: 'ok' }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['operations'],
      summary: 'Readiness: started, not draining, and the store reachable',
      responses: { 200: jsonResponse('ready'), 503: jsonResponse('not ready, with the reason') },
    }),
    (c) => {
      const store = deps.store.health();
      const ready = deps.isReady() && store !== 'down';
      const body = { status: ready ? 'ready' : 'not-ready', store, draining: !deps.isReady(), plugins: deps.kernel.plugins().map((p) => ({ name: p.name, health: p.health })) };
      return ready ? c.json(body, 200) : c.json(body, 503);
    },
  );

  app.get('/metrics', async (c) => {
    // Each store figure is a gauge of its own, named and typed as Prometheus's text format asks.
    const lines = Object.entries(deps.store.stats()).flatMap(([k, v]) => {
      const name = `omnikernel_store_${k.replace(/[^a-zA-Z0-9_]/g, '_')}`;
      return [`# HELP ${name} The store's ${k} (cache and connection figures).`, `# TYPE ${name} gauge`, `${name} ${v}`];
    });
    const text = `${await deps.metrics.registry.metrics()}\n${lines.join('\n')}\n`;
    return c.body(text, 200, { 'content-type': deps.metrics.registry.contentType });
  });

  app.use('/v1/plugins', requireScope(deps.keys, 'decisions:read'));
  app.openapi(
    createRoute({ method: 'get', path: '/v1/plugins', tags: ['operations'], summary: 'Loaded plugins, versions and health', responses: { 200: jsonResponse('The plugins in run order'), ...problemResponses } }),
    (c) => c.json({ configFingerprint: deps.kernel.configFingerprint, plugins: deps.kernel.plugins() }, 200),
  );
}
