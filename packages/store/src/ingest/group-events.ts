import type { PreparedEvent } from './prepare.ts';

/** Events of one call that share identifiers (directly or through each other): one customer in the end. */
export interface EventGroup {
  /** In call order. */
  readonly events: PreparedEvent[];
  /** Every identity key of the group. */
  readonly keys: string[];
  /** The customers those keys point to now (more than one: they will be merged). */
  readonly owners: Set<string>;
}

/**
 * Groups a call's events by shared identifiers (union-find over identity keys), so each customer
 * is resolved once and written once per call, and events that link two customers are handled
 * together with the events before them. `owners` comes from one lookup of every key.
 */
export function groupEvents(events: readonly PreparedEvent[], owners: ReadonlyMap<string, string | null>): EventGroup[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = k;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  // Keys owned by the same customer belong together even when no event of this call links them.
  const byOwner = new Map<string, string>();
  for (const p of events) {
    for (const k of p.keys) if (!parent.has(k)) parent.set(k, k);
    const first = p.keys[0] as string;
    for (const k of p.keys) parent.set(find(k), find(first));
    for (const k of p.keys) {
      const owner = owners.get(k);
      if (owner === null || owner === undefined) continue;
      const seen = byOwner.get(owner);
      if (seen === undefined) byOwner.set(owner, k);
      else parent.set(find(k), find(seen));
    }
  }
  const groups = new Map<string, EventGroup>();
  for (const p of events) {
    const root = find(p.keys[0] as string);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = { events: [], keys: [], owners: new Set() }));
    group.events.push(p);
    for (const k of p.keys) {
      if (!group.keys.includes(k)) group.keys.push(k);
      const owner = owners.get(k);
      if (owner !== null && owner !== undefined) group.owners.add(owner);
    }
  }
  return [...groups.values()];
}
