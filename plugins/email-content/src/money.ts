// One formatter per locale and currency: building one costs tens of microseconds, and they are immutable.
const formatters = new Map<string, Intl.NumberFormat>();
// Prices repeat (a catalog holds a few hundred), and `format` costs a microsecond or two each time:
// each locale and currency keeps the strings it wrote, by amount.
const written = new Map<string, Map<number, string>>();
const WRITTEN_PER_FORMAT = 4096;

/**
 * A price as the locale writes it in the product's currency (`€18.50`, `£6.50` in en-GB;
 * `18,50 €` in es-ES). An unknown currency code is written after the amount.
 */
export function formatPrice(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let byAmount = written.get(key);
  // Map keys do not tell -0 from 0, which a locale may write as "-€0.00": -0 is never remembered.
  const negativeZero = Object.is(amount, -0);
  const known = negativeZero ? undefined : byAmount?.get(amount);
  if (known !== undefined) return known;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    if (formatters.size >= 256) {
      formatters.clear();
      written.clear();
    }
    formatters.set(key, f);
  }
  const text = f.format(amount);
  if (negativeZero) return text;
  if (byAmount === undefined) written.set(key, (byAmount = new Map()));
  if (byAmount.size >= WRITTEN_PER_FORMAT) byAmount.clear();
  byAmount.set(amount, text);
  return text;
}
