import { createSeededRandom } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { posterior } from './stats.ts';

const prior = { alpha: 1, beta: 1 };

describe('posterior', () => {
  it('starts from the prior', () => {
    expect(posterior({}, prior, 0.25)).toEqual({ alpha: 1, beta: 1 });
  });

  it('adds accepts and conversions to alpha, rejects and a quarter of each unanswered show to beta', () => {
    // 10 shows: 2 accepted, 1 converted, 3 rejected, so 4 unanswered.
    // alpha = 1 + 2 + 1 = 4; beta = 1 + 3 + 0.25 · 4 = 5; mean 4 / 9 = 0.444.
    expect(posterior({ shown: 10, accepted: 2, converted: 1, rejected: 3, clicked: 5 }, prior, 0.25)).toEqual({ alpha: 4, beta: 5 });
  });

  it('never counts negative unanswered shows when answers come without shows', () => {
    expect(posterior({ accepted: 2, rejected: 1 }, prior, 1)).toEqual({ alpha: 3, beta: 2 });
  });

  it('samples the posterior replayably, around its mean', () => {
    const { alpha, beta } = posterior({ shown: 100, accepted: 30, rejected: 70 }, prior, 0.25);
    const a = createSeededRandom('s');
    const b = createSeededRandom('s');
    const draws = Array.from({ length: 2_000 }, () => a.beta(alpha, beta));
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.beta(alpha, beta)));
    const mean = draws.reduce((x, y) => x + y, 0) / draws.length;
    expect(mean).toBeCloseTo(31 / 102, 1.5);
  });
});
