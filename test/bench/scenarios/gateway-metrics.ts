/** What the bench reads from the gateway's `GET /metrics` (Prometheus text). */
export interface GatewayCounters {
  /** `omnikernel_decisions_total` by `result` (computed, reused, anonymous). */
  readonly decisions: Readonly<Record<string, number>>;
  /** `omnikernel_store_*`: the store's cache figures (entries, bytes, hits…), as the store reports them. */
  readonly store: Readonly<Record<string, number>>;
  /**
   * `omnikernel_snapshot_build_duration_seconds`, over every plugin and result: builds finished and
   * their wall time; null from a gateway that does not report them (an older bundle).
   */
  readonly snapshotBuilds: SnapshotBuilds | null;
}

export interface SnapshotBuilds {
  readonly count: number;
  readonly seconds: number;
}

export async function readCounters(url: string, apiKey: string): Promise<GatewayCounters> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return parseCounters(text);
}

/** The figures of a `GET /metrics` text. */
export function parseCounters(text: string): GatewayCounters {
  const decisions: Record<string, number> = {};
  const store: Record<string, number> = {};
  const snapshotBuilds = { count: 0, seconds: 0 };
  for (const line of text.split('\n')) {
    const build = /^omnikernel_snapshot_build_duration_seconds_(count|sum)\{[^}]*\}\s+([\d.e+-]+)$/.exec(line);
    if (build) snapshotBuilds[build[1] === 'count' ? 'count' : 'seconds'] += Number(build[2]);
    const decision = /^omnikernel_decisions_total\{[^}]*result="([^"]+)"[^}]*\}\s+([\d.e+-]+)/.exec(line);
    if (decision) decisions[decision[1]!] = Number(decision[2]);
    const stat = /^omnikernel_store_([A-Za-z0-9_]+)\s+([\d.e+-]+)$/.exec(line);
    if (stat) store[stat[1]!] = Number(stat[2]);
  }
  const reportsBuilds = /^# TYPE omnikernel_snapshot_build_duration_seconds /m.test(text);
  return { decisions, store, snapshotBuilds: reportsBuilds ? snapshotBuilds : null };
}

/** How many decisions were computed and reused between two readings. */
export function decisionsBetween(before: GatewayCounters, after: GatewayCounters): { computed: number; reused: number } {
  const delta = (k: string) => (after.decisions[k] ?? 0) - (before.decisions[k] ?? 0);
  return { computed: delta('computed'), reused: delta('reused') };
}

/** The snapshot builds that finished between two readings. */
export function snapshotBuildsBetween(before: GatewayCounters, after: GatewayCounters): SnapshotBuilds | null {
  if (before.snapshotBuilds === null || after.snapshotBuilds === null) return null;
  return { count: after.snapshotBuilds.count - before.snapshotBuilds.count, seconds: after.snapshotBuilds.seconds - before.snapshotBuilds.seconds };
}
