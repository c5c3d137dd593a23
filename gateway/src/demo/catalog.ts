import type { Product } from '@omnikernel/sdk';
import { createRng, type Rng } from './random.ts';
import { STORE_IDS } from './stores.ts';

/** The twelve categories of the demo retailer: id (used in events and offers) and the label people read. */
export const CATEGORIES = [
  { id: 'coffee', label: 'Coffee machines & accessories' },
  { id: 'kettles', label: 'Kettles & tea' },
  { id: 'cookware', label: 'Cookware' },
  { id: 'knives', label: 'Knives & boards' },
  { id: 'tableware', label: 'Tableware' },
  { id: 'bedding', label: 'Bedding' },
  { id: 'towels', label: 'Towels & bath' },
  { id: 'lamps', label: 'Lamps & lighting' },
  { id: 'storage', label: 'Storage' },
  { id: 'small-appliances', label: 'Small appliances' },
  { id: 'garden', label: 'Garden' },
  { id: 'kids', label: 'Kids' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** A kind of product within a category: the noun of its name, price band and variants. */
interface ProductType {
  readonly type: string;
  readonly noun: string;
  readonly price: readonly [number, number];
  /** Product lines ("brand-ish adjectives") this type is sold under. */
  readonly lines: readonly string[];
  /** Optional size/colour variants appended to the name. */
  readonly variants?: readonly string[];
}

const TYPES: Readonly<Record<CategoryId, readonly ProductType[]>> = {
  coffee: [
    { type: 'espresso-machine', noun: 'Espresso Machine', price: [189, 899], lines: ['Barista Pro', 'Milano', 'Crema Classic', 'Napoli Dual'] },
    { type: 'bean-to-cup', noun: 'Bean-to-Cup Coffee Machine', price: [349, 1199], lines: ['Barista Pro', 'Aroma Touch', 'Lisboa'] },
    { type: 'pod-machine', noun: 'Pod Coffee Machine', price: [79, 199], lines: ['Mini', 'Crema Classic', 'Daily'] },
    { type: 'grinder', noun: 'Burr Coffee Grinder', price: [49, 249], lines: ['Barista Pro', 'Precision', 'Milano'] },
    { type: 'milk-frother', noun: 'Milk Frother', price: [29, 119], lines: ['Velvet', 'Barista Pro', 'Cloud'] },
    { type: 'coffee-accessory', noun: 'Tamper & Knock Box Set', price: [24, 59], lines: ['Barista Pro', 'Walnut'] },
    { type: 'coffee-accessory', noun: 'Pour-Over Coffee Set', price: [29, 69], lines: ['Nordic', 'Ceramic'] },
    { type: 'moka-pot', noun: 'Moka Pot', price: [24, 59], lines: ['Napoli', 'Copper'], variants: ['3 cups', '6 cups'] },
    { type: 'coffee-accessory', noun: 'Descaling Kit', price: [9, 19], lines: ['Clean Brew'] },
  ],
  kettles: [
    { type: 'electric-kettle', noun: 'Electric Kettle', price: [29, 129], lines: ['Stellar', 'Nordic', 'Quiet Boil', 'Retro'], variants: ['1.5 L', '1.7 L'] },
    { type: 'stovetop-kettle', noun: 'Kettle', price: [39, 119], lines: ['Copper', 'Enamel', 'Whistling Steel'], variants: ['1.7 L', '2 L'] },
    { type: 'teapot', noun: 'Teapot', price: [19, 79], lines: ['Kyoto Cast Iron', 'Glass Bloom', 'Stoneware'] },
    { type: 'tea-accessory', noun: 'Tea Infuser Set', price: [9, 29], lines: ['Leaf', 'Steel'] },
  ],
  cookware: [
    { type: 'frying-pan', noun: 'Frying Pan', price: [24, 129], lines: ['ProChef Non-Stick', 'Cast Iron', 'Copper Core', 'Carbon Steel'], variants: ['24 cm', '28 cm'] },
    { type: 'saucepan', noun: 'Saucepan', price: [29, 139], lines: ['ProChef', 'Copper Core', 'Tri-Ply'], variants: ['16 cm', '20 cm'] },
    { type: 'casserole', noun: 'Casserole', price: [79, 329], lines: ['Cast Iron', 'Enamel Cocotte'], variants: ['24 cm', '28 cm'] },
    { type: 'wok', noun: 'Wok', price: [34, 99], lines: ['Carbon Steel', 'ProChef Non-Stick'] },
    { type: 'cookware-set', noun: 'Cookware Set', price: [149, 599], lines: ['ProChef 5-Piece', 'Copper Core 7-Piece', 'Tri-Ply 10-Piece', 'Everyday 3-Piece'] },
    { type: 'roasting-tin', noun: 'Roasting Tin', price: [19, 59], lines: ['ProChef', 'Enamel'] },
  ],
  knives: [
    { type: 'chef-knife', noun: "Chef's Knife", price: [39, 249], lines: ['Santoku Damascus', 'ProChef', 'Forged Classic'], variants: ['20 cm', '15 cm'] },
    { type: 'knife-block', noun: 'Knife Block Set', price: [89, 399], lines: ['ProChef 6-Piece', 'Forged Classic 5-Piece', 'Magnetic Oak'] },
    { type: 'chopping-board', noun: 'Chopping Board', price: [19, 79], lines: ['Oak End-Grain', 'Olive Wood', 'Bamboo'], variants: ['Medium', 'Large'] },
    { type: 'sharpener', noun: 'Knife Sharpener', price: [14, 89], lines: ['Whetstone', 'ProChef Pull-Through'] },
    { type: 'utensils', noun: 'Kitchen Utensil Set', price: [19, 59], lines: ['Silicone', 'Olive Wood'] },
  ],
  tableware: [
    { type: 'espresso-cups', noun: 'Espresso Cup Set', price: [19, 49], lines: ['Crema', 'Porcelain', 'Double-Wall Glass'], variants: ['of 2', 'of 4'] },
    { type: 'mugs', noun: 'Mug Set', price: [19, 44], lines: ['Stoneware', 'Nordic', 'Speckled'], variants: ['of 4'] },
    { type: 'dinner-set', noun: 'Dinner Set', price: [59, 249], lines: ['Porcelain 12-Piece', 'Stoneware 16-Piece', 'Talavera 12-Piece'] },
    { type: 'glasses', noun: 'Wine Glasses', price: [19, 69], lines: ['Crystal', 'Bistro'], variants: ['set of 4', 'set of 6'] },
    { type: 'cutlery', noun: 'Cutlery Set', price: [39, 189], lines: ['Brushed Steel 24-Piece', 'Gold Finish 16-Piece'] },
    { type: 'serving', noun: 'Serving Bowl', price: [14, 49], lines: ['Olive Wood', 'Stoneware'] },
  ],
  bedding: [
    { type: 'duvet', noun: 'Duvet', price: [59, 299], lines: ['Cloud Down', 'All-Seasons', 'Light Summer'], variants: ['Double', 'King'] },
    { type: 'pillow', noun: 'Pillow', price: [19, 89], lines: ['Cloud Down', 'Memory Foam', 'Side Sleeper'] },
    { type: 'duvet-cover', noun: 'Duvet Cover Set', price: [39, 149], lines: ['Washed Linen', 'Percale 300TC', 'Sateen'], variants: ['Double', 'King'] },
    { type: 'sheets', noun: 'Fitted Sheet', price: [19, 69], lines: ['Percale 300TC', 'Jersey'], variants: ['Double', 'King'] },
    { type: 'throw', noun: 'Throw', price: [29, 99], lines: ['Chunky Knit', 'Waffle Cotton'] },
  ],
  towels: [
    { type: 'bath-towel', noun: 'Bath Towel', price: [12, 39], lines: ['Egyptian Cotton', 'Quick-Dry', 'Waffle'], variants: ['White', 'Sage', 'Sand'] },
    { type: 'towel-set', noun: 'Towel Set', price: [39, 119], lines: ['Egyptian Cotton 6-Piece', 'Hotel 4-Piece'] },
    { type: 'bath-mat', noun: 'Bath Mat', price: [14, 39], lines: ['Pebble', 'Cotton Tufted'] },
    { type: 'bathrobe', noun: 'Bathrobe', price: [39, 99], lines: ['Waffle', 'Hotel Plush'] },
  ],
  lamps: [
    { type: 'table-lamp', noun: 'Table Lamp', price: [29, 189], lines: ['Arco Mini', 'Ceramic Globe', 'Rattan'] },
    { type: 'floor-lamp', noun: 'Floor Lamp', price: [69, 349], lines: ['Arco', 'Tripod Oak', 'Linen Shade'] },
    { type: 'bedside-lamp', noun: 'Bedside Lamp', price: [24, 99], lines: ['Dimmable Touch', 'Mushroom', 'Brass'] },
    { type: 'pendant', noun: 'Pendant Light', price: [39, 199], lines: ['Rattan', 'Glass Dome'] },
    { type: 'bulbs', noun: 'LED Bulbs 4-Pack', price: [9, 29], lines: ['Warm White E27', 'Filament E27'] },
  ],
  storage: [
    { type: 'food-containers', noun: 'Food Container Set', price: [14, 59], lines: ['Glass Fresh', 'Stackable'], variants: ['of 5', 'of 10'] },
    { type: 'baskets', noun: 'Storage Basket', price: [12, 49], lines: ['Seagrass', 'Felt', 'Wire'] },
    { type: 'jars', noun: 'Pantry Jar Set', price: [19, 49], lines: ['Glass Airtight', 'Ceramic'] },
    { type: 'shelving', noun: 'Shelving Unit', price: [59, 249], lines: ['Oak Ladder', 'Steel Industrial'] },
    { type: 'boxes', noun: 'Storage Box', price: [9, 29], lines: ['Under-Bed', 'Clear Stackable'] },
  ],
  'small-appliances': [
    { type: 'toaster', noun: 'Toaster', price: [29, 149], lines: ['Stellar', 'Retro', 'Quiet Boil'], variants: ['2-Slice', '4-Slice'] },
    { type: 'blender', noun: 'Blender', price: [39, 249], lines: ['PowerBlend', 'Compact'] },
    { type: 'air-fryer', noun: 'Air Fryer', price: [69, 229], lines: ['Crisp XL', 'Crisp Duo'] },
    { type: 'hand-mixer', noun: 'Hand Mixer', price: [24, 79], lines: ['Whisk Pro', 'Compact'] },
    { type: 'stand-mixer', noun: 'Stand Mixer', price: [149, 599], lines: ['Bake Master', 'Artisan'] },
    { type: 'juicer', noun: 'Juicer', price: [39, 199], lines: ['Citrus Press', 'Slow Press'] },
  ],
  garden: [
    { type: 'planter', noun: 'Planter', price: [14, 89], lines: ['Terracotta', 'Fibre-Stone', 'Self-Watering'], variants: ['Medium', 'Large'] },
    { type: 'garden-tools', noun: 'Pruning Shears', price: [14, 49], lines: ['Bypass Pro', 'Everyday'] },
    { type: 'hose', noun: 'Garden Hose', price: [24, 69], lines: ['Expandable', 'Flexi'], variants: ['15 m', '30 m'] },
    { type: 'outdoor-furniture', noun: 'Bistro Set', price: [129, 399], lines: ['Acacia', 'Steel Café'] },
    { type: 'outdoor-lighting', noun: 'Solar String Lights', price: [19, 49], lines: ['Festoon', 'Fairy'] },
  ],
  kids: [
    { type: 'plush', noun: 'Plush Toy', price: [14, 39], lines: ['Cuddly Bear', 'Sleepy Fox', 'Little Whale'] },
    { type: 'kids-tableware', noun: 'Kids Dinner Set', price: [14, 34], lines: ['Bamboo', 'Little Chef'] },
    { type: 'kids-bedding', noun: 'Kids Duvet Cover Set', price: [24, 59], lines: ['Space', 'Jungle', 'Ocean'] },
    { type: 'night-light', noun: 'Night Light', price: [14, 39], lines: ['Moon', 'Cloud'] },
    { type: 'kids-storage', noun: 'Toy Storage Box', price: [19, 59], lines: ['Canvas', 'Wooden'] },
  ],
};

/**
 * Product types that are bought with a type (cross-sell structure): a coffee machine goes with a grinder,
 * a frother and espresso cups; cookware with knives and boards; a kettle with mugs.
 */
export const COMPLEMENTS: Readonly<Record<string, readonly string[]>> = {
  'espresso-machine': ['grinder', 'milk-frother', 'espresso-cups', 'coffee-accessory', 'mugs'],
  'bean-to-cup': ['milk-frother', 'espresso-cups', 'mugs', 'coffee-accessory'],
  'pod-machine': ['milk-frother', 'mugs', 'espresso-cups'],
  grinder: ['espresso-machine', 'coffee-accessory', 'moka-pot'],
  'milk-frother': ['mugs', 'espresso-cups'],
  'moka-pot': ['espresso-cups', 'grinder'],
  'coffee-accessory': ['grinder', 'espresso-cups'],
  'electric-kettle': ['mugs', 'teapot', 'toaster', 'tea-accessory'],
  'stovetop-kettle': ['mugs', 'teapot', 'tea-accessory'],
  teapot: ['tea-accessory', 'mugs'],
  'tea-accessory': ['teapot', 'mugs'],
  'frying-pan': ['chef-knife', 'chopping-board', 'utensils', 'saucepan'],
  saucepan: ['chef-knife', 'utensils', 'frying-pan'],
  casserole: ['chopping-board', 'chef-knife', 'serving', 'dinner-set'],
  wok: ['chef-knife', 'chopping-board', 'utensils'],
  'cookware-set': ['knife-block', 'chef-knife', 'chopping-board', 'utensils', 'food-containers'],
  'roasting-tin': ['chef-knife', 'serving'],
  'chef-knife': ['chopping-board', 'sharpener', 'frying-pan'],
  'knife-block': ['chopping-board', 'sharpener', 'cookware-set'],
  'chopping-board': ['chef-knife', 'utensils'],
  sharpener: ['chef-knife'],
  utensils: ['frying-pan', 'saucepan'],
  'espresso-cups': ['espresso-machine', 'mugs'],
  mugs: ['electric-kettle', 'espresso-cups'],
  'dinner-set': ['cutlery', 'glasses', 'serving'],
  glasses: ['dinner-set', 'cutlery'],
  cutlery: ['dinner-set', 'glasses'],
  serving: ['dinner-set', 'utensils'],
  duvet: ['duvet-cover', 'pillow', 'sheets'],
  pillow: ['duvet-cover', 'duvet', 'sheets'],
  'duvet-cover': ['sheets', 'pillow', 'throw'],
  sheets: ['duvet-cover', 'pillow'],
  throw: ['bedside-lamp', 'duvet-cover'],
  'bath-towel': ['bath-mat', 'bathrobe', 'towel-set'],
  'towel-set': ['bath-mat', 'bathrobe'],
  'bath-mat': ['bath-towel'],
  bathrobe: ['bath-towel', 'towel-set'],
  'table-lamp': ['bulbs'],
  'floor-lamp': ['bulbs', 'table-lamp'],
  'bedside-lamp': ['bulbs', 'throw'],
  pendant: ['bulbs'],
  bulbs: ['table-lamp'],
  'food-containers': ['jars', 'cookware-set'],
  baskets: ['boxes', 'shelving'],
  jars: ['food-containers'],
  shelving: ['baskets', 'boxes'],
  boxes: ['baskets'],
  toaster: ['electric-kettle', 'mugs'],
  blender: ['juicer', 'food-containers'],
  'air-fryer': ['food-containers', 'utensils'],
  'hand-mixer': ['stand-mixer', 'utensils'],
  'stand-mixer': ['utensils', 'food-containers'],
  juicer: ['blender', 'glasses'],
  planter: ['garden-tools', 'hose'],
  'garden-tools': ['planter', 'hose'],
  hose: ['garden-tools', 'planter'],
  'outdoor-furniture': ['outdoor-lighting', 'planter'],
  'outdoor-lighting': ['outdoor-furniture', 'planter'],
  plush: ['night-light', 'kids-bedding'],
  'kids-tableware': ['plush', 'kids-storage'],
  'kids-bedding': ['night-light', 'plush'],
  'night-light': ['kids-bedding', 'plush'],
  'kids-storage': ['plush', 'kids-bedding'],
};

/** Products the featured customers' stories use: always stock-tracked and in stock everywhere. */
export const FEATURED_PRODUCTS = {
  espressoMachine: 'Barista Pro Espresso Machine',
  grinder: 'Barista Pro Burr Coffee Grinder',
  kettle: 'Copper Kettle 1.7 L',
  cookwareSet: 'ProChef 5-Piece Cookware Set',
  chefKnife: "ProChef Chef's Knife 20 cm",
  espressoCups: 'Crema Espresso Cup Set of 2',
} as const;

const FEATURED_NAMES: ReadonlySet<string> = new Set(Object.values(FEATURED_PRODUCTS));

const PRODUCTS_PER_CATEGORY = 25;
const CATALOG_SEED = 20_240_601;

/** Snap a price to the retail endings people expect: x.99, or x.49 for some. */
function retailPrice(rng: Rng, min: number, max: number): number {
  const whole = rng.int(min, max);
  const base = whole >= 100 ? Math.round(whole / 10) * 10 - 1 : whole;
  return rng.chance(0.25) && base < 100 ? base + 0.49 : base + 0.99;
}

function productId(n: number): string {
  return `p-${String(n).padStart(4, '0')}`;
}

/**
 * The demo catalog: 300 products, 25 in each of the 12 categories, with EUR prices, online and per-store stock
 * (some zero, some products not stock-tracked). Fixed: it does not depend on the customers' seed.
 */
export function createCatalog(): Product[] {
  const rng = createRng(CATALOG_SEED);
  const products: Product[] = [];
  for (const category of CATEGORIES) {
    const types = TYPES[category.id];
    // Every (type, line, variant) combination, interleaved so each type gets its share of the 25 slots.
    const queues = types.map((t) => {
      const names: { t: ProductType; name: string }[] = [];
      for (const line of t.lines) {
        for (const variant of t.variants ?? ['']) {
          names.push({ t, name: variant ? `${line} ${t.noun} ${variant}` : `${line} ${t.noun}` });
        }
      }
      return names;
    });
    const chosen: { t: ProductType; name: string }[] = [];
    for (let round = 0; chosen.length < PRODUCTS_PER_CATEGORY; round++) {
      let added = false;
      for (const queue of queues) {
        const entry = queue[round];
        if (entry && chosen.length < PRODUCTS_PER_CATEGORY) {
          chosen.push(entry);
          added = true;
        }
      }
      if (!added) break;
    }
    // Not enough distinct names: colour editions fill the rest.
    const colours = ['Sage', 'Charcoal', 'Cream', 'Terracotta', 'Navy', 'Blush'];
    for (let i = 0; chosen.length < PRODUCTS_PER_CATEGORY; i++) {
      const base = chosen[i % chosen.length] as { t: ProductType; name: string };
      chosen.push({ t: base.t, name: `${base.name} (${colours[i % colours.length]})` });
    }

    for (const { t, name } of chosen) {
      const id = productId(products.length + 1);
      const price = retailPrice(rng, t.price[0], t.price[1]);
      const featured = FEATURED_NAMES.has(name);
      const tracked = !rng.chance(0.08) || featured;
      let stock: Product['stock'];
      if (tracked) {
        const stores: Record<string, number> = {};
        for (const storeId of STORE_IDS) {
          const out = rng.chance(0.15) && !featured;
          stores[storeId] = out ? 0 : rng.int(featured ? 3 : 1, price > 300 ? 6 : 40);
        }
        const outOnline = rng.chance(0.07) && !featured;
        stock = { online: outOnline ? 0 : rng.int(3, price > 300 ? 40 : 250), stores };
      }
      const slug = name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      products.push({
        id,
        name,
        category: category.id,
        price,
        currency: 'EUR',
        ...(stock ? { stock } : {}),
        imageUrl: `https://demo.omnikernel.dev/img/${id}.jpg`,
        url: `https://demo.omnikernel.dev/p/${id}/${slug}`,
        attributes: { type: t.type, line: name.split(' ' + t.noun)[0] ?? name, categoryLabel: category.label },
      });
    }
  }
  return products;
}

/** The product with this exact name (the featured stories name their products). */
export function productByName(products: readonly Product[], name: string): Product {
  const found = products.find((p) => p.name === name);
  if (!found) throw new Error(`demo catalog has no product named ${JSON.stringify(name)}`);
  return found;
}
