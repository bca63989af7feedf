import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { ElasticsearchProfileSearchIndex } from '../../src/search/elasticsearch/elasticsearch-search-index.ts';
import { describeProfileSearchIndexContract } from './profile-search-index.contract.ts';

/**
 * The contract suite against a real Elasticsearch 8, when ELASTICSEARCH_URL names one (for example the
 * `elasticsearch` service of docker-compose.yml). Without it the suite is skipped, and says so: the
 * adapter's requests are still checked against a stand-in server (elasticsearch-search-index.test.ts)
 * and its query and mapping builders by unit tests.
 */
const url = process.env['ELASTICSEARCH_URL'];
if (!url) {
  console.warn(
    'Elasticsearch contract suite skipped: ELASTICSEARCH_URL is not set (e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200).',
  );
}

describe.skipIf(!url)('Elasticsearch (ELASTICSEARCH_URL)', () => {
  describeProfileSearchIndexContract('Elasticsearch', async () => {
    const index = new ElasticsearchProfileSearchIndex({
      url: url!,
      index: `talentgraph-profiles-test-${randomBytes(4).toString('hex')}`,
      refresh: 'wait_for',
    });
    return {
      index,
      prepare: async () => {},
      clear: () => index.dropIndex(),
      async close() {
        await index.dropIndex();
        await index.close();
      },
    };
  });
});
