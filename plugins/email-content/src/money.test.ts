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
