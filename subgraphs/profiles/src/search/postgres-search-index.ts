import type { EntityManager } from '@talentgraph/platform';
import type {
  AnonymizedProfile,
  ProfileSearchIndex,
  SearchDocument,
  SearchRequest,
  SearchResults,
} from './profile-search-index.ts';
import {
  countStatement,
  countedWithPage,
  pageStatement,
  upsertStatement,
  type Statement,
} from './postgres-search-sql.ts';

interface PageRow {
  readonly hit_id: string;
  readonly score: number;
  readonly card: AnonymizedProfile;
  readonly highlight: string | null;
  /** With `countedWithPage`: how many documents match, across all pages. */
  readonly total: number | null;
}

/** Documents written per statement when many are indexed at once. */
const BATCH_SIZE = 500;

/**
 * The default search adapter: PostgreSQL full-text search in the profiles database (search documents in
 * `profile_search_documents`, SQL in postgres-search-sql.ts). Given a transaction's EntityManager, its
 * writes belong to that transaction: a profile's change and its search document commit together.
 */
export class PostgresProfileSearchIndex implements ProfileSearchIndex {
  readonly #em: EntityManager;

  constructor(em: EntityManager) {
    this.#em = em;
  }

  async index(document: SearchDocument): Promise<void> {
    await this.#run(upsertStatement([document]));
  }

  async indexMany(documents: readonly SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      await this.#run(upsertStatement(documents.slice(start, start + BATCH_SIZE)));
    }
  }

  async remove(profileId: string): Promise<void> {
    await this.#run({
      sql: 'delete from profile_search_documents where profile_id = ?',
      params: [profileId],
    });
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const [page, totalCount] = countedWithPage(request)
      ? await this.#pageWithItsCount(request)
      : await Promise.all([this.#page(request), this.#count(request)]);
    return {
      totalCount,
      hits: page.map((row) => ({
        hitId: row.hit_id,
        score: Number(row.score),
        highlight: row.highlight,
        card: row.card,
      })),
    };
  }

  #page(request: SearchRequest) {
    return this.#run<PageRow>(pageStatement(request));
  }

  async #count(request: SearchRequest): Promise<number> {
    const [count] = await this.#run<{ total: number }>(countStatement(request));
    return count?.total ?? 0;
  }

  /** A page that counts its matches; past the last match it has no row to say how many, so it asks. */
  async #pageWithItsCount(request: SearchRequest): Promise<[PageRow[], number]> {
    const page = await this.#page(request);
    if (page.length > 0) return [page, page[0]!.total!];
    return [page, request.offset === 0 ? 0 : await this.#count(request)];
  }

  #run<Row>(statement: Statement): Promise<Row[]> {
    return this.#em
      .getConnection()
      .execute<Row[]>(statement.sql, statement.params, 'all', this.#em.getTransactionContext());
  }
}
