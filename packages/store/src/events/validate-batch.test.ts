import { describe, expect, it } from 'vitest';
import { InvalidBatchError, validateEventBatch, validateOutcomeBatch } from './validate-batch.ts';

const good = (id: string) => ({ id, type: 'page_viewed', channel: 'web', occurredAt: '2026-03-02T09:00:00Z', identifiers: { email: 'a@b.io' } });

describe('validateEventBatch', () => {
  it('keeps good events and rejects bad ones by index, naming the field path', () => {
    const bad = { ...good('e3'), type: 'purchase', properties: { items: [{ productId: 'p', quantity: 1, price: 1 }, { productId: 'p', quantity: -2, price: 1 }] } };
    const { valid, rejected } = validateEventBatch({ events: [good('e0'), good('e1'), { ...good('e2'), channel: 'fax' }, bad] });
    expect(valid.map((v) => [v.index, v.event.id])).toEqual([[0, 'e0'], [1, 'e1']]);
    expect(rejected).toEqual([
      { index: 2, field: 'events[2].channel', reason: expect.any(String) },
      { index: 3, field: 'events[3].properties.items[1].quantity', reason: expect.stringMatching(/>0|greater than 0|too small/i) },
    ]);
  });

  it('accepts a bare array and configured channels', () => {
    const { valid } = validateEventBatch([{ ...good('e0'), channel: 'kiosk' }], { channels: ['kiosk'] });
    expect(valid).toHaveLength(1);
  });

  it('throws for a batch that is not one, or too large', () => {
    expect(() => validateEventBatch({ event: [] })).toThrow(InvalidBatchError);
    expect(() => validateEventBatch({ events: [] })).toThrow(/empty/);
    try {
      validateEventBatch({ events: Array.from({ length: 3 }, (_, i) => good(`e${i}`)) }, { maxBatch: 2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'OMK_ERR_STORE_INVALID_BATCH', kind: 'too_large', field: 'events' });
    }
  });
});

describe('validateOutcomeBatch', () => {
  it('validates outcomes the same way', () => {
    const o = { id: 'o1', type: 'shown', decisionId: 'd', channel: 'web', occurredAt: '2026-03-02T09:00:00Z', offerId: 'f' };
    const { valid, rejected } = validateOutcomeBatch({ outcomes: [o, { ...o, offerId: undefined }] });
    expect(valid).toHaveLength(1);
    expect(rejected).toEqual([{ index: 1, field: 'outcomes[1].offerId', reason: expect.any(String) }]);
  });
});
