import type { Profile } from '@omnikernel/sdk';
import type { ChannelDecision } from '@omnikernel/kernel';
import { formatPrice } from '../shared/format-price.ts';
import { truncateText } from '../shared/truncate-text.ts';

/** A Connect attribute map: flat, string values only (a STRING_MAP response). */
export type AttributeMap = Record<string, string>;

/** Longest script sent: about a minute read aloud, and room in the 32 KB budget for the rest. */
export const MAX_SCRIPT_CHARS = 1_000;
const MAX_TEXT_CHARS = 500;
const MAX_NAME_CHARS = 200;

/**
 * The decision as Connect attributes, `ok_`-prefixed so they never collide with a flow's own.
 * Every key is always present (empty when there is nothing), so "Check contact attributes" blocks
 * can compare without first testing for existence. Recommendations come in the decision's order
 * as `ok_rec_<n>_id|name|price`, n from 1. Rendered once per decision and locale.
 *
 * @example
 * decisionAttributes(decision, 'en').ok_nbo_title; // '10 % off your basket'
 */
export function decisionAttributes(decision: ChannelDecision, locale: string): AttributeMap {
  const nbo = decision.nextBestOffer;
  const map: AttributeMap = {
    ok_decisionId: decision.decisionId,
    ok_nbo_id: nbo?.offerId ?? '',
    ok_nbo_title: truncateText(nbo?.title ?? '', MAX_NAME_CHARS),
    ok_nbo_script: truncateText(nbo?.script ?? '', MAX_SCRIPT_CHARS),
    ok_nbo_reasons: truncateText((nbo?.reasons ?? []).join('; '), MAX_TEXT_CHARS),
    ok_leadScore: insight(decision, 'leadScore'),
    ok_leadBand: insight(decision, 'leadBand'),
    ok_degraded: decision.degraded.length > 0 ? 'true' : 'false',
    ok_validUntil: decision.validUntil,
    ok_rec_count: String(decision.recommendations.length),
  };
  decision.recommendations.forEach((item, i) => {
    map[`ok_rec_${i + 1}_id`] = item.productId;
    map[`ok_rec_${i + 1}_name`] = truncateText(item.name, MAX_NAME_CHARS);
    map[`ok_rec_${i + 1}_price`] = formatPrice(item.price, item.currency, locale);
  });
  return map;
}

/**
 * Who is calling, from the profile (read per request: traits change without a new decision).
 * `fallback` means the lookup failed and the default offer is served instead.
 */
export function callerAttributes(status: 'known' | 'unknown' | 'fallback', customerId: string | null, profile: Profile | null): AttributeMap {
  const firstName = profile?.traits.firstName;
  return {
    ok_status: status,
    ok_customerId: customerId ?? '',
    ok_firstName: typeof firstName === 'string' ? truncateText(firstName, MAX_NAME_CHARS) : '',
    ok_crmId: profile?.identifiers.crmId?.[0] ?? '',
  };
}

function insight(decision: ChannelDecision, key: string): string {
  const value = decision.insights[key];
  return value === undefined ? '' : String(value);
}
