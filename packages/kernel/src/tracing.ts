import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/** The kernel's tracer. Without an SDK registered by the host, spans are no-ops that cost almost nothing. */
export const tracer = trace.getTracer('omnikernel');

export const SpanNames = {
  decide: 'omnikernel.decide',
  stage: 'omnikernel.stage',
  plugin: 'omnikernel.plugin',
  arbitrate: 'omnikernel.arbitrate',
  store: 'omnikernel.store',
} as const;

export const SpanAttributes = {
  pluginName: 'omnikernel.plugin.name',
  decisionId: 'omnikernel.decision.id',
  customerId: 'omnikernel.customer.id',
  stage: 'omnikernel.stage',
  outcome: 'omnikernel.plugin.outcome',
} as const;

/** Runs `fn` inside an active span, recording an exception and ending the span either way. */
export async function withSpan<T>(name: string, attributes: Record<string, string | number>, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
