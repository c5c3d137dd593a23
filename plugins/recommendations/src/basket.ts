import type { CustomerEvent, Profile } from '@omnikernel/sdk';

/** A purchase as the recommender learns from it. */
export interface Basket {
  readonly orderId: string;
  /** Distinct product ids, in the order of the lines. */
  readonly productIds: readonly string[];
  readonly storeId?: string;
}

/**
 * The basket a `purchase` event made: the profile's record of it (the projection is the
 * source of truth) or, when the profile does not show it, the event's own `items`.
 */
export function basketOf(event: CustomerEvent, profile: Profile): Basket | null {
  const props = event.properties;
  const orderId = typeof props.orderId === 'string' && props.orderId !== '' ? props.orderId : event.id;
  const record = profile.purchases.find((p) => p.orderId === orderId);
  const storeId = record?.storeId ?? (typeof props.storeId === 'string' ? props.storeId : undefined);
  const ids = record ? record.items.map((i) => i.productId) : itemIds(props.items);
  if (ids.length === 0) return null;
  return { orderId, productIds: [...new Set(ids)], ...(storeId ? { storeId } : {}) };
}


/** Product ids named by an event property: strings, or objects with a `productId`. */
export function itemIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const entry of value) {
    const id = typeof entry === 'string' ? entry : (entry as { productId?: unknown } | null)?.productId;
    if (typeof id === 'string' && id !== '') out.push(id);
  }
  return out;
}
