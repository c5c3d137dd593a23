import { at, event, eventually, uid } from '../fixtures.ts';
import type { ContractContext } from '../fixtures.ts';

/** The current decision per customer (compare-and-set) and decisions kept by id. */
export function decisionsSection({ t, store }: ContractContext): void {
  const { describe, it, expect } = t;
  // Payloads are bytes; a '€' makes sure they come back as written, not re-encoded.
  const record = (tag: string) => ({ decisionId: `dec-${tag}-${uid()}`, payload: Buffer.from(JSON.stringify({ tag, price: '18,50 €' }), 'utf8') });

  describe('decisions', () => {
    it('sets the current decision only over the expected one', async () => {
      const customer = `c-${uid()}`;
      expect(await store().getCurrentDecision(customer)).toBeNull();
      const first = record('first');
      expect(await store().putCurrentDecision(customer, first, null, 60)).toEqual({ ok: true });
      expect(await store().getCurrentDecision(customer)).toEqual(first);
      const stale = await store().putCurrentDecision(customer, record('stale'), null, 60);
      expect(stale).toEqual({ ok: false, current: first });
      const second = record('second');
      expect(await store().putCurrentDecision(customer, second, first.decisionId, 60)).toEqual({ ok: true });
      expect(await store().getCurrentDecision(customer)).toEqual(second);
      expect(await store().currentDecisionId(customer)).toBe(second.decisionId);
      expect(await store().currentDecisionId(`c-${uid()}`)).toBeNull();
    });

    it('lets exactly one of two concurrent writers win; the other gets the winner', async () => {
      const customer = `c-${uid()}`;
      const base = record('base');
      await store().putCurrentDecision(customer, base, null, 60);
      const a = record('a');
      const b = record('b');
      const [ra, rb] = await Promise.all([
        store().putCurrentDecision(customer, a, base.decisionId, 60),
        store().putCurrentDecision(customer, b, base.decisionId, 60),
      ]);
      const wins = [ra, rb].filter((r) => r.ok);
      expect(wins).toHaveLength(1);
      const winner = ra.ok ? a : b;
      const loser = ra.ok ? rb : ra;
      expect(loser).toEqual({ ok: false, current: winner });
      expect(await store().getCurrentDecision(customer)).toEqual(winner);
    });

    it('forgets the current decision after its ttl', async () => {
      const customer = `c-${uid()}`;
      await store().putCurrentDecision(customer, record('short'), null, 1);
      expect(await store().getCurrentDecision(customer)).not.toBeNull();
      await eventually(async () => (await store().getCurrentDecision(customer)) === null);
      // Expired means none: a put expecting none succeeds.
      expect(await store().putCurrentDecision(customer, record('next'), null, 60)).toEqual({ ok: true });
    });

    it('commits a decision over the expected one and keeps it by id; a loser is not kept', async () => {
      const customer = `c-${uid()}`;
      const seen: string[] = [];
      const stop = store().onChange((n) => n.kind === 'decision' && n.customerId === customer && seen.push(n.customerId));
      try {
        const first = record('first');
        expect(await store().commitDecision(customer, first, null, 60, 60)).toEqual({ ok: true });
        expect(await store().getCurrentDecision(customer)).toEqual(first);
        expect(await store().getDecision(first.decisionId)).toEqual(first);
        const late = record('late');
        expect(await store().commitDecision(customer, late, null, 60, 60)).toEqual({ ok: false, current: first });
        expect(await store().getDecision(late.decisionId)).toBeNull();
        const second = record('second');
        expect(await store().commitDecision(customer, second, first.decisionId, 60, 60)).toEqual({ ok: true });
        expect(await store().currentDecisionId(customer)).toBe(second.decisionId);
        expect(await store().getDecision(first.decisionId)).toEqual(first);
        // This instance's listeners hear of each decision that became current, and only of those.
        expect(seen).toEqual([customer, customer]);
      } finally {
        stop();
      }
    });

    it('reads what a recomputation needs besides the profile at once: the current id and the contact history', async () => {
      const [r] = await store().ingest([event('page_viewed', { deviceId: `d-${uid()}` })]);
      const customerId = r?.customerId as string;
      expect(await store().decisionInputs(customerId)).toEqual({ currentDecisionId: null, contactHistory: [] });
      const shown = { id: `o-${uid()}`, type: 'shown', decisionId: 'd1', channel: 'web', occurredAt: at(1), offerId: 'f1', customerId } as const;
      await store().recordOutcome(shown, { material: false });
      await store().recordOutcome({ ...shown, id: `o-${uid()}`, type: 'clicked', occurredAt: at(3) }, { material: false });
      const current = record('current');
      await store().commitDecision(customerId, current, null, 60, 60);
      expect(await store().decisionInputs(customerId)).toEqual({ currentDecisionId: current.decisionId, contactHistory: await store().contactHistory(customerId) });
      expect((await store().decisionInputs(customerId)).contactHistory.map((c) => c.type)).toEqual(['clicked', 'shown']);
      expect(await store().decisionInputs(`c-${uid()}`)).toEqual({ currentDecisionId: null, contactHistory: [] });
    });

    it('keeps decisions by id for their retention, for replay and explanation', async () => {
      const kept = record('kept');
      await store().saveDecision(kept, `c-${uid()}`, 60);
      expect(await store().getDecision(kept.decisionId)).toEqual(kept);
      expect(await store().getDecision(`dec-none-${uid()}`)).toBeNull();
      const brief = record('brief');
      await store().saveDecision(brief, `c-${uid()}`, 1);
      expect(await store().getDecision(brief.decisionId)).toEqual(brief);
      await eventually(async () => (await store().getDecision(brief.decisionId)) === null);
    });
  });
}
