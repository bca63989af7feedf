import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, ServerError, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, offers, organizations, users } from '@talentgraph/demo-data';
import {
  AroundTheOrganizationsDocument,
  OfferDocument,
  OrganizationOffersDocument,
  PostAddedDocument,
  PublishedOffersDocument,
  UpcomingEventsDocument,
  persistedQueryManifest,
  type PostAddedSubscription,
} from '@talentgraph/client-operations';
import { graphqlRequest, postGraphQL } from '@talentgraph/testing';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import type { RunningGateway } from '../src/gateway.ts';
import {
  TEST_REDIS_URL,
  persistedOperationId,
  persistedRequest,
  startGatewayFor,
  startTestSupergraph,
  type TestSupergraph,
} from './helpers.ts';

/**
 * Persisted operations end to end, with Apollo Client 4 as the client (its persisted-queries link fed
 * with the generated manifest, as our apps and partners use it), over real HTTP and WebSocket against
 * the gateway and the six subgraphs; APQ for first-party clients cached in Redis.
 */

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const acme = organizations.find((organization) => organization.slug === 'acme-robotics')!;
const acmeOwner = users.find((user) => user.membership?.organizationId === acme.id)!;
const publishedOffer = offers.find((offer) => offer.status === 'PUBLISHED')!;
const publicCommunity = communities.find((community) => community.visibility === 'PUBLIC')!;

let supergraph: TestSupergraph;
let partnerKey: string;
let ownerToken: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph({ redis: true });
  const login = await graphqlRequest<{ login: { session: { accessToken: string } } }>(
    supergraph.gateway.url,
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email: acmeOwner.email, password: DEMO_PASSWORD } },
  );
  ownerToken = login.data!.login.session.accessToken;
  const created = await graphqlRequest<{ createApiKey: { secret: string } }>(
    supergraph.gateway.url,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { organizationId: acme.id, name: 'job board' } },
    { authorization: `Bearer ${ownerToken}` },
  );
  partnerKey = created.data!.createApiKey.secret;
});

afterAll(async () => {
  await supergraph?.close();
});

interface SentRequest {
  readonly query?: string;
  readonly extensions?: { persistedQuery?: { sha256Hash: string } };
}

/** An Apollo Client over HTTP that records the bodies it sends. */
function apolloClient(options: {
  url: string;
  headers?: Record<string, string>;
  persisted?: 'manifest' | 'apq' | 'none';
}) {
  const sent: SentRequest[] = [];
  const http = new HttpLink({
    uri: options.url,
    headers: options.headers ?? {},
    fetch: async (input, init) => {
      sent.push(JSON.parse(String(init?.body)) as SentRequest);
      return fetch(input, init);
    },
  });
  const persisted =
    options.persisted === 'manifest'
      ? new PersistedQueryLink(
          generatePersistedQueryIdsFromManifest({ loadManifest: () => persistedQueryManifest as never }),
        )
      : options.persisted === 'apq'
        ? new PersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') })
        : null;
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: persisted ? ApolloLink.from([persisted, http]) : http,
  });
  return { client, sent };
}

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.['code'];

describe('a partner API key', () => {
  it('runs the partner operations with Apollo Client, sending ids and never query text', async () => {
    const { client, sent } = apolloClient({
      url: supergraph.gateway.url,
      headers: { 'x-api-key': partnerKey },
      persisted: 'manifest',
    });
    const catalogue = await client.query({ query: PublishedOffersDocument, variables: { first: 5 } });
    expect(catalogue.error).toBeUndefined();
    expect(catalogue.data!.offers.edges.length).toBeGreaterThan(0);
    expect(catalogue.data!.offers.edges[0]!.node.organization.name).toBeTruthy();

    const offer = await client.query({ query: OfferDocument, variables: { id: publishedOffer.id } });
    expect(offer.data!.offer).toMatchObject({ id: publishedOffer.id, title: publishedOffer.title });
    const own = await client.query({
      query: OrganizationOffersDocument,
      variables: { slug: acme.slug, status: 'DRAFT' },
    });
    expect(own.data!.organization!.offers.edges.every(({ node }) => node.status === 'DRAFT')).toBe(true);
    const events = await client.query({ query: UpcomingEventsDocument, variables: {} });
    expect(events.error).toBeUndefined();
    const around = await client.query({ query: AroundTheOrganizationsDocument });
    expect(around.data!.organizations.edges.length).toBeGreaterThan(0);

    expect(sent).toHaveLength(5);
    expect(sent.every((body) => body.query === undefined)).toBe(true);
    expect(sent.map((body) => body.extensions!.persistedQuery!.sha256Hash)).toEqual(
      ['PublishedOffers', 'Offer', 'OrganizationOffers', 'UpcomingEvents', 'AroundTheOrganizations'].map(
        persistedOperationId,
      ),
    );
  });

  it('is refused any operation outside the manifest, before any subgraph runs it', async () => {
    const partner = { 'x-api-key': partnerKey };
    const freeForm = await graphqlRequest(
      supergraph.gateway.url,
      '{ offers(first: 1) { totalCount } }',
      {},
      partner,
    );
    expect([freeForm.status, codeOf(freeForm)]).toEqual([403, 'PERSISTED_QUERY_REQUIRED']);
    expect(freeForm.data).toBeUndefined();

    // The text of a manifest operation, but without its id, is refused just the same.
    const manifestText = persistedQueryManifest.operations.find((operation) => operation.name === 'Offer')!;
    const textOnly = await graphqlRequest(
      supergraph.gateway.url,
      manifestText.body,
      { id: publishedOffer.id },
      partner,
    );
    expect([textOnly.status, codeOf(textOnly)]).toEqual([403, 'PERSISTED_QUERY_REQUIRED']);

    const unknown = await postGraphQL(
      supergraph.gateway.url,
      {
        query: '{ offers(first: 1) { totalCount } }',
        extensions: {
          persistedQuery: {
            version: 1,
            sha256Hash: createHash('sha256').update('{ offers(first: 1) { totalCount } }').digest('hex'),
          },
        },
      },
      partner,
    );
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'PERSISTED_QUERY_NOT_FOUND']);

    // The apps' operations are in the manifest too, but not published for partners.
    for (const name of ['OffersWithBestCandidates', 'ExportMyData']) {
      const appOperation = await postGraphQL(
        supergraph.gateway.url,
        { extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationId(name) } } },
        partner,
      );
      expect([appOperation.status, codeOf(appOperation)]).toEqual([403, 'OPERATION_NOT_FOR_PARTNERS']);
      expect(appOperation.data).toBeUndefined();
    }

    // With Apollo Client and no persisted-queries link, the refusal arrives as a 403 server error.
    const { client } = apolloClient({ url: supergraph.gateway.url, headers: partner, persisted: 'none' });
    const refused = await client
      .query({ query: gql('query Catalogue { offers(first: 1) { totalCount } }') })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(ServerError.is(refused)).toBe(true);
    expect((refused as ServerError).statusCode).toBe(403);
    expect((refused as ServerError).bodyText).toContain('PERSISTED_QUERY_REQUIRED');
  });

  it('may send the text along with the id only if it is that operation', async () => {
    const operation = persistedQueryManifest.operations.find((candidate) => candidate.name === 'Offer')!;
    const send = (query: string) =>
      postGraphQL<{ offer: { id: string } }>(
        supergraph.gateway.url,
        {
          query,
          variables: { id: publishedOffer.id },
          extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } },
        },
        { 'x-api-key': partnerKey },
      );
    const genuine = await send(operation.body);
    expect(genuine.status).toBe(200);
    expect(genuine.data!.offer.id).toBe(publishedOffer.id);
    const swapped = await send('query Offer($id: ID!) { offer(id: $id) { id description status } }');
    expect([swapped.status, codeOf(swapped)]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe("the README's partner example", () => {
  it('runs as written, with a real partner key', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const body = /-d '(\{"variables".*\})'/.exec(readme)![1]!;
    expect(JSON.parse(body).extensions.persistedQuery.sha256Hash).toBe(
      persistedOperationId('PublishedOffers'),
    );
    const result = await postGraphQL<{ offers: { edges: unknown[] } }>(
      supergraph.gateway.url,
      JSON.parse(body) as Record<string, unknown>,
      { 'x-api-key': partnerKey },
    );
    expect([result.status, result.errors]).toEqual([200, undefined]);
    expect(result.data!.offers.edges.length).toBeGreaterThan(0);
  });
});

describe('first-party clients', () => {
  it('may run free-form operations and manifest operations by id', async () => {
    const freeForm = await graphqlRequest(supergraph.gateway.url, '{ offers(first: 1) { totalCount } }');
    expect(freeForm.errors).toBeUndefined();
    const byId = await persistedRequest<{ offer: { id: string } }>(supergraph.gateway.url, 'Offer', {
      id: publishedOffer.id,
    });
    expect(byId.data!.offer.id).toBe(publishedOffer.id);
  });

  it('use automatic persisted queries (APQ) with Apollo Client, remembered in Redis for every replica', async () => {
    const title = `apq-${randomBytes(4).toString('hex')}`;
    const query = gql(`query ${title.replace('-', '_')} { offers(first: 2) { totalCount } }`);
    const first = apolloClient({ url: supergraph.gateway.url, persisted: 'apq' });
    const result = await first.client.query({ query });
    expect(result.error).toBeUndefined();
    // A miss: the hash alone, then the hash with the text, which registers it.
    expect(first.sent).toHaveLength(2);
    expect(first.sent[0]!.query).toBeUndefined();
    const hash = first.sent[1]!.extensions!.persistedQuery!.sha256Hash;
    expect(createHash('sha256').update(first.sent[1]!.query!).digest('hex')).toBe(hash);

    const redis = new Redis(TEST_REDIS_URL);
    try {
      // Apollo Server registers it without holding the response back for the write.
      const key = `${supergraph.env['EVENTS_KEY_PREFIX']}apq:${hash}`;
      await untilAsync(async () => (await redis.get(key)) === first.sent[1]!.query);
    } finally {
      redis.disconnect();
    }
    // Another gateway over the same Redis knows it: the hash alone is enough there.
    const replica = await startGatewayFor(supergraph.subgraphs, supergraph.env);
    try {
      const second = apolloClient({ url: replica.url, persisted: 'apq' });
      const again = await second.client.query({ query });
      expect(again.data).toEqual(result.data);
      expect(second.sent).toHaveLength(1);
      expect(second.sent[0]!.query).toBeUndefined();
    } finally {
      await replica.stop();
    }
  });
});

describe('with SAFELIST_ONLY=true (the production default)', () => {
  let safelisted: RunningGateway;

  beforeAll(async () => {
    safelisted = await startGatewayFor(supergraph.subgraphs, { ...supergraph.env, SAFELIST_ONLY: 'true' });
  });

  afterAll(async () => {
    await safelisted?.stop();
  });

  it('refuses first-party free-form operations and serves manifest ones to Apollo Client', async () => {
    const freeForm = await graphqlRequest(safelisted.url, '{ offers(first: 1) { totalCount } }');
    expect([freeForm.status, codeOf(freeForm)]).toEqual([403, 'PERSISTED_QUERY_REQUIRED']);
    const { client } = apolloClient({ url: safelisted.url, persisted: 'manifest' });
    const offer = await client.query({ query: OfferDocument, variables: { id: publishedOffer.id } });
    expect(offer.data!.offer!.id).toBe(publishedOffer.id);
  });

  it('holds subscriptions to the manifest too: Apollo Client over graphql-ws receives a live post', async () => {
    await graphqlRequest(
      supergraph.gateway.url,
      'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
      { input: { communityId: publicCommunity.id } },
      { authorization: `Bearer ${ownerToken}` },
    );
    const wsUrl = safelisted.url.replace('http://', 'ws://');
    const connectionParams = { authorization: `Bearer ${ownerToken}` };
    const raw = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams });
    const refusal = await new Promise<unknown>((resolve) => {
      raw.subscribe(
        {
          query: 'subscription ($c: ID!) { postAdded(communityId: $c) { id } }',
          variables: { c: publicCommunity.id },
        },
        { next: () => resolve(null), error: resolve, complete: () => resolve(null) },
      );
    });
    expect(JSON.stringify(refusal)).toContain('PERSISTED_QUERY_REQUIRED');
    await raw.dispose();

    const wsClient = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams,
    });
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink(
          generatePersistedQueryIdsFromManifest({ loadManifest: () => persistedQueryManifest as never }),
        ),
        new GraphQLWsLink(wsClient),
      ]),
    });
    const received = new Promise<PostAddedSubscription>((resolve, reject) => {
      client
        .subscribe({ query: PostAddedDocument, variables: { communityId: publicCommunity.id } })
        .subscribe({
          next: (result) => (result.data ? resolve(result.data) : reject(new Error(JSON.stringify(result)))),
          error: reject,
        });
    });
    try {
      await until(() => safelisted.liveFeeds.subscriberCount() === 1);
      const title = `Safelisted live ${randomBytes(3).toString('hex')}`;
      const created = await persistedRequest<{ createPost: { post: { id: string } | null } }>(
        safelisted.url,
        'CreatePost',
        { input: { communityId: publicCommunity.id, title, body: 'Through the manifest.' } },
        { authorization: `Bearer ${ownerToken}` },
      );
      expect(created.errors).toBeUndefined();
      const post = await received;
      expect(post.postAdded).toMatchObject({ id: created.data!.createPost.post!.id, title });
    } finally {
      await wsClient.dispose();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function untilAsync(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
