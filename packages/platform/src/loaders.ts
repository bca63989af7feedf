import DataLoader from 'dataloader';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { isUuid } from './errors.ts';
import { firstPagesByParent, type Connection, type PageArguments } from './pagination.ts';
import type { EntityManager } from '@mikro-orm/postgresql';

interface Identified {
  id: string;
}

/**
 * Per-request cache of DataLoaders, so that resolving N references or N parents costs one query per
 * entity type instead of N (DESIGN.md §4: N+1 is a defect).
 */
export class LoaderRegistry {
  readonly #em: EntityManager;
  readonly #loaders = new Map<unknown, DataLoader<unknown, unknown>>();

  constructor(em: EntityManager) {
    this.#em = em;
  }

  /**
   * Loads entities by primary key (a UUID); an unknown or malformed id yields `null`, as federation
   * expects for unknown references, rather than a database error.
   */
  byId<Entity extends Identified>(entity: EntityName<Entity>): DataLoader<string, Entity | null> {
    return this.custom(entity, async (ids: readonly string[]) => {
      const wellFormed = ids.filter(isUuid);
      const found =
        wellFormed.length === 0 ? [] : await this.#em.find(entity, { id: { $in: wellFormed } } as never);
      const byId = new Map(found.map((row) => [(row as Entity).id, row as Entity]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * Pages of a child collection batched across parents (see `firstPagesByParent`): children with the
   * same filter, order and page arguments are fetched for every parent of the request in one query.
   */
  pageOfChildren<Entity extends object>(
    entity: EntityName<Entity>,
    options: {
      readonly parentProperty: string & keyof Entity;
      readonly where: FilterQuery<Entity>;
      readonly orderBy: QueryOrderMap<Entity>;
      readonly page: PageArguments;
    },
  ): DataLoader<string, Connection<Entity>> {
    const key = JSON.stringify([
      (entity as { name?: string }).name ?? String(entity),
      options.parentProperty,
      options.where,
      options.orderBy,
      options.page,
    ]);
    return this.custom(key, (parentIds: readonly string[]) =>
      firstPagesByParent(this.#em, entity, { ...options, parentIds }),
    );
  }

  /**
   * Any batch function, cached for the request under `key` (use a module-level symbol or the entity class).
   * Keys that are objects need `cacheKeyFn`, which says when two of them are the same.
   */
  custom<Key, Value, CacheKey = Key>(
    key: unknown,
    batch: DataLoader.BatchLoadFn<Key, Value>,
    options: { readonly cacheKeyFn?: (key: Key) => CacheKey } = {},
  ): DataLoader<Key, Value, CacheKey> {
    let loader = this.#loaders.get(key) as DataLoader<Key, Value, CacheKey> | undefined;
    if (!loader) {
      loader = new DataLoader<Key, Value, CacheKey>(batch, { maxBatchSize: 500, ...options });
      this.#loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
