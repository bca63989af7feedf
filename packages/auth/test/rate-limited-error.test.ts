import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { rateLimited } from '../src/rate-limit.ts';

describe('rateLimited', () => {
  it('carries RATE_LIMITED, the seconds to wait and an HTTP 429 with Retry-After', () => {
    const error = rateLimited(42);
    expect(error.message).toBe('Too many attempts. Try again in 42 seconds.');
    expect(error.extensions['code']).toBe('RATE_LIMITED');
    expect(error.extensions['retryAfterSeconds']).toBe(42);
    const http = error.extensions['http'] as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect([...http.headers]).toEqual([['retry-after', '42']]);
  });

  it('rounds up to whole seconds, at least one', () => {
    expect(rateLimited(0.2).extensions['retryAfterSeconds']).toBe(1);
    expect(rateLimited(0.2).message).toBe('Too many attempts. Try again in 1 second.');
    expect(rateLimited(59.01).extensions['retryAfterSeconds']).toBe(60);
  });

  it('becomes an HTTP 429 with Retry-After in Apollo Server, without leaking `http` into the response', async () => {
    const server = new ApolloServer({
      typeDefs: 'type Query { login: Boolean }',
      resolvers: {
        Query: {
          login: () => {
            throw rateLimited(30);
          },
        },
      },
    });
    const response = await server.executeOperation({ query: '{ login }' });
    expect(response.http.status).toBe(429);
    expect(response.http.headers.get('retry-after')).toBe('30');
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 30,
    });
    await server.stop();
  });
});
