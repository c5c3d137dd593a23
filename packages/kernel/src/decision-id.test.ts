import { describe, expect, it } from 'vitest';
import { decisionIdTime, newDecisionId } from './decision-id.ts';

describe('decision ids', () => {
  it('encode their time, sort by it, and never repeat (also across refills of the random pool)', () => {
    const at = Date.UTC(2026, 10, 23, 12);
    const ids = Array.from({ length: 2000 }, (_, i) => newDecisionId(at + i));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(id).toMatch(/^dec_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(decisionIdTime(id)).toBe(at + i);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('draw every random character from the whole alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) for (const ch of newDecisionId(0).slice(14)) seen.add(ch);
    expect(seen.size).toBe(32);
  });
});
