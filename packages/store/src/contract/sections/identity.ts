import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** Normalisation through ingest, resolution, and idempotency by event id. */
export function identitySection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('identity and idempotency', () => {
    it('normalises e-mail and phone on ingest, so every spelling resolves to one customer', async () => {
      const u = uid();
      const [result] = await store().ingest([
        event('page_viewed', { email: `  Ana.${u}@Example.COM `, phone: 'tel:+34 600-123-456' }),
      ]);
      expect(result?.status).toBe('accepted');
      const id = result?.customerId;
      expect(id).toBeTypeOf('string');
      expect(await store().resolve({ email: `ana.${u}@example.com` })).toBe(id);
      expect(await store().resolve({ email: `ANA.${u}@EXAMPLE.COM` })).toBe(id);
      const profile = await store().getProfile(id as string);
      expect(profile?.identifiers.email).toEqual([`ana.${u}@example.com`]);
      expect(profile?.identifiers.phone).toEqual(['+34600123456']);
    });

    it('resolves a phone whatever URI form it arrives in, and treats a withheld number as no identifier', async () => {
      // A number unique to this test: +34 6xx xxx xxx with random digits.
      const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
      const [r] = await store().ingest([event('call', { phone: `+34 6${digits}` }, {}, { channel: 'contact_center' })]);
      expect(await store().resolve({ phone: `sip:+346${digits}@pbx.example.com;user=phone` })).toBe(r?.customerId);
      expect(await store().resolve({ phone: `tel:+346${digits}` })).toBe(r?.customerId);
      expect(await store().resolve({ phone: 'anonymous' })).toBeNull();
      await expect(store().ingest([event('call', { phone: 'withheld' })])).rejects.toMatchObject({
        code: 'OMK_ERR_STORE_INVALID_EVENT',
        index: 0,
      });
    });

    it('resolves nothing it never saw, and never creates on resolve', async () => {
      expect(await store().resolve({ deviceId: `nobody-${uid()}` })).toBeNull();
      expect(await store().resolve({})).toBeNull();
    });

    it('applies the same event id once, in one call and across calls', async () => {
      const device = `d-${uid()}`;
      const e = event('product_viewed', { deviceId: device }, { productId: 'p1' });
      const first = await store().ingest([e, e]);
      expect(first.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
      const again = await store().ingest([e]);
      expect(again[0]).toMatchObject({ status: 'duplicate', customerId: first[0]?.customerId });
      const profile = await store().getProfile(first[0]?.customerId as string);
      expect(profile?.eventCount).toBe(1);
      expect(profile?.version).toBe(1);
    });

    it('creates the customer a customerId names, and keeps using it', async () => {
      const id = `crm-${uid()}`;
      const [r] = await store().ingest([event('identify', { customerId: id, email: `${id}@example.com` }, { traits: { firstName: 'Ana' } })]);
      expect(r?.customerId).toBe(id);
      expect(await store().resolve({ customerId: id })).toBe(id);
      const [r2] = await store().ingest([event('page_viewed', { customerId: id }, {}, { occurredAt: at(1) })]);
      expect(r2?.customerId).toBe(id);
      expect((await store().getProfile(id))?.traits).toEqual({ firstName: 'Ana' });
    });

    it('tells listeners which customer changed', async () => {
      const seen: string[] = [];
      const off = store().onChange((n) => {
        if (n.kind === 'profile' && n.customerId !== undefined) seen.push(n.customerId);
      });
      const [r] = await store().ingest([event('page_viewed', { deviceId: `d-${uid()}` })]);
      off();
      expect(seen).toContain(r?.customerId);
    });
  });
}
