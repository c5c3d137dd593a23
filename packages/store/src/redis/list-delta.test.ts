import { describe, expect, it } from 'vitest';
import { listDelta, noteStoredForm } from './list-delta.ts';

const json = (entry: object) => JSON.stringify(entry);
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

/** What the commit script does with a delta: the stored entries kept by range, new ones as sent. */
function apply(stored: readonly object[], segments: readonly string[]): object[] {
  return segments.flatMap((s) => {
    const range = /^r(\d+):(\d+)$/.exec(s);
    return range === null ? (JSON.parse(`[${s}]`) as object[]) : stored.slice(Number(range[1]), Number(range[2]));
  });
}

describe('listDelta', () => {
  it('needs the stored list to be one entry per line', () => {
    const prev = entries(3);
    noteStoredForm(prev, '[{"i":0},\n{"i":1},\n{"i":2}]');
    expect(listDelta(prev, [{ x: 1 }, ...prev], json)).toEqual(['{"x":1}', 'r0:3']);
    const old = entries(3);
    noteStoredForm(old, JSON.stringify(old));
    expect(listDelta(old, [{ x: 1 }, ...old], json)).toBeNull();
  });

  it('rebuilds the new list for the usual changes', () => {
    const prev = entries(5);
    const [a, b, c, d, e] = prev as [object, object, object, object, object];
    const cases: object[][] = [
      [{ x: 1 }, a, b, c, d], // newest first, bounded
      [{ x: 1 }, b, c, d, e], // the head entry replaced (an open visit extended)
      [c, a, b, d, e], // an entry moved to the front (a product viewed again)
      [a, b, { late: 1 }, c, d, e], // an out-of-order event placed by time
      [{ x: 1 }, { x: 2 }, a, b, c], // two new entries
      [], // emptied
      [...prev], // unchanged copy
    ];
    for (const next of cases) {
      const segments = listDelta(prev, next, json);
      expect(segments).not.toBeNull();
      expect(apply(prev, segments as string[])).toEqual(next);
    }
  });

  it('gives up on a list reshuffled into many pieces', () => {
    const prev = entries(20);
    expect(listDelta(prev, [...prev].reverse(), json)).toBeNull();
  });
});
