import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@omnikernel/sdk';
import { absoluteUrl, trackedUrl, type Tracking, type TrackingParams } from './links.ts';

/** The original implementation, which every link must still match. */
function original(url: string | undefined, baseUrl: string, tracking: Tracking, decisionId: string, target: { productId?: string; offerId?: string }, names: TrackingParams): string {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', baseUrl);
  } catch {
    parsed = new URL(baseUrl);
  }
  const id = target.productId ?? target.offerId ?? '';
  if (tracking === 'utm') {
    parsed.searchParams.set('utm_source', 'omnikernel');
    parsed.searchParams.set('utm_medium', 'email');
    parsed.searchParams.set('utm_campaign', decisionId);
    if (id) parsed.searchParams.set('utm_content', id);
  } else {
    parsed.searchParams.set(names.decision, decisionId);
    if (target.productId) parsed.searchParams.set(names.product, target.productId);
    if (target.offerId) parsed.searchParams.set(names.offer, target.offerId);
  }
  return parsed.toString();
}

describe('tracked links', () => {
  it('are what setting each parameter through URLSearchParams gives, for 5,000 random links', () => {
    const r = createSeededRandom('links');
    const pick = <T>(values: readonly T[]): T => values[Math.floor(r.next() * values.length)] as T;
    const urls = [undefined, '', '/p/kettle', 'p/kettle', '/p/k%C3%A9ttle', '/p/kéttle', '/p/kettle?a=1', '/p/kettle?', '/p/kettle#top', 'https://other.example.com/x', 'https://other.example.com', 'HTTPS://Other.Example.com/./a/../b', 'mailto:shop@example.com', 'http://[::1', '//cdn.example.com/x', ' /spaced ', '/a b', '?q=1', '#frag'];
    const bases = ['https://shop.example.com/', 'https://shop.example.com/fr/', 'https://shop.example.com/fr/index.html?x=1#y', 'http://localhost:3000'];
    const ids = ['dec_01M84WW99S4E45E6AXZD9EQVJN', 'p-0093', 'p_1.2*', 'd 2', 'p&1', 'é', '', 'a+b', '~x'];
    const nameSets: TrackingParams[] = [
      { decision: 'okd', product: 'okp', offer: 'oko' },
      { decision: 'ok_decision', product: 'ok_product', offer: 'ok_offer' },
      { decision: 'same', product: 'same', offer: 'o' },
      { decision: 'o k', product: 'p', offer: 'o' },
    ];
    for (let n = 0; n < 5_000; n++) {
      const args = [pick(urls), pick(bases), pick<Tracking>(['okd', 'utm']), pick(ids), pick([{ productId: pick(ids) }, { offerId: pick(ids) }, {}, { productId: pick(ids), offerId: pick(ids) }]), pick(nameSets)] as const;
      expect(trackedUrl(...args)).toBe(original(...args));
    }
  });

  it('resolve images as before, a URL that cannot be parsed giving none', () => {
    expect(absoluteUrl('http://[::1', 'https://shop.example.com/')).toBeUndefined();
    expect(absoluteUrl('/a b', 'https://shop.example.com/')).toBe(new URL('/a b', 'https://shop.example.com/').toString());
  });
});
