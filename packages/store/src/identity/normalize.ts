import { IDENTIFIER_TYPES } from '@omnikernel/sdk';
import type { IdentifierType, Identifiers } from '@omnikernel/sdk';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

/** Options of identifier normalisation. */
export interface NormalizeOptions {
  /** ISO 3166 region used for national phone numbers (`07911 123456` in `GB`). Default `GB`. */
  readonly defaultRegion?: string;
}

export const DEFAULT_REGION = 'GB';

/** Longest identifier value kept; longer ones are not identifiers but payloads. */
const MAX_ID_LENGTH = 256;

// Contact-center platforms put these where the caller's number would be when it is hidden.
const WITHHELD = new Set(['anonymous', 'withheld', 'private', 'unknown', 'restricted', 'unavailable', 'none', 'null']);

// Deliberately loose: RFC 5322 is wider than any ESP accepts; this only rejects what cannot be an address.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Normalise an e-mail address: trimmed and lower-cased; `null` when it is not an address.
 *
 * @example
 * normalizeEmail('  Ana@Example.COM '); // 'ana@example.com'
 */
export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return value.length <= MAX_ID_LENGTH && EMAIL.test(value) ? value : null;
}

/**
 * Normalise a phone number to E.164. Accepts `tel:` and `sip:` URIs, spaces and dashes, national
 * numbers in `defaultRegion`. A withheld, anonymous or invalid number is no identifier: `null`,
 * never a throw (a contact-center call from a hidden number must still be served).
 *
 * @example
 * normalizePhone('sip:+34600123456@pbx.example.com;user=phone'); // '+34600123456'
 * normalizePhone('07911 123456', { defaultRegion: 'GB' });      // '+447911123456'
 * normalizePhone('anonymous');                                   // null
 */
export function normalizePhone(raw: string, options: NormalizeOptions = {}): string | null {
  // Parsing with libphonenumber costs tens of microseconds and the same callers' numbers come
  // back on every call: remember recent answers (a pure function of the input and the region).
  const key = `${options.defaultRegion ?? DEFAULT_REGION}|${raw}`;
  const known = recentPhones.get(key);
  if (known !== undefined) return known;
  const normalized = parsePhone(raw, options);
  if (recentPhones.size >= 20_000) recentPhones.clear();
  recentPhones.set(key, normalized);
  return normalized;
}

const recentPhones = new Map<string, string | null>();

function parsePhone(raw: string, options: NormalizeOptions): string | null {
  const value = stripUri(raw.trim());
  if (value === '' || WITHHELD.has(value.toLowerCase())) return null;
  if (!/\d/.test(value) || value.length > 64) return null;
  try {
    const parsed = parsePhoneNumberFromString(value, (options.defaultRegion ?? DEFAULT_REGION) as CountryCode);
    return parsed?.isValid() ? parsed.number : null;
  } catch {
    // libphonenumber throws on some malformed input; a bad number is simply no identifier.
    return null;
  }
}

/** `tel:+34…;ext=1` → `+34…`; `sip:+34…@host;user=phone` → `+34…`. */
function stripUri(value: string): string {
  let v = value.replace(/^(tel|sips?):/i, '');
  if (v !== value) {
    v = v.split('@')[0] ?? '';
    v = v.split(';')[0] ?? '';
  }
  return v.replace(/[\s\-().]/g, '');
}

/** Normalise one identifier of any type; `null` when it is not usable. */
export function normalizeIdentifier(type: IdentifierType, raw: unknown, options: NormalizeOptions = {}): string | null {
  if (typeof raw !== 'string') return null;
  if (type === 'email') return normalizeEmail(raw);
  if (type === 'phone') return normalizePhone(raw, options);
  const value = raw.trim();
  return value === '' || value.length > MAX_ID_LENGTH ? null : value;
}

/**
 * The usable identifiers of a set, normalised; unknown types and unusable values are dropped.
 *
 * @example
 * normalizeIdentifiers({ email: ' A@B.io ', phone: 'withheld' }); // { email: 'a@b.io' }
 */
export function normalizeIdentifiers(ids: Identifiers, options: NormalizeOptions = {}): Identifiers {
  const out: Partial<Record<IdentifierType, string>> = {};
  for (const type of IDENTIFIER_TYPES) {
    const value = normalizeIdentifier(type, ids[type], options);
    if (value !== null) out[type] = value;
  }
  return out;
}

/** `[type, value]` pairs of normalised identifiers, in `IDENTIFIER_TYPES` order. */
export function identifierEntries(ids: Identifiers): Array<[IdentifierType, string]> {
  const out: Array<[IdentifierType, string]> = [];
  for (const type of IDENTIFIER_TYPES) {
    const value = ids[type];
    if (value !== undefined) out.push([type, value]);
  }
  return out;
}
