import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { GatewayEnv } from '../deps.ts';

const SAFE = /^[\w.:-]{1,128}$/;

/**
 * Every response carries a request id: the caller's `x-request-id` when it is safe to echo,
 * otherwise a new one. It is added on the way out (request-edge.ts), so a hot route that answers
 * with `plainResponse()` (which carries it in its one header object) never pays for a `Headers`
 * instance; every other response, errors included, gets it there.
 */
export function requestIdOf(c: Context<GatewayEnv>): string {
  const id = requestIdFrom(c.req.header('x-request-id'));
  c.set('requestId', id);
  return id;
}

/** The caller's request id when it is safe to echo, else a new one. */
export function requestIdFrom(given: string | undefined): string {
  return given && SAFE.test(given) ? given : randomUUID();
}
