import { createPairMemo } from '@omnikernel/sdk';

/** How links carry the decision: omnikernel's own parameters, or UTM ones. */
export type Tracking = 'okd' | 'utm';

/** The names of omnikernel's own link parameters. */
export interface TrackingParams {
  readonly decision: string;
  readonly product: string;
  readonly offer: string;
}

const DEFAULT_PARAMS: TrackingParams = { decision: 'okd', product: 'okp', offer: 'oko' };

/**
 * An absolute URL (relative ones resolve against `baseUrl`) with the decision id and the
 * product or offer it points at, so a click is attributed to the decision whichever ESP sent it:
 * `okd=<decisionId>&okp=<productId>` (or `oko=<offerId>`; the names are configurable), or
 * `utm_campaign=<decisionId>&utm_content=<id>`.
 * Returns `baseUrl` itself when the URL cannot be parsed.
 */
export function trackedUrl(
  url: string | undefined,
  baseUrl: string,
  tracking: Tracking,
  decisionId: string,
  target: { productId?: string; offerId?: string },
  names: TrackingParams = DEFAULT_PARAMS,
): string {
  const href = resolved(url ?? '', baseUrl) ?? resolved(baseUrl, undefined);
  // A link without query or fragment, and parameters the form encoding leaves as they are (ids,
  // names): setting them one by one through URLSearchParams (~5 µs a link, re-serialising the URL
  // each time) gives exactly this, names being distinct. Anything else takes that road.
  if (href !== null && !href.includes('?') && !href.includes('#')) {
    const query = plainQuery(tracking, decisionId, target, names);
    if (query !== null) return query === '' ? href : `${href}?${query}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', baseUrl);
  } catch {
    parsed = new URL(baseUrl);
  }
  for (const [k, v] of trackingParams(tracking, decisionId, target, names)) parsed.searchParams.set(k, v);
  return parsed.toString();
}

/** `k=v&…` of the tracking parameters when every name and value is plain and the names distinct; else null. */
function plainQuery(tracking: Tracking, decisionId: string, target: { productId?: string; offerId?: string }, names: TrackingParams): string | null {
  if (tracking === 'okd') {
    const { productId, offerId } = target;
    if (!isPlain(names.decision) || !isPlain(decisionId)) return null;
    let query = `${names.decision}=${decisionId}`;
    if (productId) {
      if (!isPlain(names.product) || !isPlain(productId) || names.product === names.decision) return null;
      query += `&${names.product}=${productId}`;
    }
    if (offerId) {
      if (!isPlain(names.offer) || !isPlain(offerId) || names.offer === names.decision || (productId && names.offer === names.product)) return null;
      query += `&${names.offer}=${offerId}`;
    }
    return query;
  }
  const params = trackingParams(tracking, decisionId, target, names);
  if (!params.every(([k, v]) => isPlain(k) && isPlain(v))) return null;
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}

/** What application/x-www-form-urlencoded writes unchanged. */
const PLAIN = /^[A-Za-z0-9*._-]*$/;
const isPlain = (value: string) => PLAIN.test(value);

function trackingParams(tracking: Tracking, decisionId: string, target: { productId?: string; offerId?: string }, names: TrackingParams): [string, string][] {
  const id = target.productId ?? target.offerId ?? '';
  if (tracking === 'utm') return [['utm_source', 'omnikernel'], ['utm_medium', 'email'], ['utm_campaign', decisionId], ...(id ? [['utm_content', id] as [string, string]] : [])];
  return [[names.decision, decisionId], ...(target.productId ? [[names.product, target.productId] as [string, string]] : []), ...(target.offerId ? [[names.offer, target.offerId] as [string, string]] : [])];
}

// Links repeat (a catalog's product pages, one base URL): each is resolved once. Null: not a URL.
// Kept by base, then by URL: the catalog's own strings are the keys, whose hashes V8 keeps, where
// a key joined from both would be a new string to hash on every link.
const hrefs = createPairMemo<string | undefined, string, string | null>(10_000);

function hrefOf(base: string | undefined, url: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

function resolved(url: string, base: string | undefined): string | null {
  return hrefs.get(base, url, hrefOf);
}

/** An absolute URL for an image (relative to `baseUrl`), or undefined without one. */
export function absoluteUrl(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  return resolved(url, baseUrl) ?? undefined;
}
