import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { StoreUnavailableError } from '@omnikernel/store';
import type { GatewayDeps, GatewayEnv } from './deps.ts';
import { ApiError, fieldErrorsOf, problemResponse, validationError } from './http/problem.ts';
import { requestEdge } from './middleware/request-edge.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerChannelRoutes } from './channels/register.ts';
import { registerDecisionRoutes } from './routes/decisions.ts';
import { registerDocRoutes } from './routes/docs.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerOperationRoutes } from './routes/operations.ts';
import { registerOutcomeRoutes } from './routes/outcomes.ts';
import { registerProfileRoutes } from './routes/profiles.ts';

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * The gateway's HTTP app. Every error becomes `application/problem+json`; bad input is a 4xx that
 * names the field, never a 5xx.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/v1/decisions', { method: 'POST', headers, body });
 */
export function createApp(deps: GatewayDeps): OpenAPIHono<GatewayEnv> {
  const app = new OpenAPIHono<GatewayEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const prefix = TARGET_PREFIX[(result as { target?: string }).target ?? 'json'] ?? 'body';
      return problemResponse(c, validationError(fieldErrorsOf(result.error.issues, prefix)));
    },
  });

  app.use('*', requestEdge(deps.metrics));

  registerOperationRoutes(app, deps);
  registerDecisionRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerOutcomeRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerDocRoutes(app);

  app.notFound((c) => problemResponse(c, new ApiError(404, 'not-found', 'Not found', `no route ${c.req.method} ${c.req.path}; see /docs`)));

  app.onError((error, c) => {
    if (error instanceof ApiError) return problemResponse(c, error);
    if (error instanceof StoreUnavailableError) {
      return problemResponse(
        c,
        new ApiError(503, 'store-unavailable', 'Store unavailable', `${error.message}; nothing of this request was stored, retry it`, {
          headers: { 'retry-after': String(error.retryAfterSeconds) },
        }),
      );
    }
    if (error instanceof HTTPException) {
      const malformed = /json/i.test(error.message);
      return problemResponse(
        c,
        new ApiError(error.status, malformed ? 'malformed-json' : 'bad-request', malformed ? 'Malformed JSON' : 'Bad request', `${error.message}: send a JSON body with Content-Type: application/json`, {
          errors: [{ field: 'body', message: error.message }],
        }),
      );
    }
    deps.logger.error('unhandled error', { requestId: c.get('requestId'), path: c.req.path, error: (error as Error).stack ?? String(error) });
    return problemResponse(c, new ApiError(500, 'internal', 'Internal error', `something failed on our side; quote request id ${c.get('requestId')}`));
  });

  return app;
}
