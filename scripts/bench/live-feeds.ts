/**
 * Benchmark of live feeds: SUBSCRIBERS WebSocket clients follow `postAdded` on one community through the
 * gateway while a member publishes POSTS posts at RATE per second; reports delivery latency (mutation
 * sent → payload received, every subscriber), deliveries per second, lost deliveries and the gateway's
 * memory per connection. The platform runs as `npm start` does (embedded PostgreSQL, separate processes,
 * PostgreSQL event log), on a throw-away data folder; this process only plays the clients.
 *
 *   node scripts/bench/live-feeds.ts [--subscribers 1000] [--posts 100] [--rate 5]
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { communities, users } from '@talentgraph/demo-data';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startPlatform, stopOnInterrupt } from './platform.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    posts: { type: 'string', default: '100' },
    rate: { type: 'string', default: '5' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const POSTS = Number(values.posts);
const RATE = Number(values.rate);
const DEMO_PASSWORD = 'talentgraph-demo-2026';
const community = communities.find((candidate) => candidate.visibility === 'PUBLIC')!;
const author = users.find((user) => user.id === community.createdById)!;
const reader = users.find((user) => community.memberIds.includes(user.id) && user.id !== author.id)!;

const platform = await startPlatform();
stopOnInterrupt(() => platform.stop());
const httpUrl = platform.gatewayUrl;
const webSocketUrl = httpUrl.replace('http://', 'ws://');
const gatewayPid = platform.processes().gateway;

function gatewayMemoryBytes(): number {
  const status = readFileSync(`/proc/${gatewayPid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function graphql<Data>(query: string, variables: object, token?: string): Promise<Data> {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function signIn(email: string): Promise<string> {
  const { login } = await graphql<{ login: { session: { accessToken: string } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return login.session.accessToken;
}
// The subscribers are signed in as a member; the author posts under another account.
const token = await signIn(author.email);
const readerToken = await signIn(reader.email);

const sentAt = new Map<string, number>();
const latencies: number[] = [];
const receivedBy: number[] = Array.from({ length: SUBSCRIBERS }, () => 0);
const memoryBefore = gatewayMemoryBytes();
const clients: Client[] = [];
let acknowledged = 0;
for (let index = 0; index < SUBSCRIBERS; index += 1) {
  const client = createClient({
    url: webSocketUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${readerToken}` },
    on: { connected: () => (acknowledged += 1) },
  });
  clients.push(client);
  client.subscribe(
    {
      query:
        'subscription ($c: ID!) { postAdded(communityId: $c) { title author { displayName } community { name } } }',
      variables: { c: community.id },
    },
    {
      next: (result) => {
        const title = (result.data as { postAdded: { title: string } } | undefined)?.postAdded.title;
        const sent = title === undefined ? undefined : sentAt.get(title);
        if (sent === undefined) return;
        latencies.push(performance.now() - sent);
        receivedBy[index]! += 1;
      },
      error: (error) => console.error('subscription error', error),
      complete: () => undefined,
    },
  );
  if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
}
while (acknowledged < SUBSCRIBERS) await new Promise((resolve) => setTimeout(resolve, 100));
// Let the subscriptions register (onSubscribe is asynchronous) and memory settle.
await new Promise((resolve) => setTimeout(resolve, 3_000));
const memoryConnected = gatewayMemoryBytes();

const started = performance.now();
for (let post = 0; post < POSTS; post += 1) {
  const title = `Benchmark post ${post}`;
  sentAt.set(title, performance.now());
  void graphql(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { errors { code } } }',
    { input: { communityId: community.id, title, body: 'Measured by scripts/bench/live-feeds.ts' } },
    token,
  );
  const next = started + ((post + 1) * 1000) / RATE;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
}
const expected = POSTS * SUBSCRIBERS;
const deadline = performance.now() + 30_000;
while (latencies.length < expected && performance.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const elapsedSeconds = (performance.now() - started) / 1000;
const memoryAfter = gatewayMemoryBytes();

latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const report = {
  date: new Date().toISOString(),
  machine: `${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  subscribers: SUBSCRIBERS,
  posts: POSTS,
  ratePerSecond: RATE,
  deliveries: latencies.length,
  expectedDeliveries: expected,
  lost: expected - latencies.length,
  slowestSubscriberReceived: Math.min(...receivedBy),
  p50Ms: Number(percentile(50).toFixed(1)),
  p99Ms: Number(percentile(99).toFixed(1)),
  maxMs: Number((latencies.at(-1) ?? NaN).toFixed(1)),
  deliveriesPerSecond: Math.round(latencies.length / elapsedSeconds),
  gatewayRssBeforeMiB: Number((memoryBefore / 2 ** 20).toFixed(1)),
  gatewayRssConnectedMiB: Number((memoryConnected / 2 ** 20).toFixed(1)),
  gatewayRssAfterMiB: Number((memoryAfter / 2 ** 20).toFixed(1)),
  gatewayKiBPerConnection: Number(((memoryConnected - memoryBefore) / SUBSCRIBERS / 1024).toFixed(1)),
};
console.log(JSON.stringify(report, null, 2));

await Promise.all(clients.map((client) => client.dispose()));
await platform.stop();
process.exit(report.lost === 0 ? 0 : 1);
