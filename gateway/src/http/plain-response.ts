import type { Context } from 'hono';
import type { GatewayEnv } from '../deps.ts';

const encoder = new TextEncoder();

/** UTF-8 bytes of a body, encoded once and then written as they are. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * A response whose headers are one plain object, the request id and the joined trace included.
 * @hono/node-server writes a plain header object straight to the socket; `c.header()` and
 * `c.body(…, headers)` with several headers go through a `Headers` instance and a conversion per
 * response. For the routes every page view calls (current decisions), that is measurable.
 */
export function plainResponse(c: Context<GatewayEnv>, body: Uint8Array<ArrayBuffer> | string | null, status: number, headers: Record<string, string>): Response {
  const all: Record<string, string> = { 'x-request-id': c.get('requestId'), ...headers };
  const traceparent = c.get('traceparent');
  if (traceparent !== undefined) all.traceparent = traceparent;
  c.set('plainResponse', true);
  return new Response(body, { status, headers: all });
}
