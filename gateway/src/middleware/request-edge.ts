import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../deps.ts';
import type { GatewayMetrics } from '../metrics.ts';
import { requestIdOf } from './request-id.ts';
import { joinTrace } from './trace-context.ts';

/**
 * What every request gets on its way in and out, in one middleware: the request id, the caller's
 * trace joined, and the request counted and timed. One layer instead of three: each layer is a
 * promise and a closure per request, and on a cached decision those are a measurable share.
 */
export function requestEdge(metrics: GatewayMetrics): MiddlewareHandler<GatewayEnv> {
  return async function requestEdgeMiddleware(c, next) {
    const started = performance.now();
    const id = requestIdOf(c);
    const traced = joinTrace(c);
    if (traced === null) await next();
    else await traced.run(next);
    if (!c.get('plainResponse')) {
      c.res.headers.set('x-request-id', id);
      if (traced !== null) c.res.headers.set('traceparent', traced.joined);
    }
    metrics.requestDone(c.req.routePath || 'unmatched', c.req.method, c.res.status, (performance.now() - started) / 1000);
  };
}
