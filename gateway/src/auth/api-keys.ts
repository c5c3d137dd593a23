import { hash, timingSafeEqual } from 'node:crypto';
import type { Scope } from './scopes.ts';

export interface ApiKeySpec {
  readonly key: string;
  readonly scopes: readonly Scope[];
  /** A label for logs and metrics; the key itself is never logged. */
  readonly name?: string;
}

export interface Principal {
  readonly name: string;
  readonly scopes: ReadonlySet<Scope>;
}

// One-shot hashing: half the cost of createHash().update().digest(), and it runs on every request.
const digest = (value: string) => hash('sha256', value, 'buffer');

/**
 * Holds API keys as digests and checks a presented key against all of them in constant time
 * (every digest is compared, whatever matches first), so timing tells nothing about the keys.
 */
export class ApiKeyRing {
  readonly #entries: { digest: Buffer; principal: Principal }[];
  /**
   * Keys that authenticated, by the exact presented string: a caller sends the same key on every
   * request, and hashing it each time is a measurable share of a cached decision's cost. Only
   * accepted keys are remembered (bounded), so unknown keys always take the constant-time path.
   */
  readonly #accepted = new Map<string, Principal>();

  constructor(keys: readonly ApiKeySpec[]) {
    this.#entries = keys.map((k, i) => ({ digest: digest(k.key), principal: { name: k.name ?? `key-${i + 1}`, scopes: new Set(k.scopes) } }));
  }

  get size(): number {
    return this.#entries.length;
  }

  authenticate(presented: string): Principal | null {
    const known = this.#accepted.get(presented);
    if (known !== undefined) return known;
    const found = this.#compareAll(presented);
    if (found !== null) {
      if (this.#accepted.size >= 1024) this.#accepted.clear();
      this.#accepted.set(presented, found);
    }
    return found;
  }

  #compareAll(presented: string): Principal | null {
    const candidate = digest(presented);
    let found: Principal | null = null;
    for (const entry of this.#entries) {
      if (timingSafeEqual(entry.digest, candidate)) found = entry.principal;
    }
    return found;
  }
}

/** True when the principal holds the scope (or `admin`). */
export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has('admin') || principal.scopes.has(scope);
}

/** The key from `Authorization: Bearer <key>` or `Basic base64(user:key)` (the password is the key). */
export function presentedKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.split(/\s+/, 2);
  if (!value) return null;
  if (/^bearer$/i.test(scheme ?? '')) return value.trim();
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}
