import type { Product, Store } from '@omnikernel/sdk';
import { CATEGORIES, COMPLEMENTS } from './catalog.ts';
import { DAY, HOUR } from './history-writer.ts';

/** A weekly newsletter: its id and when it went out. */
export interface Campaign {
  readonly campaignId: string;
  readonly sentAt: number;
}

/** What every history generator reads: the anchor, the catalog indexed, the stores, the campaigns. */
export interface DemoContext {
  readonly anchor: number;
  readonly products: readonly Product[];
  /** Products per category, in CATEGORIES order. */
  readonly byCategory: readonly (readonly Product[])[];
  readonly byType: ReadonlyMap<string, readonly Product[]>;
  readonly stores: readonly Store[];
  readonly storeById: ReadonlyMap<string, Store>;
  /** Newsletters of the last 26 weeks, oldest first. */
  readonly campaigns: readonly Campaign[];
  /** Per product id: the product lists of its complementary types (see COMPLEMENTS). */
  readonly complements: ReadonlyMap<string, readonly (readonly Product[])[]>;
}

/** The product's `type` attribute. */
export function typeOf(product: Product): string {
  return String(product.attributes?.['type'] ?? product.category);
}

/** Weekly newsletters, every Tuesday at 08:00 UTC, over the 180 days before the anchor. */
export function weeklyCampaigns(anchor: number): Campaign[] {
  const dayStart = Math.floor(anchor / DAY) * DAY;
  const weekday = new Date(dayStart).getUTCDay(); // 0 = Sunday
  const lastTuesday = dayStart - ((weekday - 2 + 7) % 7) * DAY + 8 * HOUR;
  const campaigns: Campaign[] = [];
  for (let k = 0; k < 26; k++) {
    const sentAt = lastTuesday - k * 7 * DAY;
    if (sentAt > anchor - HOUR) continue;
    campaigns.push({ campaignId: `nl-${new Date(sentAt).toISOString().slice(0, 10)}`, sentAt });
  }
  return campaigns.reverse();
}

export function createContext(anchor: number, products: readonly Product[], stores: readonly Store[]): DemoContext {
  const byCategory = CATEGORIES.map((c) => products.filter((p) => p.category === c.id));
  const byType = new Map<string, Product[]>();
  for (const p of products) {
    const t = typeOf(p);
    const list = byType.get(t);
    if (list) list.push(p);
    else byType.set(t, [p]);
  }
  const complements = new Map<string, (readonly Product[])[]>();
  for (const p of products) {
    const lists = (COMPLEMENTS[typeOf(p)] ?? []).map((t) => byType.get(t) ?? []).filter((l) => l.length > 0);
    complements.set(p.id, lists);
  }
  return {
    anchor,
    complements,
    products,
    byCategory,
    byType,
    stores,
    storeById: new Map(stores.map((s) => [s.id, s])),
    campaigns: weeklyCampaigns(anchor),
  };
}
