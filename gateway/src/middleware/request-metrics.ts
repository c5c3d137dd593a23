import type { MiddlewareHandler } from 'hono';
import type { GatewayMetrics } from '../metrics.ts';

/** Counts requests and times them by route pattern (never by raw path: ids would explode the labels). */
export function requestMetrics(metrics: GatewayMetrics): MiddlewareHandler {
  return async function requestMetricsMiddleware(c, next) {
    const started = performance.now();
    await next();
    const route = c.req.routePath || 'unmatched';
    metrics.requests.inc({ route, method: c.req.method, status: String(c.res.status) });
    metrics.duration.observe({ route, method: c.req.method }, (performance.now() - started) / 1000);
  };
}
