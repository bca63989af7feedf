import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, offers, organizations, users } from '@talentgraph/demo-data';
import { capturingLogger, graphqlRequest, queryDatabase, type GraphQLResponse } from '@talentgraph/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningGateway } from '../src/gateway.ts';
import { sha256 } from '../src/persisted-operations.ts';
import { persistedRequest, startGatewayFor, startTestSupergraph, type TestSupergraph } from './helpers.ts';
import { startSubgraphProxy, type SubgraphProxy } from './proxy.ts';

/**
 * What the gateway holds back, each tested with a refusal and with a request just inside the limit:
 * operation limits over HTTP and WebSocket, body size, batching, CSRF, CORS, production error masking,
 * rate limits per address, person and partner key, the plan's API-call quota; and what it reports:
 * Prometheus metrics, W3C trace context and request ids in logs.
 */

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const publicCommunity = communities.find((community) => community.visibility === 'PUBLIC')!;
const publishedOffer = offers.find((offer) => offer.status === 'PUBLISHED')!;
const candidates = users.filter((user) => user.roles.includes('CANDIDATE'));
const quotaOrganization = organizations.find((organization) => organization.slug !== 'acme-robotics')!;
const quotaOwner = users.find((user) => user.membership?.organizationId === quotaOrganization.id)!;

let supergraph: TestSupergraph;
/** Access tokens of two demo candidates, signed in once (sign-ins are rate-limited per account). */
let firstCandidate: string;
let secondCandidate: string;
const gatewayLog = capturingLogger('gateway');
const offersLog = capturingLogger('offers');
const clients: Client[] = [];

beforeAll(async () => {
  supergraph = await startTestSupergraph({
    redis: true,
    loggers: { gateway: gatewayLog.logger, offers: offersLog.logger },
  });
  firstCandidate = await signIn(candidates[0]!.email);
  secondCandidate = await signIn(candidates[1]!.email);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await supergraph?.close();
});

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.['code'];

async function signIn(email: string): Promise<string> {
  const response = await graphqlRequest<{ login: { session: { accessToken: string } } }>(
    supergraph.gateway.url,
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return response.data!.login.session.accessToken;
}

function manifestWith(...bodies: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'persisted-queries.json');
  const operations = bodies.map((body) => ({
    id: sha256(body),
    name: /(?:query|subscription|mutation) (\w+)/.exec(body)![1],
    type: 'query',
    body,
  }));
  writeFileSync(path, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }));
  return path;
}

function partnerOperationsWith(...bodies: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'partner-operations-')), 'partner-operations.json');
  writeFileSync(path, JSON.stringify({ operations: bodies.map(sha256) }));
  return path;
}

function connect(target: RunningGateway, token?: string): Client {
  const client = createClient({
    url: target.url.replace('http://', 'ws://'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  clients.push(client);
  return client;
}

/** The first message of a subscription: its first result, or the error that refused it. */
function firstMessage(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Promise<{
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}> {
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => resolve(result as never),
        error: (error) => resolve({ errors: error as never }),
        complete: () => undefined,
      },
    );
  });
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('operation limits, the same over HTTP and WebSocket', () => {
  const TINY = 'query Tiny { offers(first: 1) { totalCount } }';
  let limited: RunningGateway;

  beforeAll(async () => {
    limited = await startGatewayFor(supergraph.subgraphs, {
      ...supergraph.env,
      MAX_DEPTH: '4',
      MAX_ALIASES: '2',
      MAX_DIRECTIVES: '2',
      MAX_TOKENS: '80',
      MAX_COST: '110',
      MAX_BODY_BYTES: '4096',
      PERSISTED_QUERIES_PATH: manifestWith(TINY),
      PARTNER_OPERATIONS_PATH: partnerOperationsWith(TINY),
    });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  const fields = (count: number, field = 'totalCount') => `${field} `.repeat(count);
  const http = (query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(limited.url, query, variables);

  it('refuses each limit over HTTP with 400 and the limit named, and passes the same operation at the limit', async () => {
    const cases: [string, string, string | null][] = [
      // depth: offers > edges > node > title is 4; one level more is 5.
      [
        '{ offers(first: 1) { edges { node { title } } } }',
        '{ offers(first: 1) { edges { node { organization { name } } } } }',
        'MAX_DEPTH',
      ],
      [
        '{ a: offers(first: 1) { totalCount } b: offers(first: 1) { totalCount } }',
        '{ a: offers(first: 1) { totalCount } b: offers(first: 1) { totalCount } c: offers(first: 1) { totalCount } }',
        'MAX_ALIASES',
      ],
      [
        'query ($x: Boolean = true) { offers(first: 1) { totalCount @include(if: $x) edges @include(if: $x) { cursor } } }',
        'query ($x: Boolean = true) { offers(first: 1) { totalCount @include(if: $x) edges @include(if: $x) { cursor @include(if: $x) } } }',
        'MAX_DIRECTIVES',
      ],
      // { offers ( first : 1 ) { … } }: 10 tokens and one per field.
      [`{ offers(first: 1) { ${fields(70)}} }`, `{ offers(first: 1) { ${fields(71)}} }`, null],
      // graphql-armor cost: 107.375 with 29 titles at depth 4, 110.75 with 30.
      [
        `{ offers(first: 1) { edges { node { ${fields(29, 'title')}} } } }`,
        `{ offers(first: 1) { edges { node { ${fields(30, 'title')}} } } }`,
        'MAX_COST',
      ],
    ];
    for (const [atLimit, overLimit, limit] of cases) {
      const passed = await http(atLimit);
      expect([passed.status, passed.errors]).toEqual([200, undefined]);
      const refused = await http(overLimit);
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      if (limit) {
        expect(refused.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit });
      } else {
        expect(codeOf(refused)).toBe('GRAPHQL_PARSE_FAILED');
        expect(refused.errors![0]!.message).toMatch(/more tha[nt] 80 tokens/);
      }
    }
  });

  it('refuses each limit when subscribing over WebSocket, and delivers a subscription at every limit', async () => {
    const client = connect(limited, firstCandidate);
    const c = { c: publicCommunity.id };
    const refusals: [string, string | null][] = [
      [
        'subscription ($c: ID!) { postAdded(communityId: $c) { community { createdBy { profile { headline } } } } }',
        'MAX_DEPTH',
      ],
      ['subscription ($c: ID!) { postAdded(communityId: $c) { a: title b: title c: title } }', 'MAX_ALIASES'],
      [
        'subscription ($c: ID!, $x: Boolean = true) { postAdded(communityId: $c) { title @include(if: $x) body @include(if: $x) id @include(if: $x) } }',
        'MAX_DIRECTIVES',
      ],
      // subscription ( $ c : ID ! ) { postAdded ( communityId : $ c ) { … } }: 19 tokens and one per field.
      [`subscription ($c: ID!) { postAdded(communityId: $c) { ${fields(62, 'title')}} }`, null],
      [
        `subscription ($c: ID!) { postAdded(communityId: $c) { author { ${fields(47, 'displayName')}} } }`,
        'MAX_COST',
      ],
    ];
    for (const [query, limit] of refusals) {
      const message = await firstMessage(client, query, c);
      expect(message.data).toBeUndefined();
      if (limit) {
        expect(message.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit });
      } else {
        expect(message.errors![0]!.extensions!['code']).toBe('GRAPHQL_PARSE_FAILED');
      }
    }
    expect(limited.liveFeeds.subscriberCount()).toBe(0);

    // Depth 4, two aliases, two directives, within the tokens and the cost: delivered.
    const atLimits =
      'subscription ($c: ID!, $x: Boolean = true) { postAdded(communityId: $c) { t: title @include(if: $x) b: body @include(if: $x) author { profile { headline } } } }';
    const delivered = firstMessage(client, atLimits, c);
    await until(() => limited.liveFeeds.subscriberCount() === 1);
    const author = secondCandidate;
    await graphqlRequest(
      supergraph.gateway.url,
      'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
      { input: { communityId: publicCommunity.id } },
      { authorization: `Bearer ${author}` },
    );
    const title = `At the limits ${randomBytes(3).toString('hex')}`;
    await graphqlRequest(
      supergraph.gateway.url,
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { errors { code } } }',
      { input: { communityId: publicCommunity.id, title, body: 'Every limit, none passed.' } },
      { authorization: `Bearer ${author}` },
    );
    const message = await delivered;
    expect(message.errors).toBeUndefined();
    expect(message.data).toMatchObject({ postAdded: { t: title, b: 'Every limit, none passed.' } });
  });

  it('refuses a body over MAX_BODY_BYTES with 413, over HTTP and WebSocket, and takes one just under it', async () => {
    const padded = (bytes: number) => {
      const base = JSON.stringify({ query: TINY, variables: { pad: '' } });
      return JSON.stringify({ query: TINY, variables: { pad: 'x'.repeat(bytes - base.length) } });
    };
    const post = (body: string) =>
      fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(Buffer.byteLength(padded(4096))).toBe(4096);
    expect((await post(padded(4096))).status).toBe(200);
    const tooLarge = await post(padded(4097));
    expect(tooLarge.status).toBe(413);
    expect(codeOf((await tooLarge.json()) as never)).toBe('PAYLOAD_TOO_LARGE');

    const socket = new WebSocket(limited.url.replace('http://', 'ws://'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(5000) } }));
    expect(await closed).toBe(1009);
  });

  it('stops the start when a manifest operation breaks a limit, naming it', async () => {
    await expect(
      startGatewayFor(supergraph.subgraphs, { ...supergraph.env, MAX_DEPTH: '3' }),
    ).rejects.toThrow(/OffersWithBestCandidates: Query depth limit of 3 exceeded/);
  });
});

describe('HTTP hardening', () => {
  it('refuses batched requests', async () => {
    const response = await fetch(supergraph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ offers(first: 1) { totalCount } }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('prevents CSRF: a simple cross-site request is refused, a preflighted or JSON one passes', async () => {
    const url = `${supergraph.gateway.url}?query=${encodeURIComponent('{ offers(first: 1) { totalCount } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    expect((await fetch(url, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(200);
    const form = await fetch(supergraph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ offers(first: 1) { totalCount } }' }),
    });
    expect(form.status).toBe(400);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(supergraph.gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization,x-api-key',
        },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('in production', () => {
  let broken: Server;
  let brokenUrl: string;
  let production: RunningGateway;
  let development: RunningGateway;

  beforeAll(async () => {
    // An events subgraph whose database broke: it answers with an internal error and its stack.
    broken = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: 'relation "events" does not exist',
              extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['error: relation "events" …'] },
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const address = broken.address();
    brokenUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
    production = await startGatewayFor(supergraph.subgraphs, {
      ...supergraph.env,
      NODE_ENV: 'production',
      EVENTS_URL: brokenUrl,
    });
    development = await startGatewayFor(supergraph.subgraphs, { ...supergraph.env, EVENTS_URL: brokenUrl });
  });

  afterAll(async () => {
    await production?.stop();
    await development?.stop();
    await new Promise((resolve) => broken?.close(resolve));
  });

  it('is safelist-only by default', async () => {
    const freeForm = await graphqlRequest(production.url, '{ offers(first: 1) { totalCount } }');
    expect([freeForm.status, codeOf(freeForm)]).toEqual([403, 'PERSISTED_QUERY_REQUIRED']);
    const persisted = await persistedRequest(production.url, 'Offer', { id: publishedOffer.id });
    expect(persisted.errors).toBeUndefined();
  });

  it('masks internal errors (no message, no stack trace) and keeps the ones clients act on', async () => {
    const masked = await persistedRequest(production.url, 'UpcomingEvents');
    expect(masked.errors![0]).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(masked)).not.toMatch(/relation|stacktrace/);
    // The control: outside production the same failure is shown to the developer.
    const shown = await persistedRequest(development.url, 'UpcomingEvents');
    expect(shown.errors![0]!.message).toBe('relation "events" does not exist');

    const missingVariable = await persistedRequest(production.url, 'Offer', {});
    expect(codeOf(missingVariable)).toBe('BAD_USER_INPUT');
    expect(missingVariable.errors![0]!.extensions!['stacktrace']).toBeUndefined();
    const developmentMissing = await persistedRequest(development.url, 'Offer', {});
    expect(developmentMissing.errors![0]!.extensions!['stacktrace']).toBeDefined();
  });
});

describe('rate limits and the partner quota', () => {
  let limited: RunningGateway;

  beforeAll(async () => {
    limited = await startGatewayFor(supergraph.subgraphs, {
      ...supergraph.env,
      TRUSTED_PROXIES: 'loopback',
      IP_REQUESTS_PER_MINUTE: '3',
      USER_REQUESTS_PER_MINUTE: '2',
      PARTNER_REQUESTS_PER_MINUTE: '2',
      API_CALL_QUOTA_LEASE: '2',
    });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  // Each call from an address of its own, so that only the limit under test can refuse it.
  let nextAddress = 0;
  const fromAddress = () => ({ 'x-forwarded-for': `203.0.113.${(nextAddress += 1)}` });
  const expectLimited = (response: GraphQLResponse<unknown>, code = 'RATE_LIMITED') => {
    expect([response.status, codeOf(response)]).toEqual([429, code]);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(response.errors![0]!.extensions!['retryAfterSeconds']).toBe(retryAfter);
  };

  it('limits each client address, whoever calls', async () => {
    const address = { 'x-forwarded-for': '198.51.100.7' };
    for (let request = 0; request < 3; request += 1) {
      expect((await persistedRequest(limited.url, 'Offer', { id: publishedOffer.id }, address)).status).toBe(
        200,
      );
    }
    expectLimited(await persistedRequest(limited.url, 'Offer', { id: publishedOffer.id }, address));
    const elsewhere = await persistedRequest(limited.url, 'Offer', { id: publishedOffer.id }, fromAddress());
    expect(elsewhere.status).toBe(200);
  });

  it('limits each signed-in person, from whatever address', async () => {
    const [first, second] = [firstCandidate, secondCandidate];
    const me = (token: string) =>
      persistedRequest(limited.url, 'Me', {}, { authorization: `Bearer ${token}`, ...fromAddress() });
    expect((await me(first)).errors).toBeUndefined();
    expect((await me(first)).errors).toBeUndefined();
    expectLimited(await me(first));
    expect((await me(second)).errors).toBeUndefined();
  });

  it("limits each partner key, and spends the plan's monthly API calls until none remain", async () => {
    const ownerToken = await signIn(quotaOwner.email);
    const createKey = async (name: string) =>
      (
        await graphqlRequest<{ createApiKey: { secret: string } }>(
          supergraph.gateway.url,
          'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
          { input: { organizationId: quotaOrganization.id, name } },
          { authorization: `Bearer ${ownerToken}` },
        )
      ).data!.createApiKey.secret;
    const [firstKey, secondKey, thirdKey] = [
      await createKey('first board'),
      await createKey('second board'),
      await createKey('third board'),
    ];
    const call = (key: string) =>
      persistedRequest(limited.url, 'PublishedOffers', { first: 1 }, { 'x-api-key': key, ...fromAddress() });

    // The organization (FREE: 1,000 calls a month) has used 996 this month.
    const usersDatabase = supergraph.subgraphs['users']!.database.url;
    const now = new Date();
    const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    await queryDatabase(
      usersDatabase,
      `insert into quota_usages (id, organization_id, metric, period, used, updated_at)
       values ($1, $2, 'API_CALLS', $3, 996, now())
       on conflict (organization_id, metric, period) do update set used = 996`,
      [randomUUID(), quotaOrganization.id, period],
    );

    expect((await call(firstKey)).errors).toBeUndefined();
    expect((await call(firstKey)).errors).toBeUndefined();
    expectLimited(await call(firstKey));
    // Another key of the same organization has a rate of its own, but shares the plan quota: 2 calls left.
    expect((await call(secondKey)).errors).toBeUndefined();
    expect((await call(secondKey)).errors).toBeUndefined();
    const exhausted = await call(thirdKey);
    expectLimited(exhausted, 'QUOTA_EXCEEDED');
    expect(Number(exhausted.headers.get('retry-after'))).toBeLessThanOrEqual(31 * 86_400);
    expect(exhausted.errors![0]!.message).toMatch(/no API calls left this month/);
    const [usage] = await queryDatabase<{ used: number }>(
      usersDatabase,
      `select used from quota_usages where organization_id = $1 and metric = 'API_CALLS' and period = $2`,
      [quotaOrganization.id, period],
    );
    expect(usage!.used).toBe(1000);
  });

  it('refuses WebSocket connections past the address limit with close code 4429, the address read as for HTTP', async () => {
    const codes: number[] = [];
    const addresses = ['192.0.2.10', '192.0.2.10', '192.0.2.10', '192.0.2.10', '192.0.2.11'];
    for (const address of addresses) {
      const socket = new WebSocket(limited.url.replace('http://', 'ws://'), 'graphql-transport-ws', {
        headers: { 'x-forwarded-for': address },
      });
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      const acknowledged = await Promise.race([
        new Promise<boolean>((resolve) => socket.once('message', () => resolve(true))),
        closed.then(() => false),
      ]);
      if (acknowledged) {
        socket.close(1000);
        codes.push(1000);
      } else {
        codes.push(await closed);
      }
    }
    expect(codes).toEqual([1000, 1000, 1000, 4429, 1000]);
  });
});

describe('observability', () => {
  it('exposes Prometheus metrics on METRICS_PORT only, with requests, latency, errors, subgraph fetches and WebSockets', async () => {
    await persistedRequest(supergraph.gateway.url, 'PublishedOffers', { first: 2 });
    await persistedRequest(
      supergraph.gateway.url,
      'PublishedOffers',
      { first: 2 },
      { 'x-api-key': 'tgp_nope' },
    );
    const client = connect(supergraph.gateway, firstCandidate);
    void firstMessage(client, 'subscription ($c: ID!) { postAdded(communityId: $c) { id } }', {
      c: publicCommunity.id,
    });
    await until(() => supergraph.gateway.liveFeeds.subscriberCount() >= 1);

    const metrics = await (await fetch(`http://127.0.0.1:${supergraph.gateway.metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/graphql_requests_total\{operation="PublishedOffers",type="query"\} [1-9]/);
    expect(metrics).toMatch(
      /graphql_request_duration_seconds_bucket\{le="0\.5",operation="PublishedOffers"\} [1-9]/,
    );
    expect(metrics).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{subgraph="offers",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{subgraph="users",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/graphql_requests_total\{operation="anonymous",type="subscription"\} [1-9]/);
    expect(metrics).toMatch(/^websocket_connections [1-9]/m);
    expect(metrics).toMatch(/^graphql_subscriptions [1-9]/m);
    expect((await fetch(supergraph.gateway.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it("continues the caller's W3C trace to every subgraph fetch with a new span, and logs its id", async () => {
    const proxies: SubgraphProxy[] = await Promise.all(
      ['offers', 'users', 'matching'].map((name) => startSubgraphProxy(supergraph.subgraphs[name]!.url)),
    );
    const traced = await startGatewayFor(supergraph.subgraphs, {
      ...supergraph.env,
      OFFERS_URL: proxies[0]!.url,
      USERS_URL: proxies[1]!.url,
      MATCHING_URL: proxies[2]!.url,
    });
    try {
      const traceId = randomBytes(16).toString('hex');
      const callerSpan = randomBytes(8).toString('hex');
      const requestId = `trace-test-${randomBytes(4).toString('hex')}`;
      await persistedRequest(
        traced.url,
        'OffersWithBestCandidates',
        {},
        { traceparent: `00-${traceId}-${callerSpan}-01`, 'x-request-id': requestId },
      );
      // Anonymously: offers, users (organizations) and matching (whose answer is that the offers'
      // candidates are not the caller's to see), once each.
      const forwarded = proxies
        .flatMap((proxy) => proxy.forwarded)
        .filter((headers) => headers['x-request-id'] === requestId);
      expect(forwarded.length).toBeGreaterThanOrEqual(3);
      const spans = forwarded.map((headers) => {
        const [version, trace, span, flags] = String(headers['traceparent']).split('-');
        expect([version, trace, flags]).toEqual(['00', traceId, '01']);
        return span;
      });
      expect(spans).not.toContain(callerSpan);
      expect(new Set(spans).size).toBe(spans.length);
      expect(
        offersLog.lines.some((line) => line['traceId'] === traceId && line['requestId'] === requestId),
      ).toBe(true);

      // Without a traceparent the gateway starts the trace, and its own log lines carry it.
      const untracedId = `trace-test-${randomBytes(4).toString('hex')}`;
      await graphqlRequest(
        supergraph.gateway.url,
        '{ offers(first: 1) { totalCount } }',
        {},
        { 'x-request-id': untracedId },
      );
      const gatewayLine = gatewayLog.lines.find((line) => line['requestId'] === untracedId)!;
      expect(gatewayLine['traceId']).toMatch(/^[0-9a-f]{32}$/);
      expect(offersLog.lines.some((line) => line['traceId'] === gatewayLine['traceId'])).toBe(true);
    } finally {
      await traced.stop();
      await Promise.all(proxies.map((proxy) => proxy.close()));
    }
  });

  it('puts the request id in every log line of a request, WebSocket connections included', async () => {
    const requestId = `log-test-${randomBytes(4).toString('hex')}`;
    await graphqlRequest(
      supergraph.gateway.url,
      '{ offers(first: 1) { totalCount } }',
      {},
      {
        'x-request-id': requestId,
      },
    );
    const socket = new WebSocket(supergraph.gateway.url.replace('http://', 'ws://'), 'graphql-transport-ws', {
      headers: { 'x-request-id': `${requestId}-ws` },
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } }),
    );
    await closed;
    const refusedLine = gatewayLog.lines.find((line) => line['msg'] === 'WebSocket connection refused');
    expect(refusedLine?.['requestId']).toBe(`${requestId}-ws`);
    const lines = gatewayLog.lines.filter((line) => JSON.stringify(line).includes(requestId));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => String(line['requestId']).startsWith(requestId))).toBe(true);
  });
});
