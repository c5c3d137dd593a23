import { IDENTIFIER_TYPES, type Identifiers } from '@omnikernel/sdk';
import { normalizeIdentifiers } from '@omnikernel/store';

/**
 * The usable identifiers among raw values a channel sent, normalised the way the store does
 * (e-mail lower-cased, phone to E.164 from `tel:`/`sip:` URIs). Empty values, withheld or
 * anonymous numbers and anything that is not an identifier are dropped, so `{}` means
 * "unknown caller" and the channel serves the default offer without touching the store.
 *
 * @example
 * channelIdentifiers({ phone: 'anonymous', email: '' }, 'GB'); // {}
 * channelIdentifiers({ phone: ' 34600123456' }, 'GB');         // { phone: '+34600123456' } (a '+' decoded as a space)
 */
export function channelIdentifiers(raw: Readonly<Record<string, unknown>>, defaultRegion: string): Identifiers {
  const picked: Record<string, string> = {};
  for (const type of IDENTIFIER_TYPES) {
    const value = raw[type];
    if (typeof value === 'string' && value.trim() !== '') picked[type] = type === 'phone' ? restorePlus(value) : value;
  }
  return normalizeIdentifiers(picked, { defaultRegion });
}

/**
 * CTI systems put `phone=+34600123456` in URLs unencoded, and form decoding turns the `+` into a
 * space. A space right before the digits (after an optional `tel:`/`sip:`) can only be that `+`.
 */
function restorePlus(value: string): string {
  return value.replace(/^(\s*(?:tel:|sips?:)?)\s+(?=\d)/i, (_, scheme: string) => `${scheme.trim()}+`);
}

/** True when there is nothing to look a customer up by. */
export function isAnonymous(identifiers: Identifiers): boolean {
  return Object.keys(identifiers).length === 0;
}
