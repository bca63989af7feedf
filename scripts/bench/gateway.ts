/**
 * Gateway speed benchmark (issue 5, point 7): the same persisted operations, on the same subgraphs,
 * through three gateways one after another — (a) stock `@apollo/gateway` in Apollo Server 5 with no
 * plugin, (b) our gateway with everything on, (c) Hive Gateway — one process each. Reports req/s, p50,
 * p95, p99, failures, the CPU milliseconds per request of the gateway and of every other part of the
 * machine, and where each gateway spends its CPU (a CPU profile under load). Writes its section of
 * docs/benchmarks.md unless `--no-write`.
 *
 *   node scripts/bench/gateway.ts [--duration 15] [--warmup 5] [--connections 50] [--rounds 2]
 *     [--subgraphs real,replayed] [--profile-seconds 10] [--partner-operation PublishedOffers] [--no-write]
 *
 * Subgraphs "real": the six subgraph processes on the embedded PostgreSQL with the demo data, as npm start
 * runs them. "replayed": the same behind a stand-in that answers repeated requests from memory, so that
 * subgraphs cost next to nothing and the gateways' own cost decides the throughput.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort } from '@talentgraph/local-postgres';
import * as demo from '@talentgraph/demo-data';
import type { SubgraphName } from '../subgraphs.ts';
import { readProfile, summarizeProfile, type ProfileSummary } from './cpu-profile.ts';
import { GATEWAY_KINDS, launchGateway, type GatewayKind, type RunningGateway } from './gateways.ts';
import { percentile, runLoad, type GraphQLRequest, type LoadResult } from './load.ts';
import {
  SUBGRAPH_MODES,
  buildReport,
  type CellResult,
  type PartsCpu,
  type SubgraphFetchCounts,
  type SubgraphMode,
} from './gateway-report.ts';
import { replaceSection } from './markdown-section.ts';
import { startPlatform, stopOnInterrupt, type BenchPlatform } from './platform.ts';
import { cpuMsBetween, machineBusyMs, processTable, processTree, type ProcessInfo } from './processes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PERSISTED_QUERIES_PATH = join(ROOT, 'schema/persisted-queries.json');
const DEMO_PASSWORD = 'talentgraph-demo-2026';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    subgraphs: { type: 'string', default: SUBGRAPH_MODES.join(',') },
    'profile-seconds': { type: 'string', default: '10' },
    'partner-operation': { type: 'string', default: 'PublishedOffers' },
    write: { type: 'boolean', default: true },
  },
});
const settings = {
  seconds: positive('duration'),
  warmupSeconds: positive('warmup'),
  connections: positive('connections'),
  rounds: positive('rounds'),
  profileSeconds: wholeNumber('profile-seconds', 0),
  subgraphModes: values.subgraphs.split(',').map((mode) => {
    if (!(SUBGRAPH_MODES as readonly string[]).includes(mode)) {
      throw new Error(`--subgraphs takes ${SUBGRAPH_MODES.join(' and/or ')}, not ${mode}`);
    }
    return mode as SubgraphMode;
  }),
};

function positive(name: 'duration' | 'warmup' | 'connections' | 'rounds'): number {
  return wholeNumber(name, 1);
}

function wholeNumber(
  name: 'duration' | 'warmup' | 'connections' | 'rounds' | 'profile-seconds',
  min: number,
) {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be an integer of at least ${min}`);
  return value;
}

// The operations: both sent as persisted operations (hash only), as our gateway in production requires
// of every client. Stock Apollo Server knows them through its automatic persisted queries (registered
// once before the load), Hive Gateway through its persisted-documents option reading the same manifest.
interface ManifestOperation {
  readonly id: string;
  readonly name: string;
  readonly body: string;
}
const manifest = (
  JSON.parse(readFileSync(PERSISTED_QUERIES_PATH, 'utf8')) as { operations: ManifestOperation[] }
).operations;
const operationNamed = (name: string) => {
  const operation = manifest.find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`${name} is not an operation of ${PERSISTED_QUERIES_PATH}`);
  return operation;
};

interface BenchQuery {
  readonly key: string;
  readonly title: string;
  readonly operation: ManifestOperation;
  /**
   * How the gateways are called: a signed-in person's access token (all three, stock Apollo and Hive
   * passing it on to the subgraphs), or a partner API key (ours; the others know no keys: anonymous).
   */
  readonly caller: 'user' | 'partner';
}
const QUERIES: readonly BenchQuery[] = [
  {
    key: 'four-subgraphs',
    title: 'OffersWithBestCandidates (offers → users → matching → profiles → users), signed-in recruiter',
    operation: operationNamed('OffersWithBestCandidates'),
    caller: 'user',
  },
  {
    key: 'partner',
    title: `${values['partner-operation']} (partner operation), partner API key`,
    operation: operationNamed(values['partner-operation']),
    caller: 'partner',
  },
];

const persistedRequestBody = (operation: ManifestOperation, withQuery = false) =>
  JSON.stringify({
    operationName: operation.name,
    variables: {},
    ...(withQuery ? { query: operation.body } : {}),
    extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } },
  });

// ---------------------------------------------------------------------------------------------------

interface Credentials {
  /** Access token of the signed-in recruiter, renewed before it expires (15 minutes). */
  userToken(): Promise<string>;
  readonly partnerKey: string;
}

async function graphql<Data>(url: string, query: string, variables: object, token?: string): Promise<Data> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function signIn(url: string, email: string): Promise<string> {
  const { login } = await graphql<{ login: { session: { accessToken: string } } }>(
    url,
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return login.session.accessToken;
}

/**
 * The sign-in of a recruiter owning an organization moved to the ENTERPRISE plan (its monthly API-call
 * quota, 2,000,000, is far above what the benchmark sends), and a partner API key of it. Offers'
 * candidates are their organization's, and a candidate's profile shows once the organization unlocked
 * it: the recruiter unlocks every candidate search finds (quota: 2,000 a month), so that
 * OffersWithBestCandidates takes every hop, profiles and their users included, for its offers.
 */
async function prepareCredentials(running: BenchPlatform): Promise<Credentials> {
  const url = running.gatewayUrl;
  const owner = demo.users.find(
    (user) => user.membership?.role === 'OWNER' && user.roles.includes('RECRUITER'),
  )!;
  const admin = demo.users.find((user) => user.roles.includes('ADMIN'))!;
  const organizationId = owner.membership!.organizationId;
  const { changeOrganizationPlan } = await graphql<{ changeOrganizationPlan: { errors: unknown[] } }>(
    url,
    'mutation ($input: ChangeOrganizationPlanInput!) { changeOrganizationPlan(input: $input) { errors { code } } }',
    { input: { organizationId, plan: 'ENTERPRISE' } },
    await signIn(url, admin.email),
  );
  if (changeOrganizationPlan.errors.length > 0)
    throw new Error(JSON.stringify(changeOrganizationPlan.errors));
  const { createApiKey } = await graphql<{ createApiKey: { secret: string | null; errors: unknown[] } }>(
    url,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }',
    { input: { organizationId, name: 'Gateway benchmark' } },
    await signIn(url, owner.email),
  );
  if (!createApiKey.secret) throw new Error(JSON.stringify(createApiKey.errors));
  let token = await signIn(url, owner.email);
  let signedInAt = Date.now();
  await unlockSearchableCandidates(url, token);
  return {
    async userToken() {
      if (Date.now() - signedInAt > 10 * 60_000) {
        token = await signIn(url, owner.email);
        signedInAt = Date.now();
      }
      return token;
    },
    partnerKey: createApiKey.secret,
  };
}

/** Unlocks, for the recruiter's organization, every candidate its search finds (once: again costs nothing). */
async function unlockSearchableCandidates(url: string, token: string): Promise<void> {
  const { searchProfiles } = await graphql<{ searchProfiles: { edges: { node: { id: string } }[] } }>(
    url,
    '{ searchProfiles(first: 100) { edges { node { id } } } }',
    {},
    token,
  );
  if (searchProfiles.edges.length === 0) throw new Error('recruiter search found no candidate to unlock');
  for (const { node } of searchProfiles.edges) {
    const { unlockProfile } = await graphql<{ unlockProfile: { errors: unknown[] } }>(
      url,
      'mutation ($input: UnlockProfileInput!) { unlockProfile(input: $input) { errors { code } } }',
      { input: { hitId: node.id } },
      token,
    );
    if (unlockProfile.errors.length > 0) throw new Error(JSON.stringify(unlockProfile.errors));
  }
}

async function requestFor(
  kind: GatewayKind,
  query: BenchQuery,
  credentials: Credentials,
): Promise<GraphQLRequest> {
  let headers: Record<string, string> = {};
  if (query.caller === 'user') headers = { authorization: `Bearer ${await credentials.userToken()}` };
  else if (kind === 'ours') headers = { 'x-api-key': credentials.partnerKey };
  return { headers, body: persistedRequestBody(query.operation) };
}

/** The supergraph, with the join__graph URLs of the subgraphs the gateway is to call. */
function supergraphCalling(urls: Readonly<Record<SubgraphName, string>>): string {
  let sdl = readFileSync(join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(urls)) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`), `$1${url}`);
  }
  const path = join(workDirectory, `supergraph-${Object.values(urls)[0]!.replace(/\W+/g, '-')}.graphql`);
  writeFileSync(path, sdl);
  return path;
}

async function launchAll(
  subgraphUrls: Readonly<Record<SubgraphName, string>>,
  cpuProfileDirectory: string | null,
): Promise<RunningGateway[]> {
  const supergraphPath = supergraphCalling(subgraphUrls);
  const launched: RunningGateway[] = [];
  for (const kind of GATEWAY_KINDS) {
    const gateway = await launchGateway(kind, {
      port: await findFreePort(),
      supergraphPath,
      subgraphUrls,
      serviceEnv: platform.serviceEnv,
      persistedQueriesPath: PERSISTED_QUERIES_PATH,
      logDirectory: workDirectory,
      ...(cpuProfileDirectory ? { cpuProfileDirectory } : {}),
    });
    launched.push(gateway);
    running.push(gateway);
  }
  return launched;
}

async function stopAll(gateways: RunningGateway[]): Promise<void> {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  for (const gateway of gateways) running.splice(running.indexOf(gateway), 1);
}

/**
 * Registers the operations with stock Apollo Server's APQ, then asks each gateway once: every answer
 * must carry data and no error, and the data must be the same from all three. Returns each gateway's
 * exact answer, against which every answer under load is checked.
 */
async function checkAnswers(
  gateways: RunningGateway[],
  credentials: Credentials,
): Promise<Map<string, string>> {
  const stock = gateways.find((gateway) => gateway.kind === 'stock')!;
  for (const query of QUERIES) {
    const registration = await fetch(stock.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: persistedRequestBody(query.operation, true),
    });
    if (!registration.ok) throw new Error(`APQ registration answered ${registration.status}`);
  }
  const expected = new Map<string, string>();
  for (const query of QUERIES) {
    const data = new Map<GatewayKind, string>();
    for (const gateway of gateways) {
      const request = await requestFor(gateway.kind, query, credentials);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
      });
      const text = await response.text();
      const answer = JSON.parse(text) as { data?: unknown; errors?: unknown };
      if (response.status !== 200 || answer.errors || !answer.data) {
        throw new Error(
          `${gateway.kind} answered ${query.key} with ${response.status}: ${text.slice(0, 1000)}`,
        );
      }
      data.set(gateway.kind, JSON.stringify(answer.data));
      expected.set(`${gateway.kind} ${query.key}`, text);
    }
    if (new Set(data.values()).size !== 1) {
      throw new Error(`The gateways disagree on ${query.key}:\n${[...data].join('\n')}`);
    }
    console.log(`  ${query.key}: the three gateways give the same data (${data.get('stock')!.length} bytes)`);
  }
  return expected;
}

async function startReplay(
  realUrls: Readonly<Record<SubgraphName, string>>,
): Promise<{ process: ChildProcess; urls: Record<SubgraphName, string> }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts/bench/replay-subgraphs.ts'), JSON.stringify(realUrls)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const firstLine = new Promise<string>((resolve) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const line = await Promise.race([
    firstLine,
    new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`replay exited with ${code}`))),
    ),
  ]);
  return { process: child, urls: JSON.parse(line) as Record<SubgraphName, string> };
}

/**
 * Subgraph requests per answer of each gateway, counted by the stand-in: one request at a time (what the
 * query plan fetches), then at the benchmark's concurrency (where a gateway may share identical fetches
 * in flight). Each count is over a fixed number of answers, all awaited.
 */
async function countSubgraphFetches(
  gateways: RunningGateway[],
  credentials: Credentials,
  standInUrls: Readonly<Record<SubgraphName, string>>,
  expectedBodies: ReadonlyMap<string, string>,
): Promise<SubgraphFetchCounts> {
  const countsUrl = new URL('/bench/counts', standInUrls.users);
  const received = async () =>
    Object.values((await (await fetch(countsUrl)).json()) as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
  const counts: SubgraphFetchCounts = {};
  for (const gateway of gateways) {
    for (const query of QUERIES) {
      const request = await requestFor(gateway.kind, query, credentials);
      const expectedBody = expectedBodies.get(`${gateway.kind} ${query.key}`)!;
      const perAnswer = async (connections: number, requests: number) => {
        const before = await received();
        const load = await runLoad(gateway.url, request, { connections, requests, expectedBody });
        return ((await received()) - before) / answers(load);
      };
      counts[`${gateway.kind} ${query.key}`] = {
        sequential: await perAnswer(1, 20),
        concurrent: await perAnswer(settings.connections, settings.connections * 10),
      };
    }
  }
  return counts;
}

// --- CPU accounting ----------------------------------------------------------------------------------

interface Snapshot {
  readonly table: Map<number, ProcessInfo>;
  readonly harness: NodeJS.CpuUsage;
  readonly machineMs: number;
}

function snapshot(): Snapshot {
  return { table: processTable(), harness: process.cpuUsage(), machineMs: machineBusyMs() };
}

function cpuOfParts(
  before: Snapshot,
  after: Snapshot,
  gateway: RunningGateway,
  gateways: RunningGateway[],
  standIn: ChildProcess | null,
): PartsCpu {
  const services = platform.processes();
  const between = (pids: readonly number[]) => cpuMsBetween(before.table, after.table, pids);
  const harness = process.cpuUsage(before.harness);
  return {
    gateway: between(processTree(after.table, gateway.pid)),
    subgraphs: between([...Object.values(services.subgraphs), ...(standIn ? [standIn.pid!] : [])]),
    perSubgraph: Object.fromEntries(
      Object.entries(services.subgraphs).map(([name, pid]) => [name, between([pid])]),
    ),
    postgres: between(services.rest),
    idleGateways: between([
      services.gateway,
      ...gateways.filter((other) => other !== gateway).map((other) => other.pid),
    ]),
    loadGenerator: (harness.user + harness.system) / 1000,
    machine: after.machineMs - before.machineMs,
  };
}

/**
 * Waits until the services are idle again: autocannon stops at the end of its time without waiting for
 * the answers in flight, which the gateway and the subgraphs go on computing; the next run must not pay
 * for them. Idle = under a tenth of a core over half a second (at most 60 s).
 */
async function settle(): Promise<void> {
  const services = platform.processes();
  const pids = [
    ...Object.values(services.subgraphs),
    ...services.rest,
    ...running.map((gateway) => gateway.pid),
    ...(replay ? [replay.pid!] : []),
  ];
  const deadline = Date.now() + 60_000;
  let before = processTable();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = processTable();
    if (cpuMsBetween(before, after, pids) < 50) return;
    before = after;
  }
}

function answers(load: LoadResult): number {
  return Math.max(1, load.latenciesMs.length);
}

// --- CPU profiles ------------------------------------------------------------------------------------

async function profileGateways(
  subgraphUrls: Readonly<Record<SubgraphName, string>>,
  credentials: Credentials,
): Promise<Record<GatewayKind, ProfileSummary>> {
  const profileDirectory = join(workDirectory, 'profiles');
  mkdirSync(profileDirectory);
  const gateways = await launchAll(subgraphUrls, profileDirectory);
  const expectedBodies = await checkAnswers(gateways, credentials);
  const windows = new Map<GatewayKind, { fromUs: number; toUs: number }[]>();
  for (const gateway of gateways) {
    for (const query of QUERIES) {
      const request = await requestFor(gateway.kind, query, credentials);
      const expectedBody = expectedBodies.get(`${gateway.kind} ${query.key}`)!;
      await runLoad(gateway.url, request, {
        connections: settings.connections,
        seconds: settings.warmupSeconds,
        expectedBody,
      });
      await settle();
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      await runLoad(gateway.url, request, {
        connections: settings.connections,
        seconds: settings.profileSeconds,
        expectedBody,
      });
      windows.set(gateway.kind, [
        ...(windows.get(gateway.kind) ?? []),
        { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) },
      ]);
      await settle();
    }
  }
  await stopAll(gateways);
  const files = readdirSync(profileDirectory);
  return Object.fromEntries(
    GATEWAY_KINDS.map((kind) => {
      const file = files.find((name) => name === `${kind}.cpuprofile`);
      if (!file) throw new Error(`the ${kind} gateway wrote no CPU profile`);
      return [kind, summarizeProfile(readProfile(join(profileDirectory, file)), windows.get(kind)!)];
    }),
  ) as Record<GatewayKind, ProfileSummary>;
}

// --- The run ---------------------------------------------------------------------------------------

const workDirectory = mkdtempSync(join(tmpdir(), 'talentgraph-gateway-bench-'));
const startedAt = new Date();
const loadAverageBefore = loadavg();
console.log(`Load average before: ${loadAverageBefore.map((value) => value.toFixed(2)).join(', ')}`);
console.log('Starting the platform as npm start does…');
// METRICS_PORT=0: the platform's own gateway must not collide with another one on the default port.
const platform = await startPlatform({ env: { METRICS_PORT: '0' } });
let replay: ChildProcess | null = null;
const running: RunningGateway[] = [];
let cleaningUp: Promise<void> | null = null;
stopOnInterrupt(cleanUp);
try {
  const credentials = await prepareCredentials(platform);
  const results: CellResult[] = [];
  let subgraphFetches: SubgraphFetchCounts = {};
  for (const mode of settings.subgraphModes) {
    let subgraphUrls = platform.subgraphUrls;
    if (mode === 'replayed') {
      const standIn = await startReplay(platform.subgraphUrls);
      replay = standIn.process;
      subgraphUrls = standIn.urls;
    }
    console.log(`\nSubgraphs: ${mode}`);
    const gateways = await launchAll(subgraphUrls, null);
    const expectedBodies = await checkAnswers(gateways, credentials);
    if (mode === 'replayed') {
      subgraphFetches = await countSubgraphFetches(gateways, credentials, subgraphUrls, expectedBodies);
    }
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const [queryIndex, query] of QUERIES.entries()) {
        // The order of the gateways turns from one run to the next, so none always follows the same one.
        const order = GATEWAY_KINDS.map((_, index) => GATEWAY_KINDS[(index + round + queryIndex) % 3]!);
        for (const kind of order) {
          const gateway = gateways.find((candidate) => candidate.kind === kind)!;
          const request = await requestFor(kind, query, credentials);
          const expectedBody = expectedBodies.get(`${kind} ${query.key}`)!;
          await runLoad(gateway.url, request, {
            connections: settings.connections,
            seconds: settings.warmupSeconds,
            expectedBody,
          });
          await settle();
          const before = snapshot();
          const load = await runLoad(gateway.url, request, {
            connections: settings.connections,
            seconds: settings.seconds,
            expectedBody,
          });
          const after = snapshot();
          await settle();
          const cpu = cpuOfParts(before, after, gateway, gateways, replay);
          results.push({ mode, query: query.key, kind, load, cpu });
          console.log(
            `  round ${round + 1} ${query.key.padEnd(14)} ${kind.padEnd(5)} ` +
              `${(load.succeeded / load.seconds).toFixed(1).padStart(7)} req/s  ` +
              `p95 ${percentile(
                [...load.latenciesMs].sort((a, b) => a - b),
                95,
              ).toFixed(
                1,
              )} ms  failed ${load.failed}  gateway ${(cpu.gateway / answers(load)).toFixed(2)} ms CPU/req` +
              (load.firstFailure ? `\n    first failure: ${load.firstFailure}` : ''),
          );
        }
      }
    }
    await stopAll(gateways);
    if (replay) {
      replay.kill('SIGTERM');
      replay = null;
    }
  }

  let profiles: Record<GatewayKind, ProfileSummary> | null = null;
  if (settings.profileSeconds > 0) {
    console.log('\nCPU profiles under load (real subgraphs)…');
    profiles = await profileGateways(platform.subgraphUrls, credentials);
  }

  const report = buildReport({
    settings,
    queries: QUERIES,
    startedAt,
    loadAverageBefore,
    results,
    subgraphFetches,
    profiles,
  });
  console.log(`\n${report}`);
  if (values.write) {
    await replaceSection(join(ROOT, 'docs/benchmarks.md'), 'gateway', report);
    console.log('docs/benchmarks.md updated.');
  }
  const failures = results.reduce((sum, result) => sum + result.load.failed, 0);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await cleanUp();
}

/** Stops everything the benchmark started, once, whether it ends, fails or is interrupted. */
function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    await stopAll(running);
    replay?.kill('SIGTERM');
    await platform.stop();
    rmSync(workDirectory, { recursive: true, force: true });
  })();
  return cleaningUp;
}
