import { createEmptyProfile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../projection/apply-event.ts';
import { controlFields, decodeProfile, encodeProfile } from './profile-codec.ts';

const first = createEmptyProfile('c1', '2026-03-02T09:00:00.000Z');
const view = (i: number) => ({
  id: `e${i}`,
  type: 'product_viewed' as const,
  channel: 'web',
  occurredAt: `2026-03-02T09:0${i}:00.000Z`,
  identifiers: { deviceId: 'd-1' },
  properties: { productId: `p${i}` },
});

describe('profile codec', () => {
  it('round-trips a profile through its hash fields', () => {
    const p = applyEvent(first, view(1)).profile;
    const fields = encodeProfile(p, null);
    expect(decodeProfile([...fields, 'v', '1'])).toEqual(JSON.parse(JSON.stringify(p)));
    expect(decodeProfile(Object.fromEntries(pairs(fields)))).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('writes only the fields an event changed', () => {
    const p1 = applyEvent(first, view(1)).profile;
    const p2 = applyEvent(p1, view(2)).profile;
    const changed = pairs(encodeProfile(p2, p1)).map(([field]) => field);
    expect(changed).toEqual(expect.arrayContaining(['f:version', 'f:lastSeen', 'f:eventCount', 'f:recentEvents', 'f:recentlyViewed']));
    expect(changed).not.toContain('f:identifiers');
    expect(changed).not.toContain('f:consent');
    expect(changed).not.toContain('f:customerId');
    // What was unchanged and what changed together rebuild the new profile.
    const all = Object.fromEntries([...pairs(encodeProfile(p1, null)), ...pairs(encodeProfile(p2, p1))]);
    expect(decodeProfile(all)).toEqual(JSON.parse(JSON.stringify(p2)));
  });

  it('reads the control fields and knows a hash without a profile', () => {
    expect(controlFields(['v', '4', 'm', 'c2'])).toEqual({ v: '4', m: 'c2', x: null });
    expect(controlFields({ x: '1' })).toEqual({ v: '0', m: null, x: '1' });
    expect(decodeProfile(['v', '4', 'm', 'c2'])).toBeNull();
  });
});

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}
