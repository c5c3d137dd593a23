import type { SnapshotBuild } from '@omnikernel/kernel';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { localCounter, localHistogram } from './request-metrics.ts';

/** The gateway's Prometheus metrics, on a registry of its own (no process-global state). */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly events: Counter<'status'>;
  readonly outcomes: Counter<'type' | 'channel' | 'status'>;
  /** Counts a current decision served, by whether it was reused, computed or anonymous. */
  decisionsServed(result: 'reused' | 'computed' | 'anonymous'): void;
  /** Counts and times one HTTP request. */
  requestDone(route: string, method: string, status: number, seconds: number): void;
  /** Times one snapshot build of a learning plugin (the kernel's `onSnapshotBuilt`). */
  snapshotBuilt(build: SnapshotBuild): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'omnikernel_' });
  const countRequest = localCounter(registry, 'omnikernel_http_requests_total', 'HTTP requests by route and status', ['route', 'method', 'status']);
  const timeRequest = localHistogram(registry, 'omnikernel_http_request_duration_seconds', 'HTTP request duration', ['route', 'method'], [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]);
  const countDecision = localCounter(registry, 'omnikernel_decisions_total', 'Current decisions served, by whether they were reused or computed', ['result']);
  // Wall time: a build yields to requests every ~2 ms (ADR 22), so it spans more than its own CPU.
  const timeSnapshotBuild = localHistogram(registry, 'omnikernel_snapshot_build_duration_seconds', 'Snapshot builds of the learning plugins, by plugin and result', ['plugin', 'result'], [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
  return {
    registry,
    events: new Counter({ name: 'omnikernel_events_total', help: 'Events by ingestion status', labelNames: ['status'], registers: [registry] }),
    outcomes: new Counter({ name: 'omnikernel_outcomes_total', help: 'Outcomes by type and channel (per-channel analytics)', labelNames: ['type', 'channel', 'status'], registers: [registry] }),
    decisionsServed: (result) => countDecision(result),
    requestDone(route, method, status, seconds) {
      countRequest(route, method, String(status));
      timeRequest(seconds, route, method);
    },
    snapshotBuilt: (build) => timeSnapshotBuild(build.seconds, build.plugin, build.version === null ? 'failed' : 'ok'),
  };
}
