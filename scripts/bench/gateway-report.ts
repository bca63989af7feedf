/**
 * The gateway benchmark's figures as Markdown: per subgraph mode and operation, one row per gateway
 * (throughput, latency, failures, CPU of every part of the machine), the ratios of ours to the others,
 * subgraph fetches per answer and the CPU profiles' summary.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as demo from '@talentgraph/demo-data';
import type { ProfileSummary } from './cpu-profile.ts';
import { GATEWAY_KINDS, OUR_GATEWAY_SETTINGS, type GatewayKind } from './gateways.ts';
import { percentile, type LoadResult } from './load.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const SUBGRAPH_MODES = ['real', 'replayed'] as const;
export type SubgraphMode = (typeof SUBGRAPH_MODES)[number];

export type SubgraphFetchCounts = Record<
  string,
  { readonly sequential: number; readonly concurrent: number }
>;

/** CPU milliseconds of each part of the machine during one measured run. */
export interface PartsCpu {
  readonly gateway: number;
  readonly subgraphs: number;
  readonly perSubgraph: Readonly<Record<string, number>>;
  readonly postgres: number;
  readonly idleGateways: number;
  readonly loadGenerator: number;
  readonly machine: number;
}

const TARGET_TITLES: Record<GatewayKind, string> = {
  stock: '(a) stock Apollo',
  ours: '(b) ours',
  hive: '(c) Hive Gateway',
};

export interface CellResult {
  readonly mode: SubgraphMode;
  readonly query: string;
  readonly kind: GatewayKind;
  readonly load: LoadResult;
  readonly cpu: PartsCpu;
}

interface Cell {
  readonly requestsPerSecond: number;
  readonly perRound: readonly number[];
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly failed: number;
  /** CPU ms per answer of each part, and the share of the machine's two cores it used. */
  readonly perRequest: Record<SummedPart, number>;
  readonly perSubgraph: Readonly<Record<string, number>>;
  readonly machineShare: number;
}

const SUMMED_PARTS = [
  'gateway',
  'subgraphs',
  'postgres',
  'idleGateways',
  'loadGenerator',
  'machine',
] as const;
type SummedPart = (typeof SUMMED_PARTS)[number];

function cellOf(results: readonly CellResult[]): Cell {
  const latencies = results.flatMap((result) => result.load.latenciesMs).sort((a, b) => a - b);
  const seconds = results.reduce((sum, result) => sum + result.load.seconds, 0);
  const succeeded = results.reduce((sum, result) => sum + result.load.succeeded, 0);
  const total = Math.max(1, latencies.length);
  const sumOf = (part: SummedPart) => results.reduce((sum, result) => sum + result.cpu[part], 0);
  const subgraphNames = Object.keys(results[0]?.cpu.perSubgraph ?? {});
  return {
    requestsPerSecond: succeeded / seconds,
    perRound: results.map((result) => result.load.succeeded / result.load.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed: results.reduce((sum, result) => sum + result.load.failed, 0),
    perRequest: Object.fromEntries(SUMMED_PARTS.map((part) => [part, sumOf(part) / total])) as Record<
      SummedPart,
      number
    >,
    perSubgraph: Object.fromEntries(
      subgraphNames.map((name) => [
        name,
        results.reduce((sum, result) => sum + (result.cpu.perSubgraph[name] ?? 0), 0) / total,
      ]),
    ),
    machineShare: sumOf('machine') / (seconds * 1000 * cpus().length),
  };
}

function versionOf(name: string): string {
  return (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** What one run of the benchmark measured, and how it was set up. */
export interface ReportInput {
  readonly settings: BenchSettings;
  readonly queries: readonly {
    readonly key: string;
    readonly title: string;
    /** A signed-in person's token, sent to all three gateways; or our gateway's partner key. */
    readonly caller: 'user' | 'partner';
  }[];
  readonly startedAt: Date;
  readonly loadAverageBefore: readonly number[];
  readonly results: readonly CellResult[];
  readonly subgraphFetches: SubgraphFetchCounts;
  readonly profiles: Record<GatewayKind, ProfileSummary> | null;
}

export interface BenchSettings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly profileSeconds: number;
  readonly subgraphModes: readonly SubgraphMode[];
}

/** The Markdown of the benchmark's section of docs/benchmarks.md. */
export function buildReport(input: ReportInput): string {
  const { settings, startedAt, loadAverageBefore, results, subgraphFetches, profiles } = input;
  const QUERIES = input.queries;
  const format = (value: number, digits = 1) => value.toFixed(digits);
  const lines: string[] = [];
  const loadAfter = loadavg();
  lines.push(
    `Generated by \`npm run bench:gateway\` (\`scripts/bench/gateway.ts\`) on ${startedAt.toISOString().slice(0, 16)}Z; ` +
      'each run replaces this section.',
    '',
    `- **Machine**: ${cpus().length} vCPU ${cpus()[0]?.model.trim() ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}; load average ${loadAverageBefore.map((value) => format(value, 2)).join(' / ')} ` +
      `before, ${loadAfter.map((value) => format(value, 2)).join(' / ')} after (1 / 5 / 15 min). The load generator, ` +
      'the gateways, the subgraphs and PostgreSQL share the cores.',
    `- **Code**: commit ${execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim()}.`,
    `- **Data**: the demo data set of npm start (${demo.organizations.length} organizations, ${demo.users.length} users, ` +
      `${demo.profiles.length} profiles, ${demo.offers.length} offers), embedded PostgreSQL 18, six subgraph processes.`,
    `- **Load**: autocannon ${versionOf('autocannon')} in the benchmark process, ${settings.connections} connections ` +
      `(closed loop), ${settings.warmupSeconds} s warm-up then ${settings.seconds} s measured per gateway and ` +
      `operation, ${settings.rounds} round(s), the gateways one after another in turning order. Every answer is ` +
      'checked byte for byte against the first one, whose data is the same from the three gateways.',
    `- **Gateways**, one Node process each: (a) \`@apollo/gateway\` ${versionOf('@apollo/gateway')} in ` +
      `\`@apollo/server\` ${versionOf('@apollo/server')} standalone, default options, no plugin ` +
      '(`scripts/bench/stock-gateway.ts`); (b) ours, `gateway/src/main.ts` with ' +
      Object.entries(OUR_GATEWAY_SETTINGS)
        .map(([name, value]) => `\`${name}=${value}\``)
        .join(', ') +
      ' (persisted operations only, limits, error masking, one log line per request to a file, metrics, ' +
      'rate limits counted in-process but set high enough never to refuse); (c) `@graphql-hive/gateway` ' +
      `${versionOf('@graphql-hive/gateway')} CLI, \`--fork 1\`, defaults plus the manifest as persisted documents ` +
      '(`scripts/bench/hive-gateway.config.ts`). All with `NODE_ENV=production`.',
    '- **Operations**, both sent as persisted operations (`extensions.persistedQuery.sha256Hash` only; stock Apollo ' +
      'knows them through APQ, registered once before the load): ' +
      QUERIES.map(
        (query) =>
          `\`${query.key}\` = ${query.title} ` +
          (query.caller === 'user'
            ? '(the same access token to all three; stock and Hive pass it on to the subgraphs)'
            : '(stock and Hive: anonymous)'),
      ).join('; ') +
      '.',
    '- **CPU ms per request** = CPU time of the process(es) during the measured run ÷ answers, from /proc; ' +
      '"machine busy" is the share of both cores used by everything on the machine (other work included).',
  );
  for (const mode of settings.subgraphModes) {
    lines.push(
      '',
      mode === 'real'
        ? '### Real subgraphs (as npm start runs them)'
        : '### Cheap subgraphs (repeated subgraph requests answered from memory by a stand-in process)',
    );
    for (const query of QUERIES) {
      const cells = Object.fromEntries(
        GATEWAY_KINDS.map((kind) => [
          kind,
          cellOf(
            results.filter(
              (result) => result.mode === mode && result.query === query.key && result.kind === kind,
            ),
          ),
        ]),
      ) as Record<GatewayKind, Cell>;
      lines.push(
        '',
        `**${query.title}**`,
        '',
        '| gateway | req/s (per round) | p50 ms | p95 ms | p99 ms | failed | gateway CPU ms/req | subgraphs CPU ms/req | PostgreSQL + npm start ms/req | load generator ms/req | idle gateways ms/req | machine busy |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...GATEWAY_KINDS.map((kind) => {
          const cell = cells[kind];
          return (
            `| ${TARGET_TITLES[kind]} | **${format(cell.requestsPerSecond)}** (${cell.perRound.map((value) => format(value)).join(', ')}) ` +
            `| ${format(cell.p50)} | ${format(cell.p95)} | ${format(cell.p99)} | ${cell.failed} ` +
            `| **${format(cell.perRequest.gateway, 2)}** | ${format(cell.perRequest.subgraphs, 2)} ` +
            `| ${format(cell.perRequest.postgres, 2)} | ${format(cell.perRequest.loadGenerator, 2)} ` +
            `| ${format(cell.perRequest.idleGateways, 2)} | ${format(100 * cell.machineShare, 0)} % |`
          );
        }),
        '',
        `Ours ÷ stock: **${format(cells.ours.requestsPerSecond / cells.stock.requestsPerSecond, 2)}×** req/s, ` +
          `p95 ${format(cells.ours.p95 / cells.stock.p95, 2)}×, gateway CPU per request ` +
          `${format(cells.ours.perRequest.gateway / cells.stock.perRequest.gateway, 2)}×. ` +
          `Ours ÷ Hive: **${format(cells.ours.requestsPerSecond / cells.hive.requestsPerSecond, 2)}×** req/s, ` +
          `p95 ${format(cells.ours.p95 / cells.hive.p95, 2)}×, gateway CPU per request ` +
          `${format(cells.ours.perRequest.gateway / cells.hive.perRequest.gateway, 2)}×.`,
        '',
        'CPU ms per request of each subgraph process: ' +
          Object.keys(cells.stock.perSubgraph)
            .map(
              (name) =>
                `${name} ${GATEWAY_KINDS.map((kind) => format(cells[kind].perSubgraph[name] ?? Number.NaN, 2)).join(' / ')}`,
            )
            .join(', ') +
          ' (stock / ours / Hive).',
      );
    }
  }
  if (Object.keys(subgraphFetches).length > 0) {
    lines.push(
      '',
      'Subgraph requests per answer, counted by the stand-in (one request at a time → what the query plan ' +
        `fetches; at ${settings.connections} connections → fewer when a gateway shares identical fetches in flight): ` +
        GATEWAY_KINDS.map(
          (kind) =>
            `${TARGET_TITLES[kind]} ` +
            QUERIES.map((query) => {
              const count = subgraphFetches[`${kind} ${query.key}`];
              return `${query.key} ${format(count?.sequential ?? Number.NaN, 2)} → ${format(count?.concurrent ?? Number.NaN, 2)}`;
            }).join(', '),
        ).join('; ') +
        '.',
    );
  }
  if (profiles) {
    lines.push(
      '',
      `### Where each gateway's CPU goes (V8 CPU profile, real subgraphs, ${settings.profileSeconds} s per operation)`,
      '',
      'Self time by package, as a share of the busy time sampled during the load (both operations):',
      '',
      '| package | ' + GATEWAY_KINDS.map((kind) => TARGET_TITLES[kind]).join(' | ') + ' |',
      '| --- | --- | --- | --- |',
    );
    const packages = [
      ...new Set(
        GATEWAY_KINDS.flatMap((kind) => profiles[kind].byPackage.slice(0, 10).map((entry) => entry.name)),
      ),
    ];
    const shareOf = (kind: GatewayKind, name: string) => {
      const entry = profiles[kind].byPackage.find((candidate) => candidate.name === name);
      return entry ? `${format((100 * entry.ms) / profiles[kind].busyMs)} %` : '–';
    };
    const weight = (name: string) =>
      GATEWAY_KINDS.reduce((sum, kind) => sum + (parseFloat(shareOf(kind, name)) || 0), 0);
    for (const name of packages.sort((a, b) => weight(b) - weight(a))) {
      lines.push(`| ${name} | ${GATEWAY_KINDS.map((kind) => shareOf(kind, name)).join(' | ')} |`);
    }
    for (const kind of GATEWAY_KINDS) {
      lines.push(
        '',
        `Top functions by self time, ${TARGET_TITLES[kind]} (${format(profiles[kind].busyMs / 1000)} s busy sampled):`,
        '',
        ...profiles[kind].byFunction
          .slice(0, 12)
          .map(
            (entry) =>
              `- ${format((100 * entry.ms) / profiles[kind].busyMs)} % \`${entry.name}\` (${entry.where.replaceAll('`', '')})`,
          ),
      );
    }
  }
  return lines.join('\n');
}
