import { describe, expect, it } from 'vitest';
import { createPairMemo } from './pair-memo.ts';

describe('createPairMemo', () => {
  it('computes once per pair, keeps null and undefined values, and starts over past its limit', () => {
    const calls: string[] = [];
    const memo = createPairMemo<string, number, string | null | undefined>(3);
    const compute = (a: string, b: number) => {
      calls.push(`${a}${b}`);
      return b === 0 ? null : b === 1 ? undefined : `${a}:${b}`;
    };
    expect(memo.get('x', 0, compute)).toBeNull();
    expect(memo.get('x', 1, compute)).toBeUndefined();
    expect(memo.get('y', 2, compute)).toBe('y:2');
    expect(memo.get('x', 0, compute)).toBeNull();
    expect(memo.get('x', 1, compute)).toBeUndefined();
    expect(calls).toEqual(['x0', 'x1', 'y2']);
    memo.get('z', 3, compute); // the fourth pair: everything kept is dropped first
    memo.get('x', 0, compute);
    expect(calls).toEqual(['x0', 'x1', 'y2', 'z3', 'x0']);
  });

  it('keeps nothing when the computation throws', () => {
    const memo = createPairMemo<string, string, number>(10);
    let n = 0;
    expect(() => memo.get('a', 'b', () => { n += 1; throw new Error('bad'); })).toThrow('bad');
    expect(memo.get('a', 'b', () => (n += 1))).toBe(2);
  });
});
