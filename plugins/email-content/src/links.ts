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
  const params = trackingParams(tracking, decisionId, target, names);
  // A link without query or fragment, and parameters the form encoding leaves as they are (ids,
  // names): setting them one by one through URLSearchParams (~5 µs a link, re-serialising the URL
  // each time) gives exactly this, names being distinct. Anything else takes that road.
  const plain = params.every(([k, v]) => PLAIN.test(k) && PLAIN.test(v)) && new Set(params.map(([k]) => k)).size === params.length;
  if (href !== null && plain && !href.includes('?') && !href.includes('#')) {
    return params.length === 0 ? href : `${href}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', baseUrl);
  } catch {
    parsed = new URL(baseUrl);
  }
  for (const [k, v] of params) parsed.searchParams.set(k, v);
  return parsed.toString();
}

/** What application/x-www-form-urlencoded writes unchanged. */
const PLAIN = /^[A-Za-z0-9*._-]*$/;

function trackingParams(tracking: Tracking, decisionId: string, target: { productId?: string; offerId?: string }, names: TrackingParams): [string, string][] {
  const id = target.productId ?? target.offerId ?? '';
  if (tracking === 'utm') return [['utm_source', 'omnikernel'], ['utm_medium', 'email'], ['utm_campaign', decisionId], ...(id ? [['utm_content', id] as [string, string]] : [])];
  return [[names.decision, decisionId], ...(target.productId ? [[names.product, target.productId] as [string, string]] : []), ...(target.offerId ? [[names.offer, target.offerId] as [string, string]] : [])];
}

// Links repeat (a catalog's product pages, one base URL): each is resolved once. Null: not a URL.
const hrefs = new Map<string, string | null>();

function resolved(url: string, base: string | undefined): string | null {
  const key = `${base ?? ''}\n${url}`;
  let href = hrefs.get(key);
  if (href === undefined) {
    try {
      href = new URL(url, base).href;
    } catch {
      href = null;
    }
    if (hrefs.size >= 10_000) hrefs.clear();
    hrefs.set(key, href);
  }
  return href;
}

/** An absolute URL for an image (relative to `baseUrl`), or undefined without one. */
export function absoluteUrl(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  return resolved(url, baseUrl) ?? undefined;
}
