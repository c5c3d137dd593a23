import { describe, expect, it } from 'vitest';
import { Own } from './draft.ts';
import { insertInto } from './lists.ts';

const item = (at: string, id = at) => ({ at, id });
const list = (n: number) => Array.from({ length: n }, (_, i) => item(`2026-01-${String(28 - i).padStart(2, '0')}T10:00:00.000Z`));

describe('Own.insert', () => {
  it('gives what insertInto on an owned copy gives, and never changes the list it was given', () => {
    const times = ['2026-02-01T00:00:00.000Z', '2026-01-28T10:00:00.000Z', '2026-01-20T10:00:00.000Z', '2025-12-01T00:00:00.000Z', '2026-01-15T11:00:00+01:00'];
    for (const n of [0, 1, 3, 5, 6, 9])
      for (const max of [1, 2, 5, 6])
        for (const at of times)
          for (const ownedFirst of [false, true]) {
            const original = list(n);
            const frozen = Object.freeze(original.slice());
            const own = new Own();
            const start = ownedFirst ? own.list(frozen) : frozen;
            const expected = ownedFirst ? start.slice() : frozen.slice();
            insertInto(expected, item(at, 'new'), max);
            const got = own.insert(start, item(at, 'new'), max);
            expect(got).toEqual(expected);
            expect(got).not.toBe(frozen);
            expect(frozen).toEqual(original);
            // Later writes of the same call reuse the copy.
            expect(own.list(got)).toBe(got);
          }
  });
});
