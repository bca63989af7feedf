import { randomUUID } from 'node:crypto';
import type { Viewer } from '@talentgraph/auth';
import { queryDatabase } from './database.ts';
import { graphqlRequest, type GraphQLResponse } from './graphql-client.ts';
import type { TestSubgraph } from './subgraph.ts';
import { testUser, type TestIssuer } from './tokens.ts';

/**
 * Asks one subgraph directly, as the gateway does, for its section (`field`) of the export of
 * `subjectId`'s data, on behalf of `viewer` (a token of `issuer`, or none).
 */
export async function requestExportSection(
  subgraph: Pick<TestSubgraph, 'url'>,
  issuer: TestIssuer,
  field: string,
  viewer: Viewer | null,
  subjectId: string,
): Promise<GraphQLResponse<{ _entities: Record<string, Record<string, unknown>>[] }>> {
  return graphqlRequest(
    subgraph.url,
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on PersonalDataExport { subjectId ${field} } }
    }`,
    { representations: [{ __typename: 'PersonalDataExport', id: randomUUID(), subjectId }] },
    viewer ? await issuer.headersFor(viewer) : {},
  );
}

/** Callers refused a person's export section, with the code each gets: anyone but the person. */
export function exportIntruders(): readonly (readonly [Viewer | null, 'FORBIDDEN' | 'UNAUTHENTICATED'])[] {
  const partner: Viewer = {
    kind: 'PARTNER',
    apiKeyId: randomUUID(),
    organizationId: randomUUID(),
    roles: ['PARTNER'],
  };
  return [
    [testUser(randomUUID()), 'FORBIDDEN'],
    [partner, 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ];
}

/** An event about `userId` waiting in a subgraph's outbox, not yet published (its erasure must wait). */
export async function recordWaitingEventAbout(databaseUrl: string, userId: string): Promise<void> {
  await queryDatabase(
    databaseUrl,
    `insert into event_outbox (event_id, type, envelope, recorded_at, published_at)
     values ($1, 'test.AboutSomeone', $2, now(), null)`,
    [randomUUID(), JSON.stringify({ actor: { kind: 'USER', id: userId } })],
  );
}

/** Waits until the relay published every row of a subgraph's outbox. */
export async function outboxPublished(databaseUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await queryDatabase(databaseUrl, 'select 1 from event_outbox where published_at is null')).length > 0
  ) {
    if (Date.now() > deadline) throw new Error(`the outbox was not published within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
