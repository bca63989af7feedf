import type { Configuration } from '@mikro-orm/core';
import type { EntityManager, SubgraphServices } from '@talentgraph/platform';
import { ElasticsearchProfileSearchIndex } from './elasticsearch/elasticsearch-search-index.ts';
import { PostgresProfileSearchIndex } from './postgres-search-index.ts';
import type { ProfileSearchIndex } from './profile-search-index.ts';
import { reindexSearch, searchDocumentsOutdated } from './search-sync.ts';
import { readRecruiterSearchConfig, type RecruiterSearchConfig } from './settings.ts';

/** What recruiter search and unlocks need while the subgraph runs. */
export interface RecruiterSearchServices {
  readonly config: RecruiterSearchConfig;
  /** The Elasticsearch index when ELASTICSEARCH_URL is set; null: PostgreSQL serves searches. */
  readonly elasticsearch: ElasticsearchProfileSearchIndex | null;
}

// Keyed by the ORM's configuration, which every EntityManager forked from that ORM shares.
const running = new WeakMap<Configuration, RecruiterSearchServices>();

/**
 * Starts recruiter search for a subgraph being assembled: reads its settings and, with Elasticsearch,
 * connects to it; outdated documents, or an index created now (a new cluster, a new index name), are
 * rebuilt from the profiles in the background. The client is closed when the ORM closes.
 */
export function startRecruiterSearch(services: SubgraphServices): RecruiterSearchServices {
  const config = readRecruiterSearchConfig(process.env);
  const elasticsearch = config.ELASTICSEARCH_URL
    ? new ElasticsearchProfileSearchIndex({
        url: config.ELASTICSEARCH_URL,
        index: config.ELASTICSEARCH_INDEX,
      })
    : null;
  const search: RecruiterSearchServices = { config, elasticsearch };
  const { orm, logger } = services;
  running.set(orm.config, search);
  void refreshIndexes(orm.em.fork(), elasticsearch).then(
    (indexed) => {
      if (indexed !== null) logger.info({ indexed }, 'search documents of profiles rebuilt');
    },
    (error: unknown) => logger.error({ err: error }, 'search documents of profiles not rebuilt'),
  );
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    running.delete(orm.config);
    await elasticsearch?.close();
    return close(force);
  };
  return search;
}

/**
 * At start, rebuilds the search documents when they are out of date (a new version of the builder, a
 * database upgraded) or when the Elasticsearch index was just created; null when nothing needed it.
 * Rebuilding is idempotent, so replicas starting together do the same work, harmlessly.
 */
async function refreshIndexes(
  em: EntityManager,
  elasticsearch: ElasticsearchProfileSearchIndex | null,
): Promise<number | null> {
  const outdated = await searchDocumentsOutdated(em);
  const created = elasticsearch ? await elasticsearch.ensureIndex() : false;
  return outdated || created ? reindexSearch(em, elasticsearch) : null;
}

export function recruiterSearchOf(em: EntityManager): RecruiterSearchServices {
  const search = running.get(em.config);
  if (!search) throw new Error('Recruiter search of this subgraph is not started');
  return search;
}

/** Where searches go: Elasticsearch when configured, otherwise PostgreSQL through `em`. */
export function searchIndexFor(em: EntityManager): ProfileSearchIndex {
  return recruiterSearchOf(em).elasticsearch ?? new PostgresProfileSearchIndex(em);
}
