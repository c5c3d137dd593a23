// One formatter per locale and currency: building one costs tens of microseconds, and they are immutable.
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A price as the locale writes it in the product's currency (`€18.50`, `£6.50` in en-GB;
 * `18,50 €` in es-ES). An unknown currency code is written after the amount.
 */
export function formatPrice(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    if (formatters.size >= 256) formatters.clear();
    formatters.set(key, f);
  }
  return f.format(amount);
}
