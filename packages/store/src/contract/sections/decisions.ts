import { eventually, uid } from '../fixtures.ts';
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
