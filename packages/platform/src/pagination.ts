import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, isUuid } from './errors.ts';

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

/**
 * First pages of one child collection for many parents in a single query (for example the first five
 * offers of each of twenty organizations): a window function ranks each parent's children in the
 * connection's order, so listing N parents with their children costs one query, not N.
 *
 * A request that continues a page (`after`) concerns one parent in practice, so it goes through
 * `paginate` with the parent as filter.
 */
export async function firstPagesByParent<Entity extends object>(
  em: EntityManager,
  entity: EntityName<Entity>,
  options: {
    /** Many-to-one property of `Entity` pointing at the parent, e.g. `organization`. */
    readonly parentProperty: string & keyof Entity;
    readonly parentIds: readonly string[];
    readonly where: FilterQuery<Entity>;
    readonly orderBy: QueryOrderMap<Entity>;
    readonly page: PageArguments;
  },
): Promise<Connection<Entity>[]> {
  const first = pageSize(options.page.first);
  if (options.page.after) {
    const after = options.page.after;
    return Promise.all(
      options.parentIds.map((parentId) =>
        paginate(em, entity, {
          where: { $and: [options.where, { [options.parentProperty]: parentId }] } as FilterQuery<Entity>,
          orderBy: options.orderBy,
          page: { first, after },
        }),
      ),
    );
  }
  const meta = em.getMetadata().find(entity)!;
  const column = (property: string) => {
    const properties = meta.properties as Record<string, { fieldNames: string[] } | undefined>;
    const fieldName = properties[property]?.fieldNames[0];
    if (!fieldName) throw new Error(`${meta.className}.${property} is not a column`);
    return `"${fieldName}"`;
  };
  const parentColumn = column(options.parentProperty);
  const ordering = Object.entries(options.orderBy)
    .map(([property, direction]) => `${column(property)} ${sqlDirection(direction)}`)
    .join(', ');
  // Every id is a UUID; a malformed parent id (from a forged reference) can have no children.
  const parentIds = options.parentIds.filter(isUuid);
  const filtered = em
    .createQueryBuilder(entity)
    .select('*')
    .where({ $and: [options.where, { [options.parentProperty]: { $in: parentIds } }] } as never)
    .toQuery();
  const rows =
    parentIds.length === 0
      ? []
      : await em.getConnection().execute<Record<string, unknown>[]>(
          `select * from (
       select candidate.*,
         row_number() over (partition by ${parentColumn} order by ${ordering}) as page_position,
         count(*) over (partition by ${parentColumn}) as parent_total
       from (${filtered.sql}) as candidate
     ) as ranked
     where page_position <= ?
     order by ${parentColumn}, page_position`,
          [...filtered.params, first + 1],
        );
  const byParent = new Map<string, { nodes: Entity[]; total: number; more: boolean }>();
  for (const { page_position: position, parent_total: total, ...row } of rows) {
    const parentId = String(row[parentColumn.slice(1, -1)]);
    const group = byParent.get(parentId) ?? { nodes: [], total: Number(total), more: false };
    if (Number(position) > first) group.more = true;
    else group.nodes.push(em.map(entity, row as never));
    byParent.set(parentId, group);
  }
  return options.parentIds.map((parentId) => {
    const group = byParent.get(parentId) ?? { nodes: [], total: 0, more: false };
    const edges = group.nodes.map((node) => ({
      cursor: Cursor.for(meta, node as never, options.orderBy as never),
      node,
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: group.more,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: group.total,
    };
  });
}

/** MikroORM order directions ('desc', 'DESC NULLS LAST', …) as SQL, refusing anything else. */
function sqlDirection(direction: unknown): string {
  const normalized = String(direction).trim().toLowerCase().replace(/\s+/g, ' ');
  if (!/^(asc|desc)( nulls (first|last))?$/.test(normalized))
    throw new Error(`Unsupported order direction ${String(direction)}`);
  return normalized;
}
