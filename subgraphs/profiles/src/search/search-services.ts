import type { Configuration } from '@mikro-orm/core';
import type { EntityManager, SubgraphServices } from '@talentgraph/platform';
import { ElasticsearchProfileSearchIndex } from './elasticsearch/elasticsearch-search-index.ts';
import { PostgresProfileSearchIndex } from './postgres-search-index.ts';
import type { ProfileSearchIndex } from './profile-search-index.ts';
import { reindexSearch } from './search-sync.ts';
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
 * connects to it; an index created now (a new cluster, a new index name) is filled from the profiles in
 * the background. The client is closed when the ORM closes, as the subgraph stops.
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
  if (elasticsearch) {
    void elasticsearch
      .ensureIndex()
      .then(async (created) => {
        if (!created) return;
        const indexed = await reindexSearch(orm.em.fork(), elasticsearch);
        logger.info({ indexed }, 'Elasticsearch index of profiles created and filled');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'Elasticsearch index of profiles not ready'));
  }
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    running.delete(orm.config);
    await elasticsearch?.close();
    return close(force);
  };
  return search;
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
