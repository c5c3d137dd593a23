/**
 * The Redis key layout. Every key of one customer shares the hash tag `{c:<id>}`, so a customer's
 * profile, idempotency marks, events, contacts and decision live on one Cluster slot and change
 * together in one script. Identity keys, kept decisions, the catalog and the suppression list are
 * global (other slots) and are never part of a customer's atomic write.
 */
export interface KeyLayout {
  /** HASH `v` (version), `d` (profile JSON), `m` (merged into), `x` (erased marker). */
  profile(id: string): string;
  /** ZSET applied `e:<eventId>` / `o:<outcomeId>` → expiry (epoch ms): idempotency. */
  seen(id: string): string;
  /** LIST of raw events (JSON), newest ingested first, trimmed. */
  events(id: string): string;
  /** LIST of contact records (JSON), newest recorded first, trimmed. */
  contacts(id: string): string;
  /** HASH `id`, `p` of the current decision, with its ttl. */
  decision(id: string): string;
  /** ZSET decision ids kept for this customer → expiry, so an erasure finds them. */
  decisionIndex(id: string): string;
  /** STRING merge/erasure lock token. */
  lock(id: string): string;
  /** STRING identifier → customer id (`ok:id:email:ana@example.com`). */
  identity(key: string): string;
  /** STRING a decision kept by id. */
  keptDecision(decisionId: string): string;
  readonly suppressed: string;
  catalog(kind: 'products' | 'stores' | 'offers'): string;
  readonly catalogVersion: string;
  /** A plugin's key; `pluginIndex` lists them (all under the hash tag `{ps:<plugin>}`). */
  pluginKey(plugin: string, key: string): string;
  pluginIndex(plugin: string): string;
  /** The pub/sub channel of change notices. */
  readonly changes: string;
}

/**
 * @example
 * createKeyLayout('ok').profile('c_1'); // 'ok:{c:c_1}:profile'
 */
export function createKeyLayout(prefix = 'ok'): KeyLayout {
  const c = (id: string, suffix: string) => `${prefix}:{c:${id}}:${suffix}`;
  return {
    profile: (id) => c(id, 'profile'),
    seen: (id) => c(id, 'seen'),
    events: (id) => c(id, 'events'),
    contacts: (id) => c(id, 'contacts'),
    decision: (id) => c(id, 'decision'),
    decisionIndex: (id) => c(id, 'decisions'),
    lock: (id) => c(id, 'lock'),
    identity: (key) => `${prefix}:id:${key}`,
    keptDecision: (decisionId) => `${prefix}:dec:${decisionId}`,
    suppressed: `${prefix}:suppressed`,
    catalog: (kind) => `${prefix}:catalog:${kind}`,
    catalogVersion: `${prefix}:catalog:version`,
    pluginKey: (plugin, key) => `${prefix}:{ps:${plugin}}:${key}`,
    pluginIndex: (plugin) => `${prefix}:{ps:${plugin}}`,
    changes: `${prefix}:changes`,
  };
}
