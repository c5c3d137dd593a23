import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** One event carrying identifiers of two customers merges them: the older survives, nothing is lost. */
export function mergeSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('merge', () => {
    it('merges a device customer and an e-mail customer when one event links them', async () => {
      const u = uid();
      const device = { deviceId: `d-${u}` };
      const email = { email: `m-${u}@example.com` };
      const [d1] = await store().ingest([
        event('page_viewed', device, {}, { occurredAt: at(0) }),
        event('product_viewed', device, { productId: 'p1' }, { occurredAt: at(1) }),
      ]);
      const [e1] = await store().ingest([
        event('email_opened', email, {}, { occurredAt: at(100), channel: 'email' }),
        event('purchase', email, { items: [{ productId: 'p2', quantity: 1, price: 50 }] }, { occurredAt: at(101), channel: 'store' }),
      ]);
      const older = d1?.customerId as string;
      const younger = e1?.customerId as string;
      expect(older).not.toBe(younger);
      await store().recordOutcome({ id: `o1-${u}`, type: 'shown', decisionId: 'dec-1', channel: 'web', occurredAt: at(2), offerId: 'x', customerId: older }, { material: false });
      await store().recordOutcome({ id: `o2-${u}`, type: 'clicked', decisionId: 'dec-2', channel: 'email', occurredAt: at(102), offerId: 'y', customerId: younger }, { material: false });

      const [link] = await store().ingest([event('identify', { ...device, ...email }, { traits: { firstName: 'Mia' } }, { occurredAt: at(200) })]);
      expect(link).toMatchObject({ status: 'accepted', customerId: older, merged: [younger], material: true });

      for (const ids of [device, email, { customerId: older }, { customerId: younger }]) {
        expect(await store().resolve(ids)).toBe(older);
      }
      const p = await store().getProfile(older);
      expect(p?.customerId).toBe(older);
      expect(p?.aliases).toEqual([younger]);
      expect(p?.eventCount).toBe(5);
      expect(p?.firstSeen).toBe(at(0));
      expect(p?.lastSeen).toBe(at(200));
      expect(p?.identifiers.deviceId).toEqual([device.deviceId]);
      expect(p?.identifiers.email).toEqual([email.email]);
      expect(new Set(p?.identifiers.customerId)).toEqual(new Set([older, younger]));
      expect(p?.orderCount).toBe(1);
      expect(p?.channelCounts).toEqual({ web: 3, email: 1, store: 1 });
      expect(p?.recentlyViewed.map((v) => v.productId)).toEqual(['p1']);
      expect(p?.traits).toEqual({ firstName: 'Mia' });
      // The younger id now reads as the survivor.
      expect((await store().getProfile(younger))?.customerId).toBe(older);
      // Versions alone: the survivor's, and none for the id merged away (its profile is read instead).
      expect(await store().profileVersions(older)).toEqual({ version: p?.version, materialVersion: p?.materialVersion });
      expect(await store().profileVersions(younger)).toBeNull();
      expect(await store().profileVersions(`nobody-${u}`)).toBeNull();

      const history = await store().contactHistory(older);
      expect(history.map((c) => c.outcomeId)).toEqual([`o2-${u}`, `o1-${u}`]);
      const exported = await store().exportProfile(older);
      expect(exported?.events).toHaveLength(5);
      expect(exported?.events[0]?.type).toBe('identify');

      // Events of the merged customer seen before the merge are still duplicates after it.
      const replay = await store().ingest([event('email_opened', email, {}, { id: `${exported?.events[2]?.id}`, occurredAt: at(100) })]);
      expect(replay[0]?.status).toBe('duplicate');
      // A later event on either identifier lands on the survivor.
      const [later] = await store().ingest([event('page_viewed', email, {}, { occurredAt: at(300) })]);
      expect(later?.customerId).toBe(older);
      expect((await store().getProfile(older))?.eventCount).toBe(6);
    });

    it('merges three customers linked in one call, and picks the oldest by firstSeen', async () => {
      const u = uid();
      const a = { deviceId: `a-${u}` };
      const b = { loyaltyId: `b-${u}` };
      const c = { crmId: `c-${u}` };
      await store().ingest([event('page_viewed', a, {}, { occurredAt: at(30) })]);
      const [rb] = await store().ingest([event('page_viewed', b, {}, { occurredAt: at(10) })]);
      await store().ingest([event('page_viewed', c, {}, { occurredAt: at(20) })]);
      const results = await store().ingest([
        event('identify', { ...a, ...b }, {}, { occurredAt: at(40) }),
        event('identify', { ...b, ...c }, {}, { occurredAt: at(41) }),
      ]);
      const oldest = rb?.customerId as string;
      expect(results.map((r) => r.customerId)).toEqual([oldest, oldest]);
      const p = await store().getProfile(oldest);
      expect(p?.eventCount).toBe(5);
      expect(p?.aliases).toHaveLength(2);
      for (const ids of [a, b, c]) expect(await store().resolve(ids)).toBe(oldest);
    });
  });
}
