import { fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { leadScore } from './lead-score.ts';

const bands = { hot: 70, warm: 40 };
const now = Date.parse('2026-03-18T12:30:00Z');

describe('leadScore', () => {
  it('scores the caller with an abandoned cart as hot, by the documented formula', () => {
    // recency 30·e^(−0.007/7) ≈ 29.97 (last seen 10 min ago); visits 3 in 30 days → 12; views 2 in 14 days → 4;
    // cart abandoned 1.7 days ago → 20·e^(−1.70/7) ≈ 15.69; one call → 5; no clicks. Sum 66.7 → 67: warm, just.
    expect(leadScore(fixtureProfiles['caller-abandoned-cart'], now, bands)).toEqual({ score: 67, band: 'warm' });
  });

  it('scores a new customer low and nobody above 100', () => {
    expect(leadScore(fixtureProfiles['new-customer'], now, bands)).toEqual({ score: 34, band: 'cold' });
    const eager = { ...fixtureProfiles['caller-abandoned-cart'], emailClicks: 50, visits: Array.from({ length: 20 }, () => ({ at: '2026-03-18T12:00:00Z', channel: 'web' })) };
    expect(leadScore(eager, now, { hot: 70, warm: 40 }).score).toBeLessThanOrEqual(100);
    expect(leadScore(eager, now, bands).band).toBe('hot');
  });

  it('lets old activity fade', () => {
    const later = now + 60 * 86_400_000;
    expect(leadScore(fixtureProfiles['caller-abandoned-cart'], later, bands)).toEqual({ score: 0, band: 'cold' });
  });
});
