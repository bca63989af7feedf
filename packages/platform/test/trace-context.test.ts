import { describe, expect, it } from 'vitest';
import { outgoingTraceparent, traceContextFrom } from '../src/trace-context.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('W3C trace context', () => {
  it("continues the caller's trace with a span of its own", () => {
    const trace = traceContextFrom(`00-${TRACE_ID}-${CALLER_SPAN}-01`);
    expect(trace).toMatchObject({ traceId: TRACE_ID, parentSpanId: CALLER_SPAN, flags: '01' });
    expect(trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.spanId).not.toBe(CALLER_SPAN);
  });

  it('starts a new trace when the header is missing, malformed, of another version or all zeros', () => {
    for (const header of [
      undefined,
      'garbage',
      `01-${TRACE_ID}-${CALLER_SPAN}-01`,
      `00-${TRACE_ID.toUpperCase()}-${CALLER_SPAN}-01`,
      `00-${'0'.repeat(32)}-${CALLER_SPAN}-01`,
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
    ]) {
      const trace = traceContextFrom(header);
      expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(trace.traceId).not.toBe(TRACE_ID);
      expect(trace.parentSpanId).toBeNull();
    }
  });

  it('gives every outgoing call the same trace and a new span id', () => {
    const trace = traceContextFrom(`00-${TRACE_ID}-${CALLER_SPAN}-00`);
    const [first, second] = [outgoingTraceparent(trace), outgoingTraceparent(trace)];
    expect(first).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    expect(first).not.toBe(second);
    expect(first).not.toContain(CALLER_SPAN);
  });
});

describe('trace and span ids', () => {
  it('are never repeated, across refills of the random pool', () => {
    const trace = traceContextFrom(undefined);
    const spans = Array.from({ length: 2_000 }, () => outgoingTraceparent(trace).split('-')[2]);
    const traces = Array.from({ length: 600 }, () => traceContextFrom(undefined).traceId);
    expect(new Set(spans).size).toBe(spans.length);
    expect(new Set(traces).size).toBe(traces.length);
    for (const span of spans) expect(span).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
  });
});
