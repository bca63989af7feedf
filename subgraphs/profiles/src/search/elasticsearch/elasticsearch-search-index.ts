import { Client, errors } from '@elastic/elasticsearch';
import type {
  AnonymizedProfile,
  ProfileSearchIndex,
  SearchDocument,
  SearchRequest,
  SearchResults,
} from '../profile-search-index.ts';
import { INDEX_MAPPINGS, INDEX_SETTINGS, sourceOf } from './mapping.ts';
import { searchBody } from './query.ts';

export interface ElasticsearchOptions {
  /** ELASTICSEARCH_URL. */
  readonly url: string;
  /** ELASTICSEARCH_INDEX, e.g. `talentgraph-profiles`. */
  readonly index: string;
  /**
   * Whether a write waits until searches see it: off in service (the index refreshes every second, and
   * the consumer feeding it is asynchronous anyway), `wait_for` where a test reads its own writes.
   */
  readonly refresh?: false | 'wait_for';
  readonly requestTimeoutMs?: number;
}

/** Documents per bulk request when reindexing. */
const BULK_SIZE = 1_000;

const isStatus = (error: unknown, status: number) =>
  error instanceof errors.ResponseError && error.statusCode === status;

/**
 * The Elasticsearch adapter, used when ELASTICSEARCH_URL is set. The index is fed from the profiles
 * events by the `profiles-search-index` consumer group (search-sync.ts): at least once, in any order, so
 * every write is idempotent and versioned by the profile's revision (`external_gte`): a late, older
 * document never replaces a newer one.
 */
export class ElasticsearchProfileSearchIndex implements ProfileSearchIndex {
  readonly #client: Client;
  readonly #index: string;
  readonly #refresh: false | 'wait_for';
  #ready: Promise<boolean> | null = null;

  constructor(options: ElasticsearchOptions) {
    this.#client = new Client({
      node: options.url,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      maxRetries: 2,
    });
    this.#index = options.index;
    this.#refresh = options.refresh ?? false;
  }

  /**
   * Creates the index with its analysis and mapping when it does not exist yet (once per process: every
   * other method waits for it); true when this call created it.
   */
  ensureIndex(): Promise<boolean> {
    this.#ready ??= this.#createIfMissing().catch((error: unknown) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  async #createIfMissing(): Promise<boolean> {
    if (await this.#client.indices.exists({ index: this.#index })) return false;
    try {
      await this.#client.indices.create({
        index: this.#index,
        settings: INDEX_SETTINGS,
        mappings: INDEX_MAPPINGS,
      } as never);
      return true;
    } catch (error) {
      // Another replica created it first.
      if (
        error instanceof errors.ResponseError &&
        error.body?.error?.type === 'resource_already_exists_exception'
      ) {
        return false;
      }
      throw error;
    }
  }

  /** Deletes the index (tests, and a reindex from scratch). */
  async dropIndex(): Promise<void> {
    this.#ready = null;
    await this.#client.indices.delete({ index: this.#index, ignore_unavailable: true });
  }

  async index(document: SearchDocument): Promise<void> {
    await this.ensureIndex();
    try {
      await this.#client.index({
        index: this.#index,
        id: document.profileId,
        document: sourceOf(document),
        version: document.revision,
        version_type: 'external_gte',
        refresh: this.#refresh,
      });
    } catch (error) {
      // The index holds a newer revision already.
      if (!isStatus(error, 409)) throw error;
    }
  }

  async indexMany(documents: readonly SearchDocument[]): Promise<void> {
    await this.ensureIndex();
    for (let start = 0; start < documents.length; start += BULK_SIZE) {
      const batch = documents.slice(start, start + BULK_SIZE);
      const response = await this.#client.bulk({
        refresh: this.#refresh,
        operations: batch.flatMap((document) => [
          {
            index: {
              _index: this.#index,
              _id: document.profileId,
              version: document.revision,
              version_type: 'external_gte',
            },
          },
          sourceOf(document),
        ]),
      });
      const failed = response.items.filter((item) => item.index?.error && item.index.status !== 409);
      if (failed.length > 0) {
        throw new Error(
          `Elasticsearch refused ${failed.length} of ${batch.length} documents: ${JSON.stringify(failed[0]!.index!.error)}`,
        );
      }
    }
  }

  async remove(profileId: string): Promise<void> {
    await this.ensureIndex();
    try {
      await this.#client.delete({ index: this.#index, id: profileId, refresh: this.#refresh });
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    await this.ensureIndex();
    const response = await this.#client.search<{ hitId: string; card: AnonymizedProfile }>({
      index: this.#index,
      ...searchBody(request),
    } as never);
    const total = response.hits.total;
    return {
      totalCount: typeof total === 'number' ? total : (total?.value ?? 0),
      hits: response.hits.hits.map((hit) => ({
        hitId: hit._source!.hitId,
        score: request.text === null ? 0 : (hit._score ?? 0),
        highlight: hit.highlight?.['highlightText']?.[0] ?? hit.highlight?.['highlightText.fr']?.[0] ?? null,
        card: hit._source!.card,
      })),
    };
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
