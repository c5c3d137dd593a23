import { describe, expect, it } from 'vitest';
import { listDelta, listText, noteStoredForm } from './list-delta.ts';

const json = (entry: object) => JSON.stringify(entry);
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ i, name: i % 3 === 0 ? `caf\u00e9 ${i} \u20ac` : `n${i}` }));

/** What the commit script does with a delta: byte ranges of the stored text kept, new entries as sent. */
function apply(stored: string, delta: { storedBytes: number; segments: readonly string[] }): string {
  const bytes = Buffer.from(stored, 'utf8');
  expect(bytes.length).toBe(delta.storedBytes);
  const parts = delta.segments.map((s) => {
    const range = /^k(\d+):(\d+)$/.exec(s);
    return range === null ? s : bytes.subarray(Number(range[1]), Number(range[2])).toString('utf8');
  });
  return `[${parts.join(',\n')}]`;
}

describe('listDelta', () => {
  it('needs the stored list to be one entry per line', () => {
    const prev = entries(3);
    const text = `[${prev.map(json).join(',\n')}]`;
    noteStoredForm(prev, text);
    const next = [{ x: 1 }, ...prev];
    const delta = listDelta(prev, next, json);
    expect(delta?.segments[0]).toBe('{"x":1}');
    expect(apply(text, delta!)).toBe(`[${next.map(json).join(',\n')}]`);
    const old = entries(3);
    noteStoredForm(old, JSON.stringify(old));
    expect(listDelta(old, [{ x: 1 }, ...old], json)).toBeNull();
  });

  it('needs to know the stored layout: a list neither read nor written here is written whole', () => {
    const prev = entries(3);
    expect(listDelta(prev, [{ x: 1 }, ...prev], json)).toBeNull();
  });

  it('rebuilds the new list for the usual changes, byte for byte (multi-byte characters included)', () => {
    const prev = entries(5);
    const stored = listText(prev, json);
    const [a, b, c, d, e] = prev as [object, object, object, object, object];
    const cases: object[][] = [
      [{ x: 1 }, a, b, c, d], // newest first, bounded
      [{ x: 1 }, b, c, d, e], // the head entry replaced (an open visit extended)
      [c, a, b, d, e], // an entry moved to the front (a product viewed again)
      [a, b, { late: '\u00fc' }, c, d, e], // an out-of-order event placed by time
      [{ x: 1 }, { x: 2 }, a, b, c], // two new entries
      [], // emptied
      [...prev], // unchanged copy
    ];
    for (const next of cases) {
      const delta = listDelta(prev, next, json);
      expect(delta).not.toBeNull();
      const written = apply(stored, delta!);
      expect(written).toBe(`[${next.map(json).join(',\n')}]`);
      // The new list's layout is known: the next write can go as a delta from it.
      const after = [{ y: 1 }, ...next];
      expect(apply(written, listDelta(next, after, json)!)).toBe(`[${after.map(json).join(',\n')}]`);
    }
  });

  it('learns the layout of a list read back, multi-byte characters included', () => {
    const prev = entries(7);
    const text = `[${prev.map(json).join(',\n')}]`;
    const read = JSON.parse(text) as object[];
    noteStoredForm(read, text);
    const next = [{ z: '\u4e2d' }, ...read.slice(0, 4), ...read.slice(5)];
    expect(apply(text, listDelta(read, next, json)!)).toBe(`[${next.map(json).join(',\n')}]`);
    const empty: object[] = [];
    noteStoredForm(empty, '[]');
    expect(apply('[]', listDelta(empty, [{ a: 1 }], json)!)).toBe('[{"a":1}]');
  });

  it('gives up on a list reshuffled into many pieces', () => {
    const prev = entries(20);
    listText(prev, json);
    expect(listDelta(prev, [...prev].reverse(), json)).toBeNull();
  });
});
