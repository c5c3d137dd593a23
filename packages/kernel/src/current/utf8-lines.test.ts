import { describe, expect, it } from 'vitest';
import { utf8Lines } from './utf8-lines.ts';

describe('utf8Lines', () => {
  it('gives the same bytes as Buffer.from of the joined text, with each line found by its range', () => {
    const lines = ['{"a":1}', 'Free shipping over €49 — naïve 😀', '', 'x'.repeat(70_000), '"\\u2028"'];
    const { bytes, ranges } = utf8Lines(lines);
    expect(bytes.equals(Buffer.from(lines.join('\n'), 'utf8'))).toBe(true);
    expect(ranges.map(([start, end]) => bytes.toString('utf8', start, end))).toEqual(lines);
  });

  it('gives each call a buffer of its own, of the exact size', () => {
    const first = utf8Lines(['first €']);
    const second = utf8Lines(['second']);
    expect(first.bytes.toString('utf8')).toBe('first €');
    expect(first.bytes.buffer).not.toBe(second.bytes.buffer);
    expect(first.bytes.buffer.byteLength).toBe(first.bytes.length);
  });

  it('handles a payload beyond the scratch limit', () => {
    const big = ['€'.repeat(400_000), 'tail'];
    expect(utf8Lines(big).bytes.equals(Buffer.from(big.join('\n')))).toBe(true);
  });
});
