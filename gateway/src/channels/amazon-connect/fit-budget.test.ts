import { describe, expect, it } from 'vitest';
import { attributeBytes, fitAttributeBudget } from './fit-budget.ts';

const withRecs = (n: number, name = 'Kettle') => {
  const map: Record<string, string> = { ok_status: 'known', ok_rec_count: String(n) };
  for (let i = 1; i <= n; i++) Object.assign(map, { [`ok_rec_${i}_id`]: `p${i}`, [`ok_rec_${i}_name`]: name, [`ok_rec_${i}_price`]: '€1.00' });
  return map;
};

describe('fitAttributeBudget', () => {
  it('counts UTF-8 bytes of keys and values', () => {
    expect(attributeBytes({ ab: 'é' })).toBe(4);
    expect(attributeBytes({ k: '€' })).toBe(4);
  });

  it('leaves a map that fits untouched', () => {
    const map = withRecs(3);
    expect(fitAttributeBudget(map, 10_000)).toBe(map);
  });

  it('drops whole recommendations from the tail until the map is under the budget', () => {
    const map = withRecs(12, 'é'.repeat(50));
    const budget = attributeBytes(withRecs(5, 'é'.repeat(50))) + 1;
    const fitted = fitAttributeBudget(map, budget);
    expect(attributeBytes(fitted)).toBeLessThan(budget);
    expect(fitted.ok_rec_count).toBe('5');
    expect(fitted.ok_rec_5_price).toBe('€1.00');
    expect(Object.keys(fitted).some((k) => k.startsWith('ok_rec_6_'))).toBe(false);
    expect(map.ok_rec_count).toBe('12');
  });

  it('does not confuse recommendation 1 with 10 or 11', () => {
    const fitted = fitAttributeBudget(withRecs(11), attributeBytes(withRecs(10)) + 1);
    expect(fitted.ok_rec_count).toBe('10');
    expect(fitted.ok_rec_1_id).toBe('p1');
    expect(fitted.ok_rec_10_id).toBe('p10');
    expect(fitted.ok_rec_11_id).toBeUndefined();
  });
});
