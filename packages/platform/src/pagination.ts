import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArguments {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface Connection<Node> {
  readonly edges: { readonly cursor: string; readonly node: Node }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number;
}

/** `first` defaults to 20 and must stay within 1–100, so one request cannot ask for a whole table. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

function assertWellFormedCursor(after: string): void {
  try {
    if (!Array.isArray(Cursor.decode(after))) throw new Error('not a cursor');
  } catch {
    throw badUserInput('"after" is not a cursor returned by this connection', 'after');
  }
}

/**
 * Keyset pagination (stable under concurrent inserts, no OFFSET scans). `orderBy` must end with a
 * unique column, such as `id`, so that every row has a distinct cursor.
 */
export async function paginate<Entity extends object>(
  em: EntityManager,
  entity: EntityName<Entity>,
  options: {
    readonly where: FilterQuery<Entity>;
    readonly orderBy: QueryOrderMap<Entity>;
    readonly page: PageArguments;
  },
): Promise<Connection<Entity>> {
  const first = pageSize(options.page.first);
  if (options.page.after) assertWellFormedCursor(options.page.after);
  const cursor = await em.findByCursor(entity, {
    where: options.where,
    orderBy: options.orderBy,
    first,
    ...(options.page.after ? { after: options.page.after } : {}),
  } as never);
  const items = cursor.items as Entity[];
  return {
    edges: items.map((node) => ({ cursor: cursor.from(node as never), node })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: cursor.totalCount,
  };
}
