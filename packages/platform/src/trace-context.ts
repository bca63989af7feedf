import { randomFillSync } from 'node:crypto';

/** W3C Trace Context header (https://www.w3.org/TR/trace-context/): `00-<trace id>-<parent span id>-<flags>`. */
export const TRACEPARENT_HEADER = 'traceparent';

/** This service's part of a distributed trace: the trace it belongs to and its own span in it. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  /** The caller's span, when the request came with a valid `traceparent`. */
  readonly parentSpanId: string | null;
  /** Trace flags of the caller (`01`: sampled), passed on unchanged. */
  readonly flags: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/**
 * Continues the caller's trace with a new span of this service, or starts a trace when the header is
 * missing or malformed (version 00 only; all-zero ids are invalid by the specification).
 */
export function traceContextFrom(header: string | string[] | undefined): TraceContext {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? TRACEPARENT.exec(value.trim()) : null;
  if (match && match[1] !== INVALID_TRACE_ID && match[2] !== INVALID_SPAN_ID) {
    return { traceId: match[1]!, spanId: newSpanId(), parentSpanId: match[2]!, flags: match[3]! };
  }
  return { traceId: randomHex(16), spanId: newSpanId(), parentSpanId: null, flags: '01' };
}

/** The `traceparent` of one outgoing call: same trace, a new span id for the call itself. */
export function outgoingTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${newSpanId()}-${trace.flags}`;
}

function newSpanId(): string {
  return randomHex(8);
}

/**
 * Random bytes for ids, drawn from a pool refilled 4 KiB at a time (as `randomUUID` does): one
 * `randomBytes` call per id costs ≈ 4 µs, and a gateway makes one per request and one per subgraph fetch.
 * Trace and span ids identify, they guard nothing.
 */
const RANDOM_POOL = Buffer.allocUnsafe(4096);
let randomPoolOffset = RANDOM_POOL.length;

function randomHex(bytes: number): string {
  if (randomPoolOffset + bytes > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    randomPoolOffset = 0;
  }
  const hex = RANDOM_POOL.toString('hex', randomPoolOffset, randomPoolOffset + bytes);
  randomPoolOffset += bytes;
  return hex;
}
