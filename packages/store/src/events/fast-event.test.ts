import { describe, expect, it } from 'vitest';
import { createFastEventCheck } from './fast-event.ts';
import { createEventSchema } from './schema.ts';
import { validateEventBatch } from './validate-batch.ts';

// The fast check must never accept what the schema refuses, and must give exactly what the schema
// gives (same keys, same order). Run both on many good events and on mutations of them.

const options = { channels: ['kiosk'], defaultRegion: 'ES' };
const schema = createEventSchema(options);
const fast = createFastEventCheck(options);

let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const text = (n: number) => 'x'.repeat(n);
const VALUES: readonly unknown[] = [
  undefined, null, true, 0, -0, -1, 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e308, '', 'a', ' ', text(127), text(128), text(129),
  text(200), text(201), text(500), text(501), text(511), text(512), text(513), text(2048), text(2049), [], ['p-1'], {}, { a: 1 }, 'EUR', 'eur',
  'EURO', 'Europe/Madrid', 'Mars/Base', 'ES', 'E1', 'withheld', '+34 600 000 000', ' A@B.io ', 'custom:x', 'page_viewed',
];
const INSTANTS = [
  '2026-03-02T09:00:00.000Z', '2026-02-28T23:59:59.999Z', '2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-01-31T10:00:00.000Z',
  '2026-04-31T10:00:00.000Z', '2026-13-01T10:00:00.000Z', '2026-00-10T10:00:00.000Z', '2026-01-00T10:00:00.000Z', '2026-01-01T24:00:00.000Z',
  '2026-01-01T23:60:00.000Z', '2026-01-01T23:00:60.000Z', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000+02:00', '2026-01-01T10:00:00.0000Z',
  '2026-01-01 10:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-1-01T10:00:00.000Z', 'yesterday', '',
];
const TYPES = ['page_viewed', 'product_viewed', 'purchase', 'identify', 'custom:thing', 'custom:', 'constructor', '__proto__', 'toString', 'PURCHASE'];

function goodEvent(i: number): Record<string, unknown> {
  const base = { id: `e-${i}`, channel: pick(['web', 'app', 'kiosk']), occurredAt: '2026-03-02T09:00:00.000Z', identifiers: { deviceId: `d-${i}` } };
  const kind = i % 3;
  if (kind === 0) return { ...base, type: 'page_viewed', properties: { url: 'https://shop.example.com/p/1', extra: { deep: [1] } } };
  if (kind === 1) return { ...base, type: 'product_viewed', properties: { productId: `p-${i}`, category: 'tea' } };
  return { ...base, type: 'purchase', properties: { orderId: `o-${i}`, currency: 'EUR', total: 3, items: [{ productId: 'p-1', quantity: 1, price: 2, note: 'gift' }, { productId: 'p-2', quantity: 0.5, price: 0 }] } };
}

/** Changes one thing somewhere in the event (top level, identifiers, properties or a line item). */
function mutate(event: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(event) as Record<string, any>;
  const where = pick(['top', 'top', 'ids', 'props', 'props', 'item', 'json']);
  const value = pick([...VALUES, undefined, 'drop']);
  const set = (target: unknown, key: string) => {
    if (typeof target !== 'object' || target === null) return;
    if (value === 'drop') delete (target as Record<string, unknown>)[key];
    else (target as Record<string, unknown>)[key] = value;
  };
  if (where === 'top') {
    const key = pick(['id', 'type', 'channel', 'occurredAt', 'identifiers', 'properties', 'extra']);
    if (key === 'type' && random() < 0.7) copy.type = pick(TYPES);
    else if (key === 'occurredAt' && random() < 0.7) copy.occurredAt = pick(INSTANTS);
    else set(copy, key);
  } else if (where === 'ids') {
    set(copy.identifiers, pick(['customerId', 'email', 'phone', 'loyaltyId', 'deviceId', 'crmId', 'other']));
    if (random() < 0.3) delete copy.identifiers?.deviceId;
  } else if (where === 'props') {
    set(copy.properties, pick(['url', 'title', 'productId', 'category', 'orderId', 'storeId', 'currency', 'total', 'items', 'timezone', 'country', 'other']));
  } else if (where === 'item') {
    const items = copy.properties?.items;
    if (Array.isArray(items)) {
      if (random() < 0.2) items.length = pick([0, 1, 501]);
      else set(items[0], pick(['productId', 'quantity', 'price', 'other']));
    }
  } else {
    // Keys JSON may carry that plain assignment would treat specially.
    const json = JSON.stringify(copy).replace('"properties":{', pick(['"properties":{"__proto__":{"productId":"x"},', '"properties":{"constructor":"x",', '"properties":{"0":1,']));
    return JSON.parse(json) as Record<string, unknown>;
  }
  return copy;
}

function agree(item: unknown): void {
  const mine = fast(item);
  const theirs = schema.safeParse(item);
  if (mine === undefined) return;
  expect(theirs.success, JSON.stringify(item)).toBe(true);
  expect(mine).toStrictEqual(theirs.data);
  expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.data));
}

describe('createFastEventCheck', () => {
  it('gives what the schema gives for the common events', () => {
    for (let i = 0; i < 300; i++) {
      const event = goodEvent(i);
      expect(fast(event)).toBeDefined();
      agree(event);
    }
  });

  it('accepts nothing the schema refuses, over many mutated events', () => {
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      let event = goodEvent(i);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) event = mutate(event);
      agree(event);
      if (fast(event) !== undefined) accepted++;
    }
    expect(accepted).toBeGreaterThan(1000); // the mutations leave many events good
  });

  it('leaves other types, unusual instants and unusable identifiers to the schema', () => {
    const event = goodEvent(1);
    expect(fast({ ...event, type: 'custom:thing' })).toBeUndefined();
    expect(fast({ ...event, type: 'constructor' })).toBeUndefined();
    expect(fast({ ...event, occurredAt: '2026-01-01T10:00:00+02:00' })).toBeUndefined();
    expect(fast({ ...event, identifiers: { phone: 'withheld' } })).toBeUndefined();
    expect(fast({ ...event, properties: undefined })).toBeUndefined();
  });

  it('leaves validateEventBatch answering as the schema alone, refusals included', () => {
    const items = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? goodEvent(i) : mutate(goodEvent(i))));
    const { valid, rejected } = validateEventBatch({ events: items }, { ...options, maxBatch: 500 });
    const expected = items.map((item) => schema.safeParse(item));
    expect(valid.map((v) => v.index)).toEqual(expected.flatMap((r, i) => (r.success ? [i] : [])));
    for (const v of valid) expect(v.event).toStrictEqual(expected[v.index]?.data);
    expect(rejected.map((r) => r.index)).toEqual(expected.flatMap((r, i) => (r.success ? [] : [i])));
    for (const r of rejected) expect(r.reason).toBe(expected[r.index]?.error?.issues[0]?.message);
  });
});
