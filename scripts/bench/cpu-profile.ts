/**
 * Where a process spent its CPU: self time of a V8 CPU profile (`node --cpu-prof`), by package and by
 * function, optionally only for samples inside time windows (the load, not the start-up).
 *
 *   node scripts/bench/cpu-profile.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: CallFrame }[];
  /** Microseconds on the monotonic clock (the one of `process.hrtime`). */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** Busy milliseconds in the window (idle samples left out). */
  readonly busyMs: number;
  readonly byPackage: readonly { readonly name: string; readonly ms: number }[];
  readonly byFunction: readonly { readonly name: string; readonly where: string; readonly ms: number }[];
}

/** Which package (or part of Node, V8 or this repository) a function belongs to, from its script URL. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(program)') return 'V8 / native (unattributed)';
    if (functionName === 'parse' || functionName === 'stringify') return 'JSON (V8 built-in)';
    return 'V8 built-ins';
  }
  if (url.startsWith('node:internal/deps/undici')) return 'undici (Node fetch)';
  if (/^node:(_http|http|https|net|internal\/http|internal\/net|internal\/stream_base)/.test(url)) {
    return 'Node http / net';
  }
  if (url.startsWith('node:internal/streams') || url.startsWith('node:stream')) return 'Node streams';
  if (url.startsWith('node:internal/webstreams') || url.startsWith('node:internal/deps/')) {
    return 'Node web streams / deps';
  }
  if (url.startsWith('node:internal/crypto') || url === 'node:crypto') return 'Node crypto';
  if (/^node:(internal\/)?(timers|process\/task_queues)/.test(url)) return 'Node timers / task queues';
  if (/^node:(internal\/)?(async_hooks|async_local_storage)/.test(url)) return 'Node async context';
  if (/^node:(internal\/)?url/.test(url)) return 'Node url';
  if (url === 'node:events' || url.startsWith('node:internal/event_target')) return 'Node events';
  if (url.startsWith('node:')) return 'Node core (other)';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [first, second] = url.slice(inModules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const inRepository = /\/(gateway\/src|packages\/[^/]+|subgraphs\/[^/]+|scripts)\//.exec(url);
  if (inRepository) return `talentgraph ${inRepository[1]}`;
  return url;
}

/** `windows`: only samples taken inside one of them count (microseconds, monotonic clock); none: all. */
export function summarizeProfile(
  profile: CpuProfile,
  windows: readonly { readonly fromUs: number; readonly toUs: number }[] = [],
): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  let busyUs = 0;
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    at += profile.timeDeltas[index] ?? 0;
    // A sample stands for the time until the next one.
    const durationUs = profile.timeDeltas[index + 1] ?? 0;
    if (windows.length > 0 && !windows.some(({ fromUs, toUs }) => at >= fromUs && at <= toUs)) continue;
    const frame = frames.get(profile.samples[index]!)!;
    if (frame.functionName === '(idle)' || frame.functionName === '(root)') continue;
    busyUs += durationUs;
    const owner = packageOf(frame);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + durationUs);
    const where = frame.url === '' ? owner : `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += durationUs;
    byFunction.set(key, entry);
  }
  return {
    busyMs: busyUs / 1000,
    byPackage: [...byPackage].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
    byFunction: [...byFunction.values()]
      .map((entry) => ({ ...entry, ms: entry.ms / 1000 }))
      .sort((a, b) => b.ms - a.ms),
  };
}

function shortUrl(url: string): string {
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) return url.slice(inModules + '/node_modules/'.length);
  return url.replace(/^file:\/\/.*?\/(gateway|packages|subgraphs|scripts)\//, '$1/');
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' } },
  });
  const top = Number(values.top);
  for (const path of positionals) {
    const summary = summarizeProfile(readProfile(path));
    const percent = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %`;
    console.log(`${path}: ${summary.busyMs.toFixed(0)} ms busy\n\nSelf time by package:`);
    for (const { name, ms } of summary.byPackage.slice(0, top)) {
      console.log(`  ${percent(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
    }
    console.log('\nSelf time by function:');
    for (const { name, where, ms } of summary.byFunction.slice(0, top)) {
      console.log(`  ${percent(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${name}  (${where})`);
    }
    console.log();
  }
}
