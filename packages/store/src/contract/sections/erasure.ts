import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** GDPR: export everything held, erase everything held, optionally keep later events out. */
export function erasureSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('export and erasure', () => {
    it('exports the profile, the retained events, the contact history and the current decision', async () => {
      const ids = { email: `x-${uid()}@example.com` };
      const events = [0, 1, 2].map((m) => event('page_viewed', ids, { url: `/${m}` }, { occurredAt: at(m) }));
      const [r] = await store().ingest(events);
      const id = r?.customerId as string;
      await store().recordOutcome({ id: `o-${uid()}`, type: 'shown', decisionId: 'd1', channel: 'web', occurredAt: at(3), offerId: 'f', customerId: id }, { material: false });
      await store().putCurrentDecision(id, { decisionId: `dec-${uid()}`, payload: Buffer.from('{}') }, null, 60);
      const exported = await store().exportProfile(id);
      expect(exported?.profile.customerId).toBe(id);
      expect(exported?.events.map((e) => e.id)).toEqual([events[2]?.id, events[1]?.id, events[0]?.id]);
      expect(exported?.events[0]?.identifiers).toEqual(ids);
      expect(exported?.contactHistory).toHaveLength(1);
      expect(exported?.currentDecisionId).toMatch(/^dec-/);
      expect(await store().exportProfile(`nobody-${uid()}`)).toBeNull();
    });

    it('erases a customer: profile, identity, decisions and history; a later event starts afresh', async () => {
      const ids = { email: `gone-${uid()}@example.com` };
      const [r] = await store().ingest([event('purchase', ids, { items: [{ productId: 'p', quantity: 1, price: 5 }] })]);
      const id = r?.customerId as string;
      const decisionId = `dec-${uid()}`;
      await store().putCurrentDecision(id, { decisionId, payload: Buffer.from('{}') }, null, 60);
      await store().saveDecision({ decisionId, payload: Buffer.from('{"x":1}') }, id, 60);
      expect(await store().deleteProfile(id)).toBe(true);
      expect(await store().getProfile(id)).toBeNull();
      expect(await store().profileVersions(id)).toBeNull();
      expect(await store().resolve(ids)).toBeNull();
      expect(await store().getCurrentDecision(id)).toBeNull();
      expect(await store().getDecision(decisionId)).toBeNull();
      expect(await store().contactHistory(id)).toEqual([]);
      expect(await store().deleteProfile(id)).toBe(false);
      const [again] = await store().ingest([event('page_viewed', ids, {}, { occurredAt: at(5) })]);
      expect(again?.status).toBe('accepted');
      expect((await store().getProfile(again?.customerId as string))?.eventCount).toBe(1);
    });

    it('with suppression, drops later events of any of the erased identifiers', async () => {
      const u = uid();
      const ids = { email: `stop-${u}@example.com`, deviceId: `d-${u}` };
      const [r] = await store().ingest([event('page_viewed', ids)]);
      expect(await store().deleteProfile(r?.customerId as string, { suppress: true })).toBe(true);
      const later = await store().ingest([
        event('page_viewed', { email: ` STOP-${u}@example.com` }),
        event('page_viewed', { deviceId: `d-${u}` }),
        event('page_viewed', { deviceId: `other-${u}` }),
      ]);
      expect(later.map((x) => x.status)).toEqual(['suppressed', 'suppressed', 'accepted']);
      expect(await store().resolve({ email: `stop-${u}@example.com` })).toBeNull();
    });
  });
}
