import type { Channel, Product, Store } from '@omnikernel/sdk';
import { FEATURED_PRODUCTS, productByName } from './catalog.ts';
import type { DemoContext } from './context.ts';
import { DEMO_CUSTOMERS, type FeaturedCustomer } from './customers.ts';
import {
  allIdentifiers,
  DAY,
  HistoryWriter,
  HOUR,
  identifierCache,
  lineItems,
  MINUTE,
  orderTotal,
  pointNear,
  type TimedEvents,
} from './history-writer.ts';
import { localInstant, weekdayDaysAgo } from './local-time.ts';
import { createRng, hashString } from './random.ts';

const SITE = 'https://demo.omnikernel.dev';

/** Where Lucía is now: about 300 m south-east of the Madrid Gran Vía store (towards Sol). */
export const LUCIA_LOCATION = { lat: 40.418, lon: -3.704 } as const;

/** A small script API over a HistoryWriter, for telling one customer's story. */
function story(customer: FeaturedCustomer, ctx: DemoContext) {
  const w = new HistoryWriter(customer.customerId, ctx.anchor - MINUTE);
  const place = { timezone: customer.timezone, country: customer.country };
  const p = (name: string): Product => productByName(ctx.products, name);
  const store = (id: string): Store => ctx.storeById.get(id) as Store;
  const at = (daysAgo: number, time: string): number => localInstant(ctx.anchor, daysAgo, time, customer.timezone);
  const ids = identifierCache(customer);
  return {
    w,
    p,
    store,
    at,
    signUp(t: number, channel: Channel, consent: Record<string, boolean>): void {
      w.emit('identify', channel, t, allIdentifiers(customer), {
        traits: { firstName: customer.firstName, lastName: customer.lastName, segment: customer.segment },
        ...place,
      });
      w.emit('consent_updated', channel, t + 2 * MINUTE, ids(channel, true), { consent });
    },
    page(t: number, channel: Channel, url: string): void {
      w.emit('page_viewed', channel, t, ids(channel), { url: `${SITE}${url}`, ...(channel === 'app' ? place : {}) });
    },
    view(t: number, channel: Channel, product: Product): void {
      w.emit('product_viewed', channel, t, ids(channel), { productId: product.id });
    },
    cart(t: number, channel: Channel, products: Product[]): void {
      w.emit('cart_updated', channel, t, ids(channel), { items: lineItems(products) });
    },
    abandon(t: number, channel: Channel, products: Product[]): void {
      w.emit('cart_abandoned', channel, t, ids(channel), { items: lineItems(products) });
    },
    buy(t: number, channel: Channel, products: Product[], storeId?: string): void {
      const items = lineItems(products);
      w.emit('purchase', channel, t, ids(channel, true), {
        orderId: w.nextOrderId(),
        items,
        ...(storeId ? { storeId } : {}),
        currency: 'EUR',
        total: orderTotal(items),
      });
    },
    visit(t: number, storeId: string): void {
      w.emit('store_visit', 'store', t, ids('store'), { storeId });
    },
    locate(t: number, point: { lat: number; lon: number }, accuracyM: number): void {
      w.emit('location', 'app', t, ids('app'), { lat: point.lat, lon: point.lon, accuracyM, ...place });
    },
    call(t: number, products: Product[], topics: string[], outcome: string, durationSec: number): void {
      w.emit('call', 'contact_center', t, ids('contact_center'), {
        productIds: products.map((x) => x.id),
        topics,
        outcome,
        durationSec,
      });
    },
    chat(t: number, channel: Channel, products: Product[], topics: string[], outcome: string): void {
      w.emit('chat', channel, t, ids(channel), { productIds: products.map((x) => x.id), topics, outcome, durationSec: 180 });
    },
    /** Opens of the newsletters sent in the last `days` days (every other one), and a click on `clickOn`. */
    newsletters(days: number, clickOn?: { product: Product; daysAgo: number }): void {
      let k = 0;
      for (const c of ctx.campaigns) {
        if (c.sentAt < ctx.anchor - days * DAY || k++ % 2 === 1) continue;
        const openedAt = c.sentAt + 3 * HOUR + 17 * MINUTE;
        if (openedAt < ctx.anchor - 3 * DAY) w.emit('email_opened', 'email', openedAt, ids('email'), { campaignId: c.campaignId });
      }
      if (clickOn) {
        const sent = [...ctx.campaigns].reverse().find((c) => c.sentAt <= ctx.anchor - clickOn.daysAgo * DAY);
        if (sent) {
          const t = Math.max(sent.sentAt + HOUR, ctx.anchor - clickOn.daysAgo * DAY);
          w.emit('email_opened', 'email', t, ids('email'), { campaignId: sent.campaignId });
          w.emit('email_clicked', 'email', t + 40_000, ids('email'), {
            campaignId: sent.campaignId,
            url: clickOn.product.url ?? `${SITE}/p/${clickOn.product.id}`,
          });
        }
      }
    },
  };
}

const FULL_CONSENT = { marketing: true, email: true, sms: false, personalization: true };

/** Lucía: coffee lover, buys at Gran Vía at lunch time, now ~300 m away from it. */
function lucia(ctx: DemoContext): HistoryWriter {
  const c = DEMO_CUSTOMERS.lunch;
  const s = story(c, ctx);
  const madrid = s.store(c.homeStoreId);
  const rng = createRng(hashString('demo-lunch'));
  const mokaPot = s.p('Napoli Moka Pot 6 cups');
  const cups = s.p(FEATURED_PRODUCTS.espressoCups);
  const grinder = s.p(FEATURED_PRODUCTS.grinder);
  const frother = s.p('Velvet Milk Frother');
  const mugs = s.p('Stoneware Mug Set of 4');

  const first = weekdayDaysAgo(ctx.anchor, 150, c.timezone);
  s.signUp(s.at(first, '13:05'), 'store', FULL_CONSENT);
  s.visit(s.at(first, '13:10'), madrid.id);
  s.buy(s.at(first, '13:25'), 'store', [mokaPot, cups], madrid.id);
  s.call(s.at(120, '18:40'), [mokaPot], ['warranty'], 'resolved', 312);

  s.page(s.at(60, '21:14'), 'app', '/c/coffee');
  s.view(s.at(60, '21:15'), 'app', frother);
  s.view(s.at(60, '21:17'), 'app', mugs);
  s.cart(s.at(60, '21:19'), 'app', [frother, mugs]);
  s.buy(s.at(60, '21:22'), 'app', [frother, mugs]);

  s.page(s.at(30, '22:02'), 'web', '/c/coffee');
  s.view(s.at(30, '22:03'), 'web', grinder);
  s.view(s.at(30, '22:06'), 'web', s.p('Milano Espresso Machine'));

  // Weekday lunch breaks at Gran Vía, the app reporting her on the way.
  for (const daysAgo of [21, 14, 7]) {
    const d = weekdayDaysAgo(ctx.anchor, daysAgo, c.timezone);
    s.locate(s.at(d, '13:02'), pointNear(madrid, 0.25 + rng.next() * 0.2, rng), 18);
    s.visit(s.at(d, '13:08'), madrid.id);
    if (daysAgo === 14) s.buy(s.at(d, '13:31'), 'store', [grinder], madrid.id);
  }
  s.view(s.at(5, '20:40'), 'app', s.p(FEATURED_PRODUCTS.espressoMachine));
  s.newsletters(90);
  // Now: ~300 m from the store, 10 minutes ago.
  s.locate(ctx.anchor - 10 * MINUTE, LUCIA_LOCATION, 15);
  return s.w;
}

/** James: views an espresso machine, abandons it in the cart, then calls about it. */
function james(ctx: DemoContext): HistoryWriter {
  const c = DEMO_CUSTOMERS.cart;
  const s = story(c, ctx);
  const machine = s.p(FEATURED_PRODUCTS.espressoMachine);
  const mugs = s.p('Speckled Mug Set of 4');
  const towel = s.p('Egyptian Cotton Bath Towel White');
  const anchor = ctx.anchor;

  s.signUp(s.at(120, '19:30'), 'web', FULL_CONSENT);
  s.page(s.at(75, '20:10'), 'web', '/c/tableware');
  s.view(s.at(75, '20:12'), 'web', mugs);
  s.cart(s.at(75, '20:15'), 'web', [mugs]);
  s.buy(s.at(75, '20:18'), 'web', [mugs]);
  s.visit(s.at(40, '17:45'), c.homeStoreId);
  s.buy(s.at(40, '18:05'), 'store', [towel], c.homeStoreId);
  s.newsletters(100, { product: machine, daysAgo: 6 });

  // The espresso machine: four looks in four days, on the web and in the app.
  s.view(anchor - 6 * DAY + 2 * MINUTE, 'web', machine);
  s.view(anchor - 4 * DAY - 3 * HOUR, 'app', machine);
  s.view(anchor - 3 * DAY - 5 * HOUR, 'web', s.p(FEATURED_PRODUCTS.grinder));
  s.view(anchor - 3 * DAY - 5 * HOUR + 3 * MINUTE, 'web', machine);
  s.chat(anchor - 3 * DAY - 5 * HOUR + 6 * MINUTE, 'web', [machine], ['product_question'], 'answered');
  s.page(anchor - 2 * DAY - 50 * MINUTE, 'web', '/c/coffee');
  s.view(anchor - 2 * DAY - 48 * MINUTE, 'web', machine);
  s.cart(anchor - 2 * DAY - 40 * MINUTE, 'web', [machine]);
  s.abandon(anchor - 2 * DAY, 'web', [machine]);
  // The next day he calls to ask about it.
  s.call(anchor - 1 * DAY - 2 * HOUR, [machine], ['product_question', 'delivery'], 'info_provided', 384);
  return s.w;
}

/** Sofía: buys in person at Polanco — a kettle, then a cookware set — and browses knives in the app. */
function sofia(ctx: DemoContext): HistoryWriter {
  const c = DEMO_CUSTOMERS.store;
  const s = story(c, ctx);
  const polanco = s.store(c.homeStoreId);
  const rng = createRng(hashString('demo-store'));
  const kettle = s.p(FEATURED_PRODUCTS.kettle);
  const cookwareSet = s.p(FEATURED_PRODUCTS.cookwareSet);
  const dinnerSet = s.p('Talavera 12-Piece Dinner Set');
  const knife = s.p(FEATURED_PRODUCTS.chefKnife);

  s.signUp(s.at(170, '12:20'), 'store', FULL_CONSENT);
  // She looked the dinner set up on the website before buying it in the store.
  s.page(s.at(97, '21:50'), 'web', '/c/tableware');
  s.view(s.at(97, '21:52'), 'web', dinnerSet);
  s.visit(s.at(95, '16:40'), polanco.id);
  s.buy(s.at(95, '17:02'), 'store', [dinnerSet], polanco.id);

  s.locate(s.at(40, '12:45'), pointNear(polanco, 0.4, rng), 25);
  s.visit(s.at(40, '12:55'), polanco.id);
  s.buy(s.at(40, '13:10'), 'store', [kettle], polanco.id);

  s.page(s.at(25, '21:30'), 'app', '/c/cookware');
  s.view(s.at(25, '21:31'), 'app', cookwareSet);
  s.view(s.at(25, '21:34'), 'app', s.p('Copper Core 7-Piece Cookware Set'));
  s.chat(s.at(25, '21:38'), 'app', [cookwareSet], ['stock', 'store_hours'], 'answered');

  s.locate(s.at(12, '17:20'), pointNear(polanco, 0.3, rng), 20);
  s.visit(s.at(12, '17:30'), polanco.id);
  s.buy(s.at(12, '17:52'), 'store', [cookwareSet], polanco.id);
  s.call(s.at(9, '10:15'), [cookwareSet], ['care_instructions', 'warranty'], 'resolved', 265);

  s.page(s.at(3, '20:05'), 'app', '/c/knives');
  s.view(s.at(3, '20:06'), 'app', knife);
  s.view(s.at(3, '20:09'), 'app', s.p('Oak End-Grain Chopping Board Large'));
  s.view(s.at(3, '20:12'), 'app', s.p('ProChef Non-Stick Frying Pan 28 cm'));
  s.newsletters(120);
  return s.w;
}

/** The featured customers' histories, each a finished, time-ordered list. */
export function featuredHistories(ctx: DemoContext): TimedEvents[] {
  return [lucia(ctx), james(ctx), sofia(ctx)].map((w) => w.finish());
}
