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
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', baseUrl);
  } catch {
    parsed = new URL(baseUrl);
  }
  const id = target.productId ?? target.offerId ?? '';
  if (tracking === 'utm') {
    parsed.searchParams.set('utm_source', 'omnikernel');
    parsed.searchParams.set('utm_medium', 'email');
    parsed.searchParams.set('utm_campaign', decisionId);
    if (id) parsed.searchParams.set('utm_content', id);
  } else {
    parsed.searchParams.set(names.decision, decisionId);
    if (target.productId) parsed.searchParams.set(names.product, target.productId);
    if (target.offerId) parsed.searchParams.set(names.offer, target.offerId);
  }
  return parsed.toString();
}

/** An absolute URL for an image (relative to `baseUrl`), or undefined without one. */
export function absoluteUrl(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, baseUrl).toString();
  } catch {
    return undefined;
  }
}
