import type { Identifiers } from '@omnikernel/sdk';
import type { MiddlewareHandler } from 'hono';
import type { GatewayDeps, GatewayEnv } from '../../deps.ts';
import { ApiError } from '../../http/problem.ts';
import { isAnonymous } from '../shared/channel-identifiers.ts';
import { expiredLinkPage } from './render-html.ts';
import { htmlHeaders } from './html-headers.ts';

export const SCREEN_POP_PURPOSE = 'screen-pop';
/** The subject of a link made for a caller no customer matches: it shows the default offer only. */
export const UNKNOWN_CALLER_SUBJECT = '*unknown';

/**
 * Accepts a signed `?token=` in place of an API key, for the agent desktop's iframe that cannot
 * send a header. The token is spent here (one use); the route then checks that the customer it
 * shows is the one the token was made for. Without `token` the API key check runs as usual.
 */
export function screenPopToken(deps: GatewayDeps): MiddlewareHandler<GatewayEnv> {
  return async function screenPopTokenMiddleware(c, next) {
    const token = c.req.query('token');
    if (token === undefined) return next();
    const claims = deps.signer.verify(token, SCREEN_POP_PURPOSE);
    if (!claims) {
      if (c.req.query('format') === 'html') return c.body(expiredLinkPage(), 401, htmlHeaders());
      throw new ApiError(401, 'invalid-token', 'Invalid link', 'the signed link has expired, was already used, or is not a screen-pop link; ask for a new one (POST /v1/channels/contact-center/screen-pop-links)');
    }
    c.set('tokenSubject', claims.sub);
    await next();
  };
}

/**
 * 403 unless the identifiers name the token's customer (following merges: a customer merged since
 * the link was made is still the same person), or name nobody for an unknown-caller link.
 */
export async function assertTokenCovers(deps: GatewayDeps, subject: string, identifiers: Identifiers): Promise<void> {
  const forbidden = () => new ApiError(403, 'forbidden', 'Forbidden', 'this link was made for another customer');
  if (subject === UNKNOWN_CALLER_SUBJECT) {
    if (!isAnonymous(identifiers)) throw forbidden();
    return;
  }
  if (isAnonymous(identifiers)) throw forbidden();
  const shown = await deps.store.resolve(identifiers);
  if (shown === null) throw forbidden();
  if (shown !== subject && shown !== (await deps.store.resolve({ customerId: subject }))) throw forbidden();
}
