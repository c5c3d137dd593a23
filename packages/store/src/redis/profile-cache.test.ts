import { createEmptyProfile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { ProfileCache } from './profile-cache.ts';

const profile = (id: string, version = 1) => ({ ...createEmptyProfile(id, '2026-03-02T09:00:00.000Z'), version });

describe('ProfileCache', () => {
  it('counts hits and misses, entries and bytes', () => {
    const cache = new ProfileCache();
    expect(cache.get('a')).toBeUndefined();
    cache.set(profile('a'));
    expect(cache.get('a')?.customerId).toBe('a');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    expect(cache.stats().bytes).toBeGreaterThan(0);
  });

  it('is bounded by entries and by bytes', () => {
    const byCount = new ProfileCache({ max: 2 });
    for (const id of ['a', 'b', 'c']) byCount.set(profile(id));
    expect(byCount.stats().entries).toBe(2);
    expect(byCount.get('a')).toBeUndefined();
    const byBytes = new ProfileCache({ maxBytes: 2000 }); // an empty profile counts ~800 bytes
    for (const id of ['a', 'b', 'c']) byBytes.set(profile(id));
    expect(byBytes.stats().entries).toBe(2);
    expect(byBytes.stats().bytes).toBeLessThanOrEqual(2000);
  });

  it('never replaces a fresh newer version with an older one', () => {
    const cache = new ProfileCache();
    cache.set(profile('a', 5));
    cache.set(profile('a', 4));
    expect(cache.get('a')?.version).toBe(5);
  });

  it('gives an expired profile as the base of a write (the version check guards it), up to a minute past its ttl', () => {
    let now = 1000;
    const cache = new ProfileCache({ ttlMs: 5000, clock: () => now });
    cache.set(profile('a'));
    now += 30_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.base('a')?.customerId).toBe('a');
    now += 40_000;
    expect(cache.base('a')).toBeUndefined();
    cache.set(profile('b'));
    cache.evict('b');
    expect(cache.base('b')).toBeUndefined();
  });

  it('serves an expired entry only when asked for stale data', () => {
    let now = 1000;
    const cache = new ProfileCache({ ttlMs: 5000, clock: () => now });
    cache.set(profile('a'));
    now += 4999;
    expect(cache.get('a')?.customerId).toBe('a');
    now += 2;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stale('a')?.customerId).toBe('a');
    expect(cache.stats().staleHits).toBe(1);
  });

  it('keeps identity lookups fresh longer than profiles (an owner changes only by merge or erasure)', () => {
    let now = 1000;
    const cache = new ProfileCache({ ttlMs: 5000, identityTtlMs: 600_000, clock: () => now });
    cache.set(profile('a'));
    cache.setIdentity('email:a@b.io', 'a');
    now += 60_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.identity('email:a@b.io')).toBe('a');
    now += 600_000;
    expect(cache.identity('email:a@b.io')).toBeUndefined();
  });

  it('holds versions read alone as long as profiles, and forgets them with the profile', () => {
    let now = 1000;
    const cache = new ProfileCache({ ttlMs: 5000, clock: () => now });
    cache.setVersions('a', { version: 3, materialVersion: 2 });
    expect(cache.versions('a')).toEqual({ version: 3, materialVersion: 2 });
    cache.set(profile('a', 4));
    expect(cache.versions('a')?.version).toBe(4);
    cache.evict('a');
    expect(cache.versions('a')).toBeUndefined();
    cache.setVersions('a', { version: 3, materialVersion: 2 });
    cache.set(profile('a', 5));
    now += 5001; // the profile expires: the versions read before it must not answer for it
    expect(cache.versions('a')).toBeUndefined();
    now -= 5001;
    cache.evict('a');
    expect(cache.versions('a')).toBeUndefined();
    cache.setVersions('b', { version: 1, materialVersion: 1 });
    now += 5001;
    expect(cache.versions('b')).toBeUndefined();
  });

  it('evicts identity lookups by the customer they point to', () => {
    const cache = new ProfileCache();
    cache.setIdentity('email:a@b.io', 'c1');
    cache.setIdentity('deviceId:d1', 'c1');
    cache.setIdentity('deviceId:d2', 'c2');
    cache.evictIdentities('c1');
    expect(cache.identity('email:a@b.io')).toBeUndefined();
    expect(cache.identity('deviceId:d1')).toBeUndefined();
    expect(cache.identity('deviceId:d2')).toBe('c2');
  });
});
