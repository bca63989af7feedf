import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuotaServiceError, consumeOrganizationQuota } from '../src/organization-quotas.ts';

/** The client of the users subgraph's quota route, against a stand-in answering as that route does. */
let server: Server;
let answer: { status: number; body: unknown; delayMs?: number };
let received: { method: string; url: string; authorization: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        method: request.method!,
        url: request.url!,
        authorization: request.headers.authorization,
        body,
      });
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const ORGANIZATION = 'a0000000-0000-4000-8000-000000000001';
const consume = (timeoutMs = 2_000) =>
  consumeOrganizationQuota({
    usersUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    organizationId: ORGANIZATION,
    metric: 'PROFILE_UNLOCKS',
    amount: 1,
    authorization: 'Bearer caller-token',
    timeoutMs,
  });
const standing = { used: 3, limit: 10, remaining: 7, resetsAt: '2027-01-01T00:00:00.000Z' };

describe('consumeOrganizationQuota', () => {
  it('posts the amount to the route of the organization and metric, with the caller’s token', async () => {
    received = [];
    answer = {
      status: 200,
      body: { organizationId: ORGANIZATION, metric: 'PROFILE_UNLOCKS', amount: 1, ...standing },
    };
    expect(await consume()).toEqual({ outcome: 'CONSUMED', ...standing });
    expect(received).toEqual([
      {
        method: 'POST',
        url: `/internal/organizations/${ORGANIZATION}/quotas/PROFILE_UNLOCKS/consume`,
        authorization: 'Bearer caller-token',
        body: '{"amount":1}',
      },
    ]);
  });

  it('reports a quota used up with where it stands', async () => {
    answer = {
      status: 429,
      body: { error: { code: 'QUOTA_EXCEEDED', message: 'no' }, ...standing, remaining: 0 },
    };
    expect(await consume()).toEqual({ outcome: 'QUOTA_EXCEEDED', ...standing, remaining: 0 });
  });

  it('reports the route’s refusals with their code', async () => {
    answer = { status: 403, body: { error: { code: 'FORBIDDEN', message: 'not a member' } } };
    expect(await consume()).toEqual({
      outcome: 'REFUSED',
      status: 403,
      code: 'FORBIDDEN',
      message: 'not a member',
    });
  });

  it('throws when the service fails or does not answer in time', async () => {
    answer = { status: 503, body: { error: 'down' } };
    await expect(consume()).rejects.toBeInstanceOf(QuotaServiceError);
    answer = { status: 200, body: standing, delayMs: 500 };
    await expect(consume(50)).rejects.toBeInstanceOf(QuotaServiceError);
  });
});
