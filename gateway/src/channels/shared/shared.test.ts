import { describe, expect, it } from 'vitest';
import { channelIdentifiers } from './channel-identifiers.ts';
import { escapeHtml } from './escape-html.ts';
import { formatPrice } from './format-price.ts';
import { displayLocale } from './locale.ts';
import { absoluteUrl, withParams } from './public-base-url.ts';
import { truncateText } from './truncate-text.ts';

describe('channel helpers', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('formats prices in the product currency, and survives an unknown currency code', () => {
    expect(formatPrice(29.99, 'EUR', 'en')).toBe('€29.99');
    expect(formatPrice(12, 'GBP', 'en-GB')).toBe('£12.00');
    expect(formatPrice(5, 'XYZ1', 'en')).toBe('5.00 XYZ1');
    expect(formatPrice(5, undefined, 'en')).toBe('5.00');
  });

  it('canonicalises display locales and falls back to en', () => {
    expect(displayLocale('es_es')).toBe('es-ES');
    expect(displayLocale('not a locale!')).toBe('en');
    expect(displayLocale(undefined)).toBe('en');
  });

  it('truncates at a word boundary with an ellipsis, never mid-character', () => {
    expect(truncateText('Hello Ana. Your basket is waiting.', 20)).toBe('Hello Ana. Your…');
    expect(truncateText('short', 20)).toBe('short');
    expect(Array.from(truncateText('😀'.repeat(50), 10)).length).toBeLessThanOrEqual(10);
    expect(truncateText('First sentence is right here. Second one.', 35)).toBe('First sentence is right here.');
  });

  it('keeps only usable identifiers, restoring a + that URL decoding turned into a space', () => {
    expect(channelIdentifiers({ phone: 'anonymous', email: '' }, 'GB')).toEqual({});
    expect(channelIdentifiers({ phone: ' 34600123456' }, 'GB')).toEqual({ phone: '+34600123456' });
    expect(channelIdentifiers({ phone: 'tel: 34600123456' }, 'GB')).toEqual({ phone: '+34600123456' });
    expect(channelIdentifiers({ phone: '07911 123456', email: ' Ana@Example.COM ', other: 'x' }, 'GB')).toEqual({ phone: '+447911123456', email: 'ana@example.com' });
  });

  it('makes http(s) URLs absolute and refuses other schemes', () => {
    expect(absoluteUrl('/p/1', 'https://shop.example.com')).toBe('https://shop.example.com/p/1');
    expect(absoluteUrl('javascript:alert(1)', 'https://shop.example.com')).toBeUndefined();
    expect(absoluteUrl(undefined, 'https://shop.example.com')).toBeUndefined();
    expect(withParams('https://x.io/p?ref=a', { ok_decision: 'dec_1' })).toBe('https://x.io/p?ref=a&ok_decision=dec_1');
  });
});
