import { randomBytes } from 'node:crypto';
import { context, propagation, trace, type Context as OtelContext } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../deps.ts';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Honours W3C `traceparent`: the request runs in the caller's trace (through the registered
 * OpenTelemetry propagator when the host wires an SDK, or as a remote parent otherwise), and the
 * response names the trace it joined. A malformed header is ignored, never an error.
 */
export function traceContext(): MiddlewareHandler<GatewayEnv> {
  return async function traceContextMiddleware(c, next) {
    const header = c.req.header('traceparent');
    const match = header ? TRACEPARENT.exec(header) : null;
    if (!match) return next(); // nothing to join: no context switch on the hot path
    let parent: OtelContext = propagation.extract(context.active(), { traceparent: header });
    if (!trace.getSpanContext(parent)) {
      parent = trace.setSpanContext(parent, { traceId: match[1] as string, spanId: match[2] as string, traceFlags: Number.parseInt(match[3] as string, 16), isRemote: true });
    }
    const joined = `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
    c.set('traceparent', joined);
    await context.with(parent, next);
    if (!c.get('plainResponse')) c.res.headers.set('traceparent', joined);
  };
}
