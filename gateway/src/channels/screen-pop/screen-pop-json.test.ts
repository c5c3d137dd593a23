import { describe, expect, it } from 'vitest';
import { decisionViewMembers, screenPopJson } from './screen-pop-json.ts';
import type { DecisionView, ScreenPopView } from './view-types.ts';

const decision = {
  decisionId: 'dec_1',
  validUntil: '2026-11-23T20:00:00.000Z',
  lead: { score: 76, band: 'hot' },
  nextBestOffer: { offerId: 'o-1', title: 'Free shipping on orders over €49', script: 'Say "hi"\n' },
  offers: [{ offerId: 'o-1' }],
  recommendations: [],
  degraded: [],
} as unknown as DecisionView;

const callers: Pick<ScreenPopView, 'customer' | 'consent' | 'activity'>[] = [
  { customer: { customerId: 'c-1', name: 'Lucía Martín' } as unknown as ScreenPopView['customer'], consent: { email: true }, activity: { visitsLast30Days: { total: 2, byChannel: { web: 2 } } } as unknown as ScreenPopView['activity'] },
  { customer: null, consent: {}, activity: null },
];

describe('a screen pop serialised from its decision part made once', () => {
  it.each(callers)('is JSON.stringify of the whole view, byte for byte', (caller) => {
    for (const status of ['known', 'unknown', 'fallback'] as const) {
      expect(screenPopJson(status, decisionViewMembers(decision), caller).toString('utf8')).toBe(JSON.stringify({ status, ...decision, ...caller }));
    }
  });

  it('leaves out what JSON.stringify leaves out: undefined fields, an empty decision part', () => {
    const sparse = { ...decision, nextBestOffer: undefined } as unknown as DecisionView;
    expect(screenPopJson('known', decisionViewMembers(sparse), callers[1]!).toString('utf8')).toBe(JSON.stringify({ status: 'known', ...sparse, ...callers[1] }));
    expect(screenPopJson('unknown', decisionViewMembers({} as DecisionView), callers[1]!).toString('utf8')).toBe(JSON.stringify({ status: 'unknown', ...callers[1] }));
  });
});
