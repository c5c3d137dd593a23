import { describe, expect, it } from 'vitest';
import { event } from '../contract/fixtures.ts';
import { groupEvents } from './group-events.ts';
import { prepareEvents } from './prepare.ts';

describe('groupEvents', () => {
  const events = prepareEvents(
    [
      event('page_viewed', { deviceId: 'd1' }),
      event('page_viewed', { deviceId: 'd2' }),
      event('identify', { deviceId: 'd1', email: 'a@b.io' }),
      event('page_viewed', { email: 'a@b.io' }),
      event('page_viewed', { phone: '+34600123456' }),
      event('page_viewed', { loyaltyId: 'L1' }),
    ],
    {},
  );

  it('puts events that share identifiers, directly or through each other, in one group', () => {
    const groups = groupEvents(events, new Map());
    expect(groups.map((g) => g.events.map((p) => p.index))).toEqual([[0, 2, 3], [1], [4], [5]]);
    expect(groups[0]?.keys).toEqual(['deviceId:d1', 'email:a@b.io']);
  });

  it('joins groups whose identifiers belong to the same customer, and lists every owner', () => {
    const owners = new Map<string, string | null>([
      ['deviceId:d2', 'c1'],
      ['phone:+34600123456', 'c1'],
      ['email:a@b.io', 'c2'],
    ]);
    const groups = groupEvents(events, owners);
    expect(groups.map((g) => [g.events.map((p) => p.index), [...g.owners]])).toEqual([
      [[0, 2, 3], ['c2']],
      [[1, 4], ['c1']],
      [[5], []],
    ]);
  });
});
