import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/problem.ts';
import { hasScope, presentedKey, type ApiKeyRing } from '../auth/api-keys.ts';
import type { Scope } from '../auth/scopes.ts';

/**
 * Requires an API key with `scope`. 401 without a valid key (with `WWW-Authenticate`), 403 with a
 * key that lacks the scope. Routes reachable by signed URL token check that token themselves first.
 */
export function requireScope(keys: ApiKeyRing, scope: Scope): MiddlewareHandler {
  return async function requireScopeMiddleware(c, next) {
    if (c.get('tokenSubject')) return next();
    const key = presentedKey(c.req.header('authorization'));
    const principal = key ? keys.authenticate(key) : null;
    if (!principal) {
      throw new ApiError(401, 'unauthorized', 'Unauthorized', key ? 'the API key is not valid' : 'send an API key: Authorization: Bearer <key>', {
        headers: { 'www-authenticate': 'Bearer realm="omnikernel", Basic realm="omnikernel"' },
      });
    }
    if (!hasScope(principal, scope)) throw new ApiError(403, 'forbidden', 'Forbidden', `this API key lacks the '${scope}' scope`, { requiredScope: scope });
    c.set('principal', principal.name);
    await next();
  };
}
