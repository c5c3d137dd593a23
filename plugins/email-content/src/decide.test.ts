import { createFrozenClock, createSeededRandom } from '@omnikernel/sdk';
import type { DraftDecision } from '@omnikernel/sdk';
import { FIXTURE_AT, defaultFixtures, fixtureCatalog, fixtureDecision } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { decideEmailContent } from './decide.ts';
import { type EmailContentOptions, emailContentOptionsSchema } from './options.ts';

const catalog = fixtureCatalog();
const browser = defaultFixtures()[1]!;
const draft = fixtureDecision(browser, catalog);
const logger = { debug() {}, info() {}, warn() {}, error() {} };

function compose(decision: DraftDecision | undefined, options: Partial<EmailContentOptions> = {}) {
  return decideEmailContent({
    profile: browser.profile, context: { channel: 'email' }, catalog, clock: createFrozenClock(FIXTURE_AT), random: createSeededRandom('e'),
    options: { ...emailContentOptionsSchema.parse({}), ...options }, signal: new AbortController().signal, snapshot: undefined, maxRecommendations: 10,
    ...(decision ? { decision } : {}), logger,
  });
}

describe('decideEmailContent', () => {
  it('builds a hero for the next best offer, a grid of four products and a text part', () => {
    const { content = [] } = compose(draft);
    expect(content.map((b) => [b.id, b.kind])).toEqual([['hero', 'hero'], ['grid', 'grid'], ['text', 'text']]);
    const [hero, grid, text] = content;
    expect(hero?.html).toContain('<h1 style="margin:0 0 8px;font-size:24px;line-height:1.25">Two-for-one coffee at lunch</h1>');
    expect(hero?.html).toContain('href="https://shop.example.com/?okd=d-fixture-web-browser&amp;oko=o-lunch-coffee"');
    expect(hero?.data).toMatchObject({ offerId: 'o-lunch-coffee', valueFormatted: '€4.00' });
    const items = (grid?.data as { items: { productId: string; price: string; url: string; imageUrl?: string }[] }).items;
    expect(items.map((i) => [i.productId, i.price])).toEqual([['p-espresso', '€499.00'], ['p-grinder', '€89.00'], ['p-beans', '€18.50'], ['p-milk-jug', '€12.00']]);
    expect(items[1]).toMatchObject({ url: 'https://shop.example.com/?okd=d-fixture-web-browser&okp=p-grinder', imageUrl: 'https://shop.example.com/images/grinder.jpg' });
    expect(items[0]?.url).toBe('https://shop.example.com/p/espresso?okd=d-fixture-web-browser&okp=p-espresso');
    expect(grid?.html?.match(/<tr><td width="50%"/g)).toHaveLength(2);
    // Only the text block carries text (a host joining every block's text repeats nothing); it adds nothing to the HTML.
    expect([hero?.text, grid?.text, text?.html]).toEqual([undefined, undefined, '']);
    expect(text?.text).toBe([
      'Two-for-one coffee at lunch',
      'Fixture offer 1',
      'See the offer: https://shop.example.com/?okd=d-fixture-web-browser&oko=o-lunch-coffee',
      '',
      'Picked for you',
      '- Barista Pro espresso machine, €499.00: https://shop.example.com/p/espresso?okd=d-fixture-web-browser&okp=p-espresso',
      '- Burr coffee grinder, €89.00: https://shop.example.com/?okd=d-fixture-web-browser&okp=p-grinder',
      '- House blend coffee beans 1 kg, €18.50: https://shop.example.com/?okd=d-fixture-web-browser&okp=p-beans',
      '- Milk frothing jug, €12.00: https://shop.example.com/?okd=d-fixture-web-browser&okp=p-milk-jug',
    ].join('\n'));
  });

  it('escapes every value that reaches HTML', () => {
    const candle = catalog.product('p-candle')!;
    const evil: DraftDecision = {
      ...draft,
      nextBestOffer: { ...draft.nextBestOffer!, title: '<img src=x onerror=alert(1)>', reasons: ['"quoted" & <b>bold</b>'] },
      recommendations: [{ ...draft.recommendations[0]!, productId: candle.id, name: candle.name, imageUrl: '/images/candle.jpg?a=1&b="2"' }],
    };
    const { content = [] } = compose(evil);
    const html = content.map((b) => b.html ?? '').join('');
    expect(html).not.toMatch(/<img src=x|<b>bold|"quoted"|Cedar>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Scented candle &lt;Fig &amp; Cedar&gt;');
    expect(html).toContain('src="https://shop.example.com/images/candle.jpg?a=1&amp;b=%222%22"');
  });

  it('follows the options: grid size, columns, locale, tracking and templates', () => {
    const { content = [] } = compose(draft, {
      gridSize: 3, columns: 3, locale: 'es-ES', tracking: 'utm',
      templates: { ...emailContentOptionsSchema.parse({}).templates, gridItem: '<span>{{name}} · {{price}}</span>' },
    });
    const grid = content.find((b) => b.kind === 'grid')!;
    expect(grid.html?.match(/<span>/g)).toHaveLength(3);
    expect(grid.html?.replace(/\u00a0/g, ' ')).toContain('<span>Burr coffee grinder · 89,00 €</span>'); // es-ES puts a no-break space before €
    expect(grid.data?.text).toContain('utm_campaign=d-fixture-web-browser&utm_content=p-grinder');
  });

  it('sends a plain fallback for an empty decision, and nothing without one', () => {
    const empty = fixtureDecision(defaultFixtures()[0]!, catalog);
    expect(compose(empty).content).toEqual([
      { id: 'text', kind: 'text', html: '<p style="font-family:Arial,Helvetica,sans-serif;font-size:16px;margin:16px">See what is new in our shop: https://shop.example.com/</p>', text: 'See what is new in our shop: https://shop.example.com/' },
    ]);
    expect(compose(undefined)).toEqual({});
  });
});
