import { randomBytes } from 'node:crypto';
import { context, propagation, trace, type Context as OtelContext } from '@opentelemetry/api';
import type { Context } from 'hono';
import type { GatewayEnv } from '../deps.ts';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Honours W3C `traceparent`: the request runs in the caller's trace (through the registered
 * OpenTelemetry propagator when the host wires an SDK, or as a remote parent otherwise), and the
 * response names the trace it joined. A malformed header is ignored, never an error. Null when
 * there is nothing to join: no context switch on the hot path.
 */
export function joinTrace(c: Context<GatewayEnv>): { joined: string; run<T>(fn: () => Promise<T>): Promise<T> } | null {
  const header = c.req.header('traceparent');
  const match = header ? TRACEPARENT.exec(header) : null;
  if (!match) return null;
  let parent: OtelContext = propagation.extract(context.active(), { traceparent: header });
  if (!trace.getSpanContext(parent)) {
    parent = trace.setSpanContext(parent, { traceId: match[1] as string, spanId: match[2] as string, traceFlags: Number.parseInt(match[3] as string, 16), isRemote: true });
  }
  const joined = `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
  c.set('traceparent', joined);
  return { joined, run: (fn) => context.with(parent, fn) };
}
