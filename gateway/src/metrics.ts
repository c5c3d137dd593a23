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
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'omnikernel_' });
  const countRequest = localCounter(registry, 'omnikernel_http_requests_total', 'HTTP requests by route and status', ['route', 'method', 'status']);
  const timeRequest = localHistogram(registry, 'omnikernel_http_request_duration_seconds', 'HTTP request duration', ['route', 'method'], [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]);
  const countDecision = localCounter(registry, 'omnikernel_decisions_total', 'Current decisions served, by whether they were reused or computed', ['result']);
  return {
    registry,
    events: new Counter({ name: 'omnikernel_events_total', help: 'Events by ingestion status', labelNames: ['status'], registers: [registry] }),
    outcomes: new Counter({ name: 'omnikernel_outcomes_total', help: 'Outcomes by type and channel (per-channel analytics)', labelNames: ['type', 'channel', 'status'], registers: [registry] }),
    decisionsServed: (result) => countDecision(result),
    requestDone(route, method, status, seconds) {
      countRequest(route, method, String(status));
      timeRequest(seconds, route, method);
    },
  };
}
