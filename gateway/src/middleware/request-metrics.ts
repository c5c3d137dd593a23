import type { MiddlewareHandler } from 'hono';
import type { GatewayMetrics } from '../metrics.ts';

/** Counts requests and times them by route pattern (never by raw path: ids would explode the labels). */
export function requestMetrics(metrics: GatewayMetrics): MiddlewareHandler {
  return async function requestMetricsMiddleware(c, next) {
    const started = performance.now();
    await next();
    const route = c.req.routePath || 'unmatched';
    metrics.requestDone(route, c.req.method, c.res.status, (performance.now() - started) / 1000);
  };
}
