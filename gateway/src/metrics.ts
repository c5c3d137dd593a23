import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus metrics, on a registry of its own (no process-global state). */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'route' | 'method' | 'status'>;
  readonly duration: Histogram<'route' | 'method'>;
  readonly decisions: Counter<'result'>;
  readonly events: Counter<'status'>;
  readonly outcomes: Counter<'type' | 'channel' | 'status'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'omnikernel_' });
  return {
    registry,
    requests: new Counter({ name: 'omnikernel_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    duration: new Histogram({
      name: 'omnikernel_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route', 'method'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    decisions: new Counter({ name: 'omnikernel_decisions_total', help: 'Current decisions served, by whether they were reused or computed', labelNames: ['result'], registers: [registry] }),
    events: new Counter({ name: 'omnikernel_events_total', help: 'Events by ingestion status', labelNames: ['status'], registers: [registry] }),
    outcomes: new Counter({ name: 'omnikernel_outcomes_total', help: 'Outcomes by type and channel (per-channel analytics)', labelNames: ['type', 'channel', 'status'], registers: [registry] }),
  };
}
