import { describe, expect, it } from 'vitest';
import { selectTop } from './select-top.ts';

describe('selectTop', () => {
  const entries = [['a', 1], ['b', 5], ['c', 3], ['d', 5], ['e', 0]] as const;
  const top = (n: number) => selectTop(entries, n, (e) => e[1], (e) => e[0]).map((e) => e[0]);

  it('keeps the n best, highest first, ties by id', () => {
    expect(top(3)).toEqual(['b', 'd', 'c']);
    expect(top(10)).toEqual(['b', 'd', 'c', 'a', 'e']);
    expect(top(0)).toEqual([]);
  });

  it('does not depend on the input order', () => {
    const reversed = selectTop([...entries].reverse(), 2, (e) => e[1], (e) => e[0]).map((e) => e[0]);
    expect(reversed).toEqual(['b', 'd']);
  });
});
