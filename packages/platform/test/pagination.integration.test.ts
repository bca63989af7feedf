import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEntity, p } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '@talentgraph/testing';
import { createOrm, type MikroORM } from '../src/orm.ts';
import { LoaderRegistry } from '../src/loaders.ts';
import { firstPagesByParent, paginate } from '../src/pagination.ts';

const Shelf = defineEntity({
  name: 'Shelf',
  properties: { id: p.uuid().primary(), label: p.string() },
});
const Book = defineEntity({
  name: 'Book',
  properties: {
    id: p.uuid().primary(),
    title: p.string(),
    shelf: () => p.manyToOne(Shelf),
    published: p.boolean(),
    rating: p.integer().nullable(),
  },
});

let database: TestDatabase;
let orm: MikroORM;
let statements: string[] = [];
const shelves = ['a', 'b', 'c'].map((label) => ({ id: randomUUID(), label }));

beforeAll(async () => {
  database = await createTestDatabase('pagination');
  orm = await createOrm({
    databaseUrl: database.url,
    entities: [Shelf, Book],
    migrations: [],
    onQuery: (sql) => statements.push(sql),
  });
  await orm.schema.create();
  const em = orm.em.fork();
  for (const shelf of shelves) em.create(Shelf, shelf);
  // Shelf a: 5 published books, shelf b: 2 published + 1 draft, shelf c: none.
  for (let index = 0; index < 5; index += 1) {
    em.create(Book, { id: randomUUID(), title: `a-${index}`, shelf: shelves[0]!.id, published: true });
  }
  em.create(Book, { id: randomUUID(), title: 'b-0', shelf: shelves[1]!.id, published: true, rating: 3 });
  em.create(Book, { id: randomUUID(), title: 'b-1', shelf: shelves[1]!.id, published: true, rating: 5 });
  em.create(Book, { id: randomUUID(), title: 'b-draft', shelf: shelves[1]!.id, published: false });
  await em.flush();
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('firstPagesByParent', () => {
  it('returns each parent its own first page, total and next-page flag, in one query', async () => {
    const em = orm.em.fork();
    statements = [];
    const [pageA, pageB, pageC] = await firstPagesByParent(em, Book, {
      parentProperty: 'shelf',
      parentIds: shelves.map((shelf) => shelf.id),
      where: { published: true },
      orderBy: { title: 'desc', id: 'asc' },
      page: { first: 3 },
    });
    expect(statements.filter((sql) => /\bselect\b/i.test(sql))).toHaveLength(1);
    expect(pageA!.edges.map((edge) => edge.node.title)).toEqual(['a-4', 'a-3', 'a-2']);
    expect(pageA!.totalCount).toBe(5);
    expect(pageA!.pageInfo.hasNextPage).toBe(true);
    expect(pageB!.edges.map((edge) => edge.node.title)).toEqual(['b-1', 'b-0']);
    expect(pageB!.totalCount).toBe(2);
    expect(pageB!.pageInfo.hasNextPage).toBe(false);
    expect(pageC).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });

  it('gives cursors that continue where the batched page stopped', async () => {
    const em = orm.em.fork();
    const [pageA] = await firstPagesByParent(em, Book, {
      parentProperty: 'shelf',
      parentIds: [shelves[0]!.id],
      where: { published: true },
      orderBy: { title: 'desc', id: 'asc' },
      page: { first: 3 },
    });
    const [next] = await firstPagesByParent(em, Book, {
      parentProperty: 'shelf',
      parentIds: [shelves[0]!.id],
      where: { published: true },
      orderBy: { title: 'desc', id: 'asc' },
      page: { first: 3, after: pageA!.pageInfo.endCursor },
    });
    expect(next!.edges.map((edge) => edge.node.title)).toEqual(['a-1', 'a-0']);
    expect(next!.pageInfo.hasNextPage).toBe(false);
  });
});

describe('firstPagesByParent edge cases', () => {
  it('honours NULLS LAST in the order', async () => {
    const [pageB] = await firstPagesByParent(orm.em.fork(), Book, {
      parentProperty: 'shelf',
      parentIds: [shelves[1]!.id],
      where: {},
      orderBy: { rating: 'desc nulls last', id: 'asc' },
      page: { first: 3 },
    });
    expect(pageB!.edges.map((edge) => edge.node.title)).toEqual(['b-1', 'b-0', 'b-draft']);
  });

  it('gives a malformed parent id an empty page without querying with it', async () => {
    statements = [];
    const [page] = await firstPagesByParent(orm.em.fork(), Book, {
      parentProperty: 'shelf',
      parentIds: ['not-a-uuid'],
      where: {},
      orderBy: { id: 'asc' },
      page: {},
    });
    expect(page!.totalCount).toBe(0);
    expect(statements).toEqual([]);
  });
});

describe('LoaderRegistry.byId', () => {
  it('answers null for unknown and malformed ids, batching the rest into one query', async () => {
    const loaders = new LoaderRegistry(orm.em.fork());
    statements = [];
    const found = await Promise.all(
      [shelves[0]!.id, 'not-a-uuid', randomUUID(), shelves[2]!.id].map((id) => loaders.byId(Shelf).load(id)),
    );
    expect(found.map((shelf) => shelf?.label ?? null)).toEqual(['a', null, null, 'c']);
    expect(statements.filter((sql) => /\bselect\b/i.test(sql))).toHaveLength(1);
  });
});

describe('paginate', () => {
  it('rejects an out-of-range page size before querying', async () => {
    await expect(
      paginate(orm.em.fork(), Book, { where: {}, orderBy: { id: 'asc' }, page: { first: 500 } }),
    ).rejects.toThrow(/"first" must be an integer from 1 to 100/);
  });
});
