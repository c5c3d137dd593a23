import { boundedMemo } from './bounded-memo.ts';

/**
 * A price as people read it, in the product's own currency (`€29.99`, `£12.00`). The amount is the
 * catalog's, unchanged; only its display depends on the locale, so every channel shows the same price.
 *
 * @example
 * formatPrice(29.99, 'EUR', 'en'); // '€29.99'
 */
export function formatPrice(amount: number, currency: string | undefined, locale: string): string {
  if (!Number.isFinite(amount)) return '';
  if (!currency) return amount.toFixed(2);
  const format = currencyFormat(`${locale} ${currency}`);
  // A currency code Intl does not know still shows its amount and code rather than nothing.
  return format ? format.format(amount) : `${amount.toFixed(2)} ${currency}`;
}

// Making an Intl.NumberFormat costs tens of µs, and a screen pop shows a dozen prices.
const currencyFormat = boundedMemo(256, (key): Intl.NumberFormat | null => {
  const [locale, currency] = key.split(' ') as [string, string];
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return null;
  }
});
