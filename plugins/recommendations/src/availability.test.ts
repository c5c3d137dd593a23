import type { Product } from '@omnikernel/sdk';
import { fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { isAvailable, stockLocation } from './availability.ts';

const base: Product = { id: 'p', name: 'P', category: 'c', price: 1, currency: 'EUR' };

describe('availability', () => {
  it('counts products without stock figures as available', () => {
    expect(isAvailable(base, undefined)).toBe(true);
    expect(isAvailable({ ...base, stock: {} }, 's-madrid')).toBe(true);
  });

  it('reads online stock for online channels and the store\'s for a store', () => {
    const p = { ...base, stock: { online: 0, stores: { 's-madrid': 2 } } };
    expect(isAvailable(p, undefined)).toBe(false);
    expect(isAvailable(p, 's-madrid')).toBe(true);
    expect(isAvailable(p, 's-london')).toBe(false);
  });

  it('takes the store from the request, else the last store on the store channel', () => {
    const buyer = fixtureProfiles['store-buyer'];
    expect(stockLocation({ channel: 'app', storeId: 's-london' }, buyer)).toBe('s-london');
    expect(stockLocation({ channel: 'store' }, buyer)).toBe('s-madrid');
    expect(stockLocation({ channel: 'web' }, buyer)).toBeUndefined();
  });
});
