import { describe, expect, it } from 'vitest';
import { formatPrice } from './money.ts';

describe('formatPrice', () => {
  it('writes a price in the product\'s currency, the locale\'s way', () => {
    expect(formatPrice(18.5, 'EUR', 'en-GB')).toBe('€18.50');
    expect(formatPrice(6.5, 'GBP', 'en-GB')).toBe('£6.50');
    expect(formatPrice(1499, 'EUR', 'es-ES').replace(/\s/g, ' ')).toBe('1499,00 €');
    expect(formatPrice(1499, 'MXN', 'es-MX')).toBe('$1,499.00');
  });

  it('writes an unknown currency code after the amount', () => {
    expect(formatPrice(5, 'NOT-A-CODE', 'en-GB')).toBe('5.00 NOT-A-CODE');
  });
});

describe('formatPrice, remembered', () => {
  it('writes what a fresh Intl.NumberFormat writes, on first and later calls, for -0 too', () => {
    for (const [locale, currency] of [['en-GB', 'EUR'], ['es-ES', 'EUR'], ['en-GB', 'GBP'], ['de-DE', 'JPY']] as const) {
      const fresh = new Intl.NumberFormat(locale, { style: 'currency', currency });
      for (const amount of [0, -0, 0.5, 18.5, 1499, 1e9, -3.25, Number.NaN, 0, -0, 18.5]) expect(formatPrice(amount, currency, locale)).toBe(fresh.format(amount));
    }
  });
});
