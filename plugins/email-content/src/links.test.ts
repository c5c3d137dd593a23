import { describe, expect, it } from 'vitest';
import { absoluteUrl, trackedUrl } from './links.ts';

const base = 'https://shop.example.com/';

describe('links', () => {
  it('adds the decision and product to a relative or absolute link', () => {
    expect(trackedUrl('/p/kettle', base, 'okd', 'd-1', { productId: 'p-kettle' })).toBe('https://shop.example.com/p/kettle?okd=d-1&okp=p-kettle');
    expect(trackedUrl('https://other.example.com/x?a=1', base, 'okd', 'd-1', { offerId: 'o-1' })).toBe('https://other.example.com/x?a=1&okd=d-1&oko=o-1');
  });

  it('uses the host\'s parameter names when configured', () => {
    const names = { decision: 'ok_decision', product: 'ok_product', offer: 'ok_offer' };
    expect(trackedUrl('/p/kettle', base, 'okd', 'd-1', { productId: 'p-kettle' }, names)).toBe('https://shop.example.com/p/kettle?ok_decision=d-1&ok_product=p-kettle');
  });

  it('writes UTM parameters when asked, and falls back to the base URL without a link', () => {
    expect(trackedUrl(undefined, base, 'utm', 'd 2', { productId: 'p&1' })).toBe('https://shop.example.com/?utm_source=omnikernel&utm_medium=email&utm_campaign=d+2&utm_content=p%261');
  });

  it('makes image URLs absolute', () => {
    expect(absoluteUrl('/images/kettle.jpg', base)).toBe('https://shop.example.com/images/kettle.jpg');
    expect(absoluteUrl('https://cdn.example.com/a.jpg', base)).toBe('https://cdn.example.com/a.jpg');
    expect(absoluteUrl(undefined, base)).toBeUndefined();
  });
});
