import { at, event, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** Outcomes: idempotent by id, kept in the contact history, material ones renew the decision. */
export function outcomesSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;

  describe('outcomes', () => {
    it('records an outcome once, newest first in the contact history', async () => {
      const [r] = await store().ingest([event('page_viewed', { deviceId: `d-${uid()}` })]);
      const customerId = r?.customerId as string;
      const shown = { id: `o-${uid()}`, type: 'shown', decisionId: 'd1', channel: 'web', occurredAt: at(1), offerId: 'f1', customerId } as const;
      const clicked = { ...shown, id: `o-${uid()}`, type: 'clicked', occurredAt: at(2) } as const;
      expect(await store().recordOutcome(shown, { material: false })).toBe('accepted');
      expect(await store().recordOutcome(shown, { material: false })).toBe('duplicate');
      expect(await store().recordOutcome(clicked, { material: false })).toBe('accepted');
      const history = await store().contactHistory(customerId);
      expect(history).toEqual([
        { outcomeId: clicked.id, type: 'clicked', decisionId: 'd1', channel: 'web', at: at(2), offerId: 'f1' },
        { outcomeId: shown.id, type: 'shown', decisionId: 'd1', channel: 'web', at: at(1), offerId: 'f1' },
      ]);
      // Not material: the profile is untouched.
      expect((await store().getProfile(customerId))?.version).toBe(1);
    });

    it('bumps version and materialVersion for a material outcome', async () => {
      const [r] = await store().ingest([event('page_viewed', { deviceId: `d-${uid()}` })]);
      const customerId = r?.customerId as string;
      const accepted = { id: `o-${uid()}`, type: 'accepted', decisionId: 'd1', channel: 'contact_center', occurredAt: at(1), offerId: 'f1', customerId } as const;
      expect(await store().recordOutcome(accepted, { material: true })).toBe('accepted');
      const p = await store().getProfile(customerId);
      expect(p?.version).toBe(2);
      expect(p?.materialVersion).toBe(2);
      expect(await store().recordOutcome(accepted, { material: true })).toBe('duplicate');
      expect((await store().getProfile(customerId))?.version).toBe(2);
    });
  });
}
