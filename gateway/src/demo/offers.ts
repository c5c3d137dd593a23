import type { ContactPolicy, Offer, Weekday } from '@omnikernel/sdk';
import { STORE_IDS } from './stores.ts';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** The usual cap: three shows a week across all channels, a month's rest after a "no", two weeks after a "yes". */
const STANDARD_POLICY: ContactPolicy = {
  maxShows: 3,
  perDays: 7,
  suppressDaysAfterReject: 30,
  suppressDaysAfterAccept: 14,
};

/** Offer ids, for tests and README examples. */
export const OFFER_IDS = {
  lunch: 'offer-lunch-coffee',
  weekendMorning: 'offer-weekend-morning-bedding',
  abandonedCart: 'offer-abandoned-cart-10',
  cookwareBundle: 'offer-cookware-knife-bundle',
  vip: 'offer-vip-voucher',
  mexico: 'offer-mx-interest-free',
  newsletter: 'offer-newsletter-weekly',
  freeShipping: 'offer-free-shipping',
  retention: 'offer-cc-goodwill',
  default: 'offer-default-loyalty',
} as const;

/** The demo retailer's offers. Values are in EUR. */
export function createOffers(): Offer[] {
  return [
    {
      id: OFFER_IDS.lunch,
      title: 'Lunch break: 15 % off coffee in store',
      description: 'Pop in during your lunch break: 15 % off coffee machines and accessories at the store around the corner.',
      value: 15,
      currency: 'EUR',
      channels: ['app', 'web', 'store'],
      eligibility: {
        consent: ['marketing'],
        storeIds: [...STORE_IDS],
        radiusKm: 1,
        timeWindows: [{ days: WEEKDAYS, start: '12:00', end: '15:00', label: 'lunch' }],
        whileStoreOpen: true,
      },
      contactPolicy: { maxShows: 5, perDays: 7, suppressDaysAfterReject: 7, suppressDaysAfterAccept: 3 },
      script: 'Hi {firstName}, {reason} Show this at the till for 15 % off the {product} or any coffee accessory until 15:00.',
      weight: 1.2,
      imageUrl: 'https://demo.omnikernel.dev/img/offer-lunch-coffee.jpg',
      url: 'https://demo.omnikernel.dev/offers/lunch-coffee',
    },
    {
      id: OFFER_IDS.weekendMorning,
      title: 'Slow weekend mornings: 20 % off bedding and towels',
      description: 'Saturday and Sunday until noon: 20 % off bedding and towels, online and in store.',
      value: 20,
      currency: 'EUR',
      eligibility: {
        consent: ['marketing'],
        timeWindows: [{ days: ['sat', 'sun'], start: '08:00', end: '12:00', label: 'weekend morning' }],
      },
      contactPolicy: STANDARD_POLICY,
      script: 'Hi {firstName}, {reason} This morning bedding and towels are 20 % off.',
      url: 'https://demo.omnikernel.dev/offers/weekend-morning',
    },
    {
      id: OFFER_IDS.abandonedCart,
      title: '10 % off what you left in your cart',
      description: 'Still thinking it over? Complete your order today with 10 % off the items in your cart.',
      value: 30,
      currency: 'EUR',
      eligibility: { requiresAbandonedCart: true },
      contactPolicy: STANDARD_POLICY,
      script: 'Hi {firstName}, I see you were looking at the {product}. {reason} I can take 10 % off it today.',
      weight: 1.5,
      url: 'https://demo.omnikernel.dev/cart',
    },
    {
      id: OFFER_IDS.cookwareBundle,
      title: 'Complete the kitchen: 20 % off knives and boards with your cookware',
      description: "Cooking with new pans? Add a chef's knife or a chopping board for 20 % less.",
      value: 18,
      currency: 'EUR',
      eligibility: { categories: ['cookware'], consent: ['personalization'] },
      contactPolicy: STANDARD_POLICY,
      script: "Hi {firstName}, {reason} With the {product}, a chef's knife or a board is 20 % off today.",
      url: 'https://demo.omnikernel.dev/offers/cookware-bundle',
    },
    {
      id: OFFER_IDS.vip,
      title: 'VIP: a €25 voucher and early access to the sale',
      description: 'Thank you for being one of our best customers: €25 off your next order of €100 or more.',
      value: 25,
      currency: 'EUR',
      eligibility: { segments: ['vip'], minLifetimeValue: 500 },
      contactPolicy: { maxShows: 2, perDays: 14, suppressDaysAfterReject: 30, suppressDaysAfterAccept: 30 },
      script: 'Hi {firstName}, {reason} As one of our VIP members you have a €25 voucher and early access to the sale.',
      url: 'https://demo.omnikernel.dev/offers/vip',
    },
    {
      id: OFFER_IDS.mexico,
      title: 'México: 6 meses sin intereses en pequeños electrodomésticos',
      description: 'Six interest-free monthly payments on small appliances and coffee machines, in Mexico only.',
      value: 12,
      currency: 'EUR',
      eligibility: { countries: ['MX'] },
      contactPolicy: STANDARD_POLICY,
      script: 'Hola {firstName}, {reason} You can pay the {product} in 6 interest-free instalments.',
      url: 'https://demo.omnikernel.dev/mx/offers/msi',
    },
    {
      id: OFFER_IDS.newsletter,
      title: "This week's picks: 10 % off with code WEEKLY10",
      description: 'For newsletter readers: 10 % off one item from this week’s selection.',
      value: 10,
      currency: 'EUR',
      channels: ['email'],
      eligibility: { consent: ['email'] },
      contactPolicy: { maxShows: 1, perDays: 7, suppressDaysAfterAccept: 7 },
      url: 'https://demo.omnikernel.dev/offers/weekly',
    },
    {
      id: OFFER_IDS.freeShipping,
      title: 'Free shipping on orders over €49',
      description: 'Free standard delivery on web and app orders over €49.',
      value: 6,
      currency: 'EUR',
      channels: ['web', 'app'],
      contactPolicy: { maxShows: 10, perDays: 7, suppressDaysAfterReject: 3 },
      url: 'https://demo.omnikernel.dev/delivery',
    },
    {
      id: OFFER_IDS.retention,
      title: 'Sorry for the trouble: a €20 goodwill voucher',
      description: 'For valued customers who contact us about a problem: a €20 voucher on the next order.',
      value: 20,
      currency: 'EUR',
      channels: ['contact_center'],
      eligibility: { minLifetimeValue: 750 },
      contactPolicy: { maxShows: 1, perDays: 30, suppressDaysAfterReject: 60, suppressDaysAfterAccept: 90 },
      script: 'Hi {firstName}, thank you for being with us. {reason} I can add a €20 voucher to your account today.',
    },
    {
      id: OFFER_IDS.default,
      title: 'Join our loyalty club: 5 % off your next order',
      description: 'Members collect points on every purchase, online and in store.',
      value: 5,
      currency: 'EUR',
      isDefault: true,
      script: 'Did you know our loyalty club gives you 5 % off your next order? I can sign you up now.',
      url: 'https://demo.omnikernel.dev/loyalty',
    },
  ];
}
