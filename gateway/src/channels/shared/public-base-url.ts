import type { Context } from 'hono';
import type { GatewayDeps } from '../../deps.ts';

/**
 * The absolute base URL links and images are made from: `settings.publicUrl` when set (behind a
 * proxy the request's own origin is an internal address), else the origin the request came to.
 * Never ends with a slash.
 */
export function publicBaseUrl(deps: GatewayDeps, c: Context): string {
  return (deps.settings.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/**
 * `url` made absolute against `base`; `undefined` unless it is http(s), so a catalog value such as
 * `javascript:…` can never become a link or an image source.
 */
export function absoluteUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, `${base}/`);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** `url` with query parameters added (existing ones kept), e.g. the decision id for attribution. */
export function withParams(url: string, params: Readonly<Record<string, string>>): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(params)) u.searchParams.set(key, value);
  return u.href;
}
