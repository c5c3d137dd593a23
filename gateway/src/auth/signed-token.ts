import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** What a signed URL token allows: one purpose, one customer, until it expires, once. */
export interface TokenClaims {
  readonly sub: string;
  readonly purpose: 'screen-pop' | 'email' | (string & Record<never, never>);
  readonly exp: number;
  readonly jti: string;
}

/**
 * Short-lived signed URL tokens for places that cannot send a header (an agent-desktop iframe, an
 * e-mail link), never a raw key. Each is scoped to one customer and one purpose and is accepted
 * once per instance (spent ids are remembered until they expire).
 */
export class TokenSigner {
  readonly #spent = new LRUCache<string, true>({ max: 100_000, ttl: 3_600_000 });

  constructor(private readonly secret: string, private readonly now: () => number = Date.now) {}

  sign(sub: string, purpose: TokenClaims['purpose'], ttlSeconds = 300): string {
    const claims: TokenClaims = { sub, purpose, exp: Math.floor(this.now() / 1000) + ttlSeconds, jti: randomBytes(9).toString('base64url') };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  /** The claims when the token is genuine, unexpired, for this purpose and unspent; it is spent by this call. */
  verify(token: string, purpose: TokenClaims['purpose']): TokenClaims | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.#mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return null;
    }
    if (claims.purpose !== purpose || claims.exp * 1000 < this.now() || this.#spent.has(claims.jti)) return null;
    this.#spent.set(claims.jti, true, { ttl: Math.max(1, claims.exp * 1000 - this.now()) });
    return claims;
  }

  #mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
