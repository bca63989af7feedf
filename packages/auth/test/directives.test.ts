import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyAuthorization, type Viewer } from '../src/index.ts';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@key"])

  directive @authenticated on OBJECT | FIELD_DEFINITION
  directive @hasRole(roles: [String!]!) on OBJECT | FIELD_DEFINITION

  type Query {
    publicNotice: String!
    myNotes: String! @authenticated
    auditTrail: String! @hasRole(roles: ["ADMIN", "MODERATOR"])
    account(id: ID!): Account
  }

  type Account @key(fields: "id") {
    id: ID!
    displayName: String!
    email: String! @authenticated
    internalNote: String! @hasRole(roles: ["ADMIN"])
  }

  type Invoice @key(fields: "id") @hasRole(roles: ["ADMIN"]) {
    id: ID!
    total: Int!
  }
`);

const schema = applyAuthorization<{ viewer: Viewer | null }>(
  buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: {
          publicNotice: () => 'hello',
          myNotes: () => 'notes',
          auditTrail: () => 'trail',
          account: (_source: unknown, { id }: { id: string }) => ({ id }),
        },
        Account: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          displayName: () => 'Amina',
          email: () => 'amina@example.test',
          internalNote: () => 'note',
        },
        Invoice: { __resolveReference: ({ id }: { id: string }) => ({ id, total: 42 }) },
      } as never,
    },
  ]),
);

const candidate: Viewer = {
  kind: 'USER',
  userId: 'u1',
  roles: ['CANDIDATE'],
  memberships: [],
  sessionId: 's',
};
const admin: Viewer = { ...candidate, roles: ['ADMIN'] };

async function run(source: string, viewer: Viewer | null) {
  const result = await graphql({ schema, source, contextValue: { viewer } });
  return {
    data: result.data,
    codes: (result.errors ?? []).map((error) => error.extensions['code']),
  };
}

describe('applyAuthorization', () => {
  it('leaves unguarded fields open to anyone', async () => {
    expect(await run('{ publicNotice }', null)).toEqual({ data: { publicNotice: 'hello' }, codes: [] });
  });

  it('refuses @authenticated fields to anonymous callers with UNAUTHENTICATED', async () => {
    expect((await run('{ myNotes }', null)).codes).toEqual(['UNAUTHENTICATED']);
    expect(await run('{ myNotes }', candidate)).toEqual({ data: { myNotes: 'notes' }, codes: [] });
  });

  it('refuses @hasRole fields to other roles with FORBIDDEN, and to anonymous callers with UNAUTHENTICATED', async () => {
    expect((await run('{ auditTrail }', candidate)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ auditTrail }', null)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await run('{ auditTrail }', admin)).data).toEqual({ auditTrail: 'trail' });
  });

  it('guards nested fields however they are reached, _entities included', async () => {
    const nested = await run('{ account(id: "a1") { displayName email } }', null);
    expect(nested.codes).toEqual(['UNAUTHENTICATED']);
    const entities = await run(
      '{ _entities(representations: [{ __typename: "Account", id: "a1" }]) { ... on Account { displayName internalNote } } }',
      candidate,
    );
    expect(entities.codes).toEqual(['FORBIDDEN']);
    const allowed = await run(
      '{ _entities(representations: [{ __typename: "Account", id: "a1" }]) { ... on Account { displayName internalNote } } }',
      admin,
    );
    expect(allowed).toEqual({
      data: { _entities: [{ displayName: 'Amina', internalNote: 'note' }] },
      codes: [],
    });
  });

  it('applies a directive on a type to all its fields', async () => {
    const query =
      '{ _entities(representations: [{ __typename: "Invoice", id: "i1" }]) { ... on Invoice { id total } } }';
    const refused = await run(query, candidate);
    expect(new Set(refused.codes)).toEqual(new Set(['FORBIDDEN']));
    expect(refused.data).toEqual({ _entities: [null] });
    expect((await run(query, admin)).data).toEqual({ _entities: [{ id: 'i1', total: 42 }] });
  });

  it('fails at start on a role that does not exist, rather than guarding nothing', () => {
    const misspelled = parse(`
      directive @hasRole(roles: [String!]!) on OBJECT | FIELD_DEFINITION
      type Query { secret: String @hasRole(roles: ["ADMINISTRATOR"]) }
    `);
    expect(() => applyAuthorization(buildSubgraphSchema([{ typeDefs: misspelled }]))).toThrow(/unknown role/);
  });
});
