import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, users } from '@talentgraph/demo-data';
import { graphqlRequest, type GraphQLResponse } from '@talentgraph/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningGateway } from '../src/gateway.ts';
import { startGatewayFor, startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * Live feeds end to end: real `graphql-ws` clients on the gateway's WebSocket, real mutations over
 * HTTP, and the domain events in between (outbox, relay, event log, the gateway's consumer group).
 */

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const PASSWORD = 'violet-harbour-42-lantern';
const publicCommunity = communities.find((community) => community.visibility === 'PUBLIC')!;
const privateCommunity = communities.find((community) => community.visibility === 'PRIVATE')!;
const privateOwner = users.find((user) => user.id === privateCommunity.createdById)!;

let supergraph: TestSupergraph;
const clients: Client[] = [];

beforeAll(async () => {
  supergraph = await startTestSupergraph();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await supergraph?.close();
});

interface Person {
  readonly userId: string;
  readonly token: string;
}

async function gateway<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  person?: Person,
  url = supergraph.gateway.url,
): Promise<GraphQLResponse<Data>> {
  const response = await graphqlRequest<Data>(
    url,
    query,
    variables,
    person ? { authorization: `Bearer ${person.token}` } : {},
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response;
}

async function signIn(email: string, password: string): Promise<Person> {
  const response = await gateway<{ login: { session: { accessToken: string; account: { id: string } } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken account { id } } } }',
    { input: { email, password } },
  );
  const { accessToken, account } = response.data!.login.session;
  return { userId: account.id, token: accessToken };
}

async function newPerson(name = 'Live Tester'): Promise<Person> {
  const email = `live.${randomBytes(5).toString('hex')}@example.com`;
  await gateway('mutation ($input: RegisterInput!) { register(input: $input) { errors { code } } }', {
    input: { email, password: PASSWORD, displayName: name, role: 'CANDIDATE' },
  });
  return signIn(email, PASSWORD);
}

async function join(person: Person, communityId: string): Promise<void> {
  await gateway(
    'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
    { input: { communityId } },
    person,
  );
}

async function post(person: Person, communityId: string, title: string): Promise<string> {
  const response = await gateway<{ createPost: { post: { id: string } | null; errors: unknown[] } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { post { id } errors { code } } }',
    { input: { communityId, title, body: `Body of ${title}` } },
    person,
  );
  expect(response.data!.createPost.errors).toEqual([]);
  return response.data!.createPost.post!.id;
}

async function comment(person: Person, postId: string, body: string): Promise<string> {
  const response = await gateway<{ createComment: { comment: { id: string } | null; errors: unknown[] } }>(
    'mutation ($input: CreateCommentInput!) { createComment(input: $input) { comment { id } errors { code } } }',
    { input: { postId, body } },
    person,
  );
  expect(response.data!.createComment.errors).toEqual([]);
  return response.data!.createComment.comment!.id;
}

function webSocketUrl(target: RunningGateway = supergraph.gateway): string {
  return target.url.replace('http://', 'ws://');
}

function connect(person?: Person, target: RunningGateway = supergraph.gateway): Client {
  const client = createClient({
    url: webSocketUrl(target),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: person ? { authorization: `Bearer ${person.token}` } : {},
  });
  clients.push(client);
  return client;
}

/** What one subscription received, and a way to wait for the next message or its end. */
interface Feed {
  readonly results: Record<string, unknown>[];
  readonly ended: Promise<void>;
  next(count?: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
}

function follow(client: Client, query: string, variables: Record<string, unknown> = {}): Feed {
  const results: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let end: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const wake = () => waiters.splice(0).forEach((waiter) => waiter());
  client.subscribe(
    { query, variables },
    {
      next: (result) => {
        results.push(result as Record<string, unknown>);
        wake();
      },
      error: (error) => {
        results.push({ transportError: error });
        wake();
        end();
      },
      complete: () => {
        wake();
        end();
      },
    },
  );
  return {
    results,
    ended,
    async next(count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`waited ${timeoutMs} ms for message ${count}; got ${JSON.stringify(results)}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return results.slice(0, count);
    },
  };
}

/** The gateway has registered `count` subscriptions (subscribing is asynchronous). */
async function subscribed(count: number, target: RunningGateway = supergraph.gateway): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (target.liveFeeds.subscriberCount() < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} subscriptions`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const POST_ADDED = `subscription ($communityId: ID!) {
  postAdded(communityId: $communityId) { id title author { displayName } community { name } }
}`;

describe('postAdded', () => {
  it('delivers a new post with fields of several subgraphs (author from users) to every subscriber', async () => {
    const [reader, author] = [await newPerson('Reader'), await newPerson('Ada Author')];
    await join(author, publicCommunity.id);
    const before = supergraph.gateway.liveFeeds.subscriberCount();
    const feeds = [
      follow(connect(reader), POST_ADDED, { communityId: publicCommunity.id }),
      follow(connect(), POST_ADDED, { communityId: publicCommunity.id }),
    ];
    await subscribed(before + 2);

    const postId = await post(author, publicCommunity.id, 'Live post one');
    for (const feed of feeds) {
      expect(await feed.next()).toEqual([
        {
          data: {
            postAdded: {
              id: postId,
              title: 'Live post one',
              author: { displayName: 'Ada Author' },
              community: { name: publicCommunity.name },
            },
          },
        },
      ]);
    }
  });

  it('stops the feed of a member removed from a private community, at the next post', async () => {
    const owner = await signIn(privateOwner.email, DEMO_PASSWORD);
    const member = await newPerson('Soon Removed');
    await gateway(
      'mutation ($input: AddCommunityMemberInput!) { addCommunityMember(input: $input) { errors { code } } }',
      { input: { communityId: privateCommunity.id, userId: member.userId } },
      owner,
    );
    const before = supergraph.gateway.liveFeeds.subscriberCount();
    const memberFeed = follow(connect(member), POST_ADDED, { communityId: privateCommunity.id });
    const ownerFeed = follow(connect(owner), POST_ADDED, { communityId: privateCommunity.id });
    await subscribed(before + 2);

    await post(owner, privateCommunity.id, 'For members only');
    expect((await memberFeed.next())[0]).toMatchObject({
      data: { postAdded: { title: 'For members only' } },
    });

    await gateway(
      'mutation ($input: RemoveCommunityMemberInput!) { removeCommunityMember(input: $input) { errors { code } } }',
      { input: { communityId: privateCommunity.id, userId: member.userId } },
      owner,
    );
    await post(owner, privateCommunity.id, 'After the removal');
    const [, afterRemoval] = await memberFeed.next(2);
    expect(afterRemoval).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(JSON.stringify(memberFeed.results)).not.toContain('After the removal');
    await memberFeed.ended;
    const ownerResults = await ownerFeed.next(2);
    expect(
      ownerResults.map((result) => (result['data'] as { postAdded: { title: string } }).postAdded.title),
    ).toEqual(['For members only', 'After the removal']);
  });

  it('refuses to subscribe to a private community: UNAUTHENTICATED anonymously, FORBIDDEN for an outsider', async () => {
    const anonymous = follow(connect(), POST_ADDED, { communityId: privateCommunity.id });
    const outsider = follow(connect(await newPerson()), POST_ADDED, { communityId: privateCommunity.id });
    const [[refusedAnonymous], [refusedOutsider]] = await Promise.all([anonymous.next(), outsider.next()]);
    expect(refusedAnonymous).toMatchObject({ transportError: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(refusedOutsider).toMatchObject({ transportError: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('validates like the HTTP path: unknown fields and malformed ids are refused', async () => {
    const client = connect();
    const unknownField = follow(client, 'subscription ($c: ID!) { postAdded(communityId: $c) { nope } }', {
      c: publicCommunity.id,
    });
    const malformedId = follow(client, POST_ADDED, { communityId: 'not-an-id' });
    const query = follow(client, '{ communities { totalCount } }');
    const [[field], [id], [asQuery]] = await Promise.all([
      unknownField.next(),
      malformedId.next(),
      query.next(),
    ]);
    expect(JSON.stringify(field)).toContain('Cannot query field \\"nope\\" on type \\"Post\\"');
    expect(id).toMatchObject({ transportError: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(JSON.stringify(asQuery)).toContain('Only subscriptions go over the WebSocket');
  });
});

describe('commentAdded and notificationAdded', () => {
  it("delivers a comment to the post's readers and a notification to the post's author", async () => {
    const [author, commenter] = [await newPerson('Post Author'), await newPerson('Chatty Commenter')];
    await join(author, publicCommunity.id);
    await join(commenter, publicCommunity.id);
    const postId = await post(author, publicCommunity.id, 'Ask me anything');
    const before = supergraph.gateway.liveFeeds.subscriberCount();
    const comments = follow(
      connect(),
      'subscription ($postId: ID!) { commentAdded(postId: $postId) { body author { displayName } post { title } } }',
      { postId },
    );
    const notifications = follow(
      connect(author),
      'subscription { notificationAdded { type title read recipient { displayName } } }',
    );
    await subscribed(before + 2);

    await comment(commenter, postId, 'First question: tabs or spaces?');
    expect(await comments.next()).toEqual([
      {
        data: {
          commentAdded: {
            body: 'First question: tabs or spaces?',
            author: { displayName: 'Chatty Commenter' },
            post: { title: 'Ask me anything' },
          },
        },
      },
    ]);
    expect(await notifications.next(1, 10_000)).toEqual([
      {
        data: {
          notificationAdded: {
            type: 'NEW_COMMENT_ON_MY_POST',
            title: 'Chatty Commenter commented on your post',
            read: false,
            recipient: { displayName: 'Post Author' },
          },
        },
      },
    ]);
  });

  it('refuses notificationAdded without signing in', async () => {
    const anonymous = follow(connect(), 'subscription { notificationAdded { title } }');
    expect((await anonymous.next())[0]).toMatchObject({
      transportError: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});

describe('the WebSocket connection', () => {
  it('closes with 4401 when connectionParams carry a token that does not verify', async () => {
    const client = createClient({
      url: webSocketUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: 'Bearer not.a.token' },
    });
    clients.push(client);
    const feed = follow(client, POST_ADDED, { communityId: publicCommunity.id });
    const [closed] = await feed.next();
    expect((closed!['transportError'] as { code: number }).code).toBe(4401);
  });

  it('refuses the upgrade from a browser origin that is not allowed', async () => {
    const socket = new WebSocket(webSocketUrl(), 'graphql-transport-ws', { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('closes the connection of a session that ended (logout)', async () => {
    const person = await newPerson();
    const before = supergraph.gateway.liveFeeds.subscriberCount();
    const feed = follow(connect(person), POST_ADDED, { communityId: publicCommunity.id });
    await subscribed(before + 1);
    await gateway('mutation { logout { ended } }', {}, person);
    const [closed] = await feed.next(1, 10_000);
    expect((closed!['transportError'] as { code: number }).code).toBe(4401);
  });
});

describe('several gateway replicas', () => {
  it('a post reaches subscribers of both gateways, through Redis', async () => {
    const redisSupergraph = await startTestSupergraph({ redis: true });
    let second: RunningGateway | undefined;
    try {
      second = await startGatewayFor(redisSupergraph.subgraphs, redisSupergraph.env);
      const author = await newPersonOn(redisSupergraph.gateway.url);
      await gateway(
        'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
        { input: { communityId: publicCommunity.id } },
        author,
        redisSupergraph.gateway.url,
      );
      const onFirst = follow(connect(undefined, redisSupergraph.gateway), POST_ADDED, {
        communityId: publicCommunity.id,
      });
      const onSecond = follow(connect(undefined, second), POST_ADDED, { communityId: publicCommunity.id });
      await subscribed(1, redisSupergraph.gateway);
      await subscribed(1, second);
      const response = await gateway<{ createPost: { post: { id: string } } }>(
        'mutation ($input: CreatePostInput!) { createPost(input: $input) { post { id } } }',
        { input: { communityId: publicCommunity.id, title: 'Across replicas', body: 'Fan-out' } },
        author,
        redisSupergraph.gateway.url,
      );
      const postId = response.data!.createPost.post.id;
      for (const feed of [onFirst, onSecond]) {
        expect((await feed.next())[0]).toMatchObject({
          data: { postAdded: { id: postId, title: 'Across replicas' } },
        });
      }
    } finally {
      await second?.stop();
      await redisSupergraph.close();
    }
  });
});

async function newPersonOn(url: string): Promise<Person> {
  const email = `replica.${randomBytes(5).toString('hex')}@example.com`;
  await gateway(
    'mutation ($input: RegisterInput!) { register(input: $input) { errors { code } } }',
    { input: { email, password: PASSWORD, displayName: 'Replica Author', role: 'CANDIDATE' } },
    undefined,
    url,
  );
  const response = await gateway<{ login: { session: { accessToken: string; account: { id: string } } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken account { id } } } }',
    { input: { email, password: PASSWORD } },
    undefined,
    url,
  );
  return { userId: response.data!.login.session.account.id, token: response.data!.login.session.accessToken };
}
