import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const SAFE = /^[\w.:-]{1,128}$/;

/**
 * Every response carries a request id: the caller's `x-request-id` when it is safe to echo,
 * otherwise a new one.
 */
export function requestId(): MiddlewareHandler {
  return async function requestIdMiddleware(c, next) {
    const given = c.req.header('x-request-id');
    const id = given && SAFE.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.header('x-request-id', id);
    await next();
  };
}
