import { createEmptyProfile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../projection/apply-event.ts';
import { controlFields, decodeProfile, encodeChanges, encodeProfile } from './profile-codec.ts';
import type { EncodedChanges } from './profile-codec.ts';

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
    const fields = encodeProfile(p);
    expect(decodeProfile([...fields, 'v', '1'])).toEqual(JSON.parse(JSON.stringify(p)));
    expect(decodeProfile(Object.fromEntries(pairs(fields)))).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('writes only the fields an event changed', () => {
    const p1 = applyEvent(first, view(1)).profile;
    const p2 = applyEvent(p1, view(2)).profile;
    const stored = Object.fromEntries(pairs(encodeProfile(p1)));
    const changes = encodeChanges(p2, p1);
    const changed = [...pairs(changes.fields).map(([field]) => field), ...listNames(changes)];
    expect(changed).toEqual(expect.arrayContaining(['f:version', 'f:lastSeen', 'f:eventCount', 'f:recentEvents', 'f:recentlyViewed']));
    expect(changed).not.toContain('f:identifiers');
    expect(changed).not.toContain('f:consent');
    expect(changed).not.toContain('f:customerId');
    // What was unchanged and what changed together rebuild the new profile.
    expect(decodeProfile(applyChanges(stored, changes))).toEqual(JSON.parse(JSON.stringify(p2)));
  });

  it('sends a changed list as a delta', () => {
    const p2 = applyEvent(applyEvent(first, view(1)).profile, view(2)).profile;
    // A profile read back from its hash: the lists (one entry per line) go as deltas.
    const read = decodeProfile(encodeProfile(p2)) as typeof p2;
    const p3 = applyEvent(read, view(3)).profile;
    const changes = encodeChanges(p3, read);
    expect(pairs(changes.fields).map(([field]) => field)).not.toContain('f:recentEvents');
    const at = changes.lists.indexOf('f:recentEvents');
    // The new entry, then the two stored entries kept (as the bytes they take in the stored text).
    const stored = Object.fromEntries(pairs(encodeProfile(p2)))['f:recentEvents'] as string;
    expect(changes.lists.slice(at, at + 5)).toEqual(['f:recentEvents', Buffer.byteLength(stored), 2, JSON.stringify(p3.recentEvents[0]), `k1:${Buffer.byteLength(stored) - 1}`]);
  });

  it('reads a list written before one-entry-per-line as a list to rewrite whole', () => {
    const p2 = applyEvent(applyEvent(first, view(1)).profile, view(2)).profile;
    const compact = Object.fromEntries(pairs(encodeProfile(p2)).map(([f, json]) => [f, JSON.stringify(JSON.parse(json))]));
    const read = decodeProfile(compact) as typeof p2;
    expect(read).toEqual(JSON.parse(JSON.stringify(p2)));
    const fields = pairs(encodeChanges(applyEvent(read, view(3)).profile, read).fields).map(([field]) => field);
    expect(fields).toContain('f:recentEvents');
  });

  it('reads the control fields and knows a hash without a profile', () => {
    expect(controlFields(['v', '4', 'm', 'c2'])).toEqual({ v: '4', m: 'c2', x: null });
    expect(controlFields({ x: '1' })).toEqual({ v: '0', m: null, x: '1' });
    expect(decodeProfile(['v', '4', 'm', 'c2'])).toBeNull();
  });
});

/** The names of the lists sent as deltas. */
function listNames(changes: EncodedChanges): string[] {
  const names: string[] = [];
  for (let i = 0, n = 0; n < changes.listCount; n++) {
    names.push(changes.lists[i] as string);
    i += 3 + (changes.lists[i + 2] as number);
  }
  return names;
}

/** What the commit script does with a write: whole fields set, lists rebuilt from their stored entries. */
function applyChanges(hash: Record<string, string>, changes: EncodedChanges): Record<string, string> {
  const out = { ...hash, ...Object.fromEntries(pairs(changes.fields)) };
  for (let i = 0, n = 0; n < changes.listCount; n++) {
    const name = changes.lists[i] as string;
    const text = Buffer.from(hash[name] ?? '[]', 'utf8');
    expect(text.length).toBe(changes.lists[i + 1] as number);
    const segments = changes.lists.slice(i + 3, i + 3 + (changes.lists[i + 2] as number)) as string[];
    const parts = segments.map((s) => {
      const range = /^k(\d+):(\d+)$/.exec(s);
      return range === null ? s : text.subarray(Number(range[1]), Number(range[2])).toString('utf8');
    });
    out[name] = `[${parts.join(',\n')}]`;
    i += 3 + segments.length;
  }
  return out;
}

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}
