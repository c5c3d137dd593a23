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
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A currency code Intl does not know still shows its amount and code rather than nothing.
    return `${amount.toFixed(2)} ${currency}`;
  }
}
