import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { context, ROOT_CONTEXT, trace, TraceFlags, type Attributes, type Context, type ContextManager, type Span, type SpanContext, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { definePlugin } from '@omnikernel/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel } from './kernel.ts';
import { silentLogger } from './logger.ts';
import { profileFixture, tinyCatalog } from './testing/fixtures.ts';

/** What an OpenTelemetry SDK would record, kept in memory: enough to check names, attributes and parents. */
interface Recorded {
  readonly name: string;
  readonly attributes: Attributes;
  readonly context: SpanContext;
  readonly parentSpanId: string | undefined;
  ended: boolean;
}

const recorded: Recorded[] = [];

function recordingTracer(): Tracer {
  const startSpan = (name: string, options: SpanOptions = {}, ctx: Context = context.active()): Span => {
    const parent = trace.getSpanContext(ctx);
    const record: Recorded = {
      name,
      attributes: { ...options.attributes },
      context: { traceId: parent?.traceId ?? randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: TraceFlags.SAMPLED },
      parentSpanId: parent?.spanId,
      ended: false,
    };
    recorded.push(record);
    const span: Span = {
      spanContext: () => record.context,
      setAttribute: (key, value) => ((record.attributes as Record<string, unknown>)[key] = value, span),
      setAttributes: (attributes) => (Object.assign(record.attributes, attributes), span),
      addEvent: () => span,
      addLink: () => span,
      addLinks: () => span,
      setStatus: () => span,
      updateName: () => span,
      end: () => void (record.ended = true),
      isRecording: () => true,
      recordException: () => {},
    };
    return span;
  };
  return {
    startSpan,
    startActiveSpan: ((name: string, ...rest: unknown[]) => {
      const fn = rest.pop() as (span: Span) => unknown;
      const span = startSpan(name, rest[0] as SpanOptions | undefined);
      return context.with(trace.setSpan(context.active(), span), () => fn(span));
    }) as Tracer['startActiveSpan'],
  };
}

/** Context kept across awaits, as the SDK's AsyncLocalStorage context manager keeps it. */
class AsyncContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();
  active = () => this.#storage.getStore() ?? ROOT_CONTEXT;
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.#storage.run(ctx, () => fn.call(thisArg, ...args));
  }
  bind = <T>(_ctx: Context, target: T) => target;
  enable = () => this;
  disable = () => this;
}

describe('tracing', () => {
  beforeAll(() => {
    const provider: TracerProvider = { getTracer: () => recordingTracer() };
    context.setGlobalContextManager(new AsyncContextManager());
    trace.setGlobalTracerProvider(provider);
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('gives a decision a span, a child span per plugin and for arbitration, and a plugin\'s own spans the plugin\'s as parent', async () => {
    const innerParents: (string | undefined)[] = [];
    const propose = (name: string) =>
      definePlugin({
        name,
        version: '1.0.0',
        apiVersion: 1,
        stage: 'propose',
        decide: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const inner = trace.getTracer('team').startSpan('team.work');
          innerParents.push(recorded.find((r) => r.context.spanId === inner.spanContext().spanId)?.parentSpanId);
          inner.end();
          return { items: [{ productId: 'p1', score: 0.5, reasons: [] }] };
        },
      });
    const compose = definePlugin({ name: 'mail', version: '1.0.0', apiVersion: 1, stage: 'compose', decide: () => ({ content: [{ id: 'b', kind: 'text', text: 'hi' }] }) });
    const kernel = createKernel({ plugins: [propose('alpha'), propose('beta'), compose], logger: silentLogger });
    await kernel.start();
    recorded.length = 0;
    const decision = await kernel.decide({ decisionId: 'dec_traced', profile: profileFixture(), catalog: tinyCatalog(), contactHistory: [], context: { channel: 'web' }, at: Date.parse('2026-11-23T12:00:00Z') });

    const root = recorded.find((r) => r.name === 'omnikernel.decide')!;
    expect(root.attributes).toMatchObject({ 'omnikernel.decision.id': decision.decisionId });
    const plugins = recorded.filter((r) => r.name === 'omnikernel.plugin');
    expect(plugins.map((p) => p.attributes['omnikernel.plugin.name']).sort()).toEqual(['alpha', 'beta', 'mail']);
    for (const p of plugins) {
      expect(p.parentSpanId).toBe(root.context.spanId);
      expect(p.attributes).toMatchObject({ 'omnikernel.decision.id': 'dec_traced', 'omnikernel.plugin.outcome': 'ok' });
    }
    expect(recorded.find((r) => r.name === 'omnikernel.arbitrate')?.parentSpanId).toBe(root.context.spanId);
    const proposers = plugins.filter((p) => p.attributes['omnikernel.plugin.name'] !== 'mail').map((p) => p.context.spanId);
    expect(innerParents.sort()).toEqual(proposers.sort());
    expect(recorded.every((r) => r.ended)).toBe(true);
  });
});
