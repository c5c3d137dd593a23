import { boundedMemo } from './bounded-memo.ts';

export const DEFAULT_LOCALE = 'en';

/**
 * A BCP 47 locale for display, canonicalised; anything unusable becomes `en`. The locale only
 * changes how prices and dates are written, never the decision. Canonical tags keep the number of
 * per-decision renderings small (`en-gb` and `en-GB` are one).
 */
export function displayLocale(raw: string | undefined | null): string {
  if (!raw || raw.length > 35) return DEFAULT_LOCALE;
  return canonicalLocale(raw);
}

// Canonicalising and asking Intl for support costs tens of µs; callers send few distinct tags.
const canonicalLocale = boundedMemo(256, (raw) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'));
    return canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
});
