import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/**
 * Runs `seed` once per database: a marker row committed in the same transaction as the seeded data
 * records that it ran, so a restart never inserts the demo data again and a failed seed leaves nothing.
 */
export async function seedOnce(
  orm: MikroORM,
  name: string,
  seed: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    await connection.execute(
      'create table if not exists talentgraph_seed_runs (name text primary key, applied_at timestamptz not null default now())',
      [],
      'run',
      em.getTransactionContext(),
    );
    const inserted = await connection.execute<{ name: string }[]>(
      'insert into talentgraph_seed_runs (name) values (?) on conflict do nothing returning name',
      [name],
      'all',
      em.getTransactionContext(),
    );
    if (inserted.length === 0) return false;
    await seed(em);
    return true;
  });
}
