import type { CatalogView, CustomerEvent, LineItem, Profile } from '@omnikernel/sdk';

/**
 * A profile as the store keeps it. `consentUpdatedAt` (per purpose, ISO) lets a late, older
 * consent event lose against a newer one: consent must never flip back by arrival order.
 */
export interface StoredProfile extends Profile {
  readonly consentUpdatedAt?: Readonly<Record<string, string>>;
}

/** A profile being built by one `applyEvent` call: a shallow copy; nested values are replaced, never mutated. */
export type Draft = { -readonly [K in keyof StoredProfile]: StoredProfile[K] };

/** What the projection may read besides the event: the catalog (categories, store coordinates). */
export interface ApplyContext {
  readonly catalog?: CatalogView;
}

/** One step of the projection: updates the draft, says whether the change is material. */
export type Step = (draft: Draft, event: CustomerEvent, at: string, ctx: ApplyContext, before: StoredProfile) => boolean;

export function str(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(props: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const v = props[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function strings(props: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** Line items, keeping only well-formed ones (the schema has checked them at the edge). */
export function lineItems(props: Readonly<Record<string, unknown>>, key = 'items'): LineItem[] | undefined {
  const v = props[key];
  if (!Array.isArray(v)) return undefined;
  const out: LineItem[] = [];
  for (const item of v) {
    if (typeof item !== 'object' || item === null) continue;
    const { productId, quantity, price } = item as Record<string, unknown>;
    if (typeof productId !== 'string' || typeof quantity !== 'number' || typeof price !== 'number') continue;
    out.push({ productId, quantity, price });
  }
  return out;
}

/** The catalog category of a product, if the catalog knows it. */
export function categoryOf(ctx: ApplyContext, productId: string): string | undefined {
  return ctx.catalog?.product(productId)?.category;
}
