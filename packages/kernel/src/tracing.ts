import { context, isSpanContextValid, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

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

/** Starts a span, a child of the active one; the caller ends it. */
export function startSpan(name: string, attributes: Attributes): Span {
  return tracer.startSpan(name, { attributes });
}

/**
 * Runs `fn` with `span` as the active span, so spans started inside (by plugins too) are its
 * children. A span that belongs to no trace (no SDK registered, no caller's trace) has no children
 * worth linking: `fn` then runs as it is, which spares a context object and a context switch per
 * plugin per decision.
 */
export function inSpan<T>(span: Span, fn: () => T): T {
  if (!span.isRecording() && !isSpanContextValid(span.spanContext())) return fn();
  return context.with(trace.setSpan(context.active(), span), fn);
}

/** Marks a span failed with the error. */
export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Runs `fn` inside an active span, recording an exception and ending the span either way. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const span = startSpan(name, attributes);
  try {
    return await inSpan(span, () => fn(span));
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}
