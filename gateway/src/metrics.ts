import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

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

/**
 * A labelled child per label combination, kept: prom-client hashes a label object on every call,
 * and these are called on every request. The combinations are few (routes × methods × statuses).
 */
function childCache<T>(make: (...labels: string[]) => T): (...labels: string[]) => T {
  const children = new Map<string, T>();
  return (...labels) => {
    const key = labels.join('\u0000');
    let child = children.get(key);
    if (child === undefined) {
      child = make(...labels);
      children.set(key, child);
    }
    return child;
  };
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'omnikernel_' });
  const requests = new Counter({ name: 'omnikernel_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'omnikernel_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route', 'method'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const decisions = new Counter({ name: 'omnikernel_decisions_total', help: 'Current decisions served, by whether they were reused or computed', labelNames: ['result'], registers: [registry] });
  const served = childCache((result) => decisions.labels(result));
  const requestCount = childCache((route, method, status) => requests.labels(route, method, status));
  const requestTime = childCache((route, method) => duration.labels(route, method));
  return {
    registry,
    events: new Counter({ name: 'omnikernel_events_total', help: 'Events by ingestion status', labelNames: ['status'], registers: [registry] }),
    outcomes: new Counter({ name: 'omnikernel_outcomes_total', help: 'Outcomes by type and channel (per-channel analytics)', labelNames: ['type', 'channel', 'status'], registers: [registry] }),
    decisionsServed: (result) => served(result).inc(),
    requestDone(route, method, status, seconds) {
      requestCount(route, method, String(status)).inc();
      requestTime(route, method).observe(seconds);
    },
  };
}
