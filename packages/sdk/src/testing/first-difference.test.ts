import { describe, expect, it } from 'vitest';
import { firstDifference } from './first-difference.ts';

describe('firstDifference', () => {
  it('is null for deeply equal data', () => {
    expect(firstDifference({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] })).toBeNull();
  });

  it('names the path of the first difference and both values', () => {
    expect(firstDifference({ items: [{ score: 0.31 }] }, { items: [{ score: 0.77 }] })).toBe('items[0].score: 0.31 ≠ 0.77');
    expect(firstDifference([1, 2], [1])).toBe('(root).length: 2 ≠ 1');
    expect(firstDifference({ a: 1 }, { a: 1, b: 'x' })).toBe('b: undefined ≠ "x"');
    expect(firstDifference({ a: [] }, { a: {} })).toBe('a: [] ≠ {}');
  });
});
