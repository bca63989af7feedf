import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ElasticsearchProfileSearchIndex } from '../../src/search/elasticsearch/elasticsearch-search-index.ts';
import { INDEX_MAPPINGS, INDEX_SETTINGS, sourceOf } from '../../src/search/elasticsearch/mapping.ts';
import { searchBody } from '../../src/search/elasticsearch/query.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../src/search/highlight.ts';
import { DOCUMENTS, searchOf } from './fixtures.ts';
import {
  INDEX_EXISTS_AND_WRITES_SUCCEED,
  startElasticsearchStandIn,
  type ElasticsearchStandIn,
} from './elasticsearch-stand-in.ts';

/**
 * The Elasticsearch adapter's own path — requests, parameters, bodies, and how answers and refusals are
 * read — against a stand-in HTTP server that answers as Elasticsearch 8 does. What Elasticsearch makes
 * of the requests is the contract suite's business (elasticsearch-search-index.integration.test.ts).
 */
let standIn: ElasticsearchStandIn;

beforeAll(async () => {
  standIn = await startElasticsearchStandIn();
});

afterAll(async () => {
  await standIn.close();
});

const INDEX = 'profiles-under-test';
let adapter: ElasticsearchProfileSearchIndex;

beforeEach(() => {
  standIn.received = [];
  // The index exists unless a test says otherwise.
  standIn.answer = INDEX_EXISTS_AND_WRITES_SUCCEED;
  adapter = new ElasticsearchProfileSearchIndex({ url: standIn.url, index: INDEX, refresh: 'wait_for' });
});

const writes = () => standIn.received.filter((request) => request.method !== 'HEAD');

describe('the index', () => {
  it('is created with its analysis and mapping when missing, once', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD' ? { status: 404 } : { status: 200, body: { acknowledged: true } };
    expect(await adapter.ensureIndex()).toBe(true);
    expect(await adapter.ensureIndex()).toBe(true);
    expect(standIn.received.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `HEAD /${INDEX}`,
      `PUT /${INDEX}`,
    ]);
    expect(JSON.parse(standIn.received[1]!.body)).toEqual({
      settings: INDEX_SETTINGS,
      mappings: INDEX_MAPPINGS,
    });
  });

  it('is left as it is when it exists', async () => {
    expect(await adapter.ensureIndex()).toBe(false);
    expect(standIn.received.map(({ method }) => method)).toEqual(['HEAD']);
  });

  it('is not created twice when another replica created it first', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 404 }
        : { status: 400, body: { error: { type: 'resource_already_exists_exception' }, status: 400 } };
    expect(await adapter.ensureIndex()).toBe(false);
  });

  it('is asked again after a failure instead of being taken as ready', async () => {
    standIn.answer = () => ({ status: 503, body: { error: { type: 'unavailable' }, status: 503 } });
    await expect(adapter.ensureIndex()).rejects.toThrow();
    standIn.answer = ({ method }) => (method === 'HEAD' ? { status: 200 } : { status: 200, body: {} });
    expect(await adapter.ensureIndex()).toBe(false);
  });
});

describe('writes', () => {
  const [document] = DOCUMENTS;

  it('index a document under the profile id, versioned by its revision', async () => {
    await adapter.index(document!);
    const [write] = writes();
    expect(write).toMatchObject({
      method: 'PUT',
      path: `/${INDEX}/_doc/${document!.profileId}`,
      query: { version: String(document!.revision), version_type: 'external_gte', refresh: 'wait_for' },
    });
    expect(JSON.parse(write!.body)).toEqual(JSON.parse(JSON.stringify(sourceOf(document!))));
  });

  it('take a version conflict as a newer document already there', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 200 }
        : { status: 409, body: { error: { type: 'version_conflict_engine_exception' }, status: 409 } };
    await expect(adapter.index(document!)).resolves.toBeUndefined();
  });

  it('fail on any other refusal', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 200 }
        : { status: 400, body: { error: { type: 'mapper_parsing_exception' }, status: 400 } };
    await expect(adapter.index(document!)).rejects.toThrow();
  });

  it('send many documents in one bulk request, conflicts ignored, other failures reported', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 200 }
        : {
            status: 200,
            body: {
              errors: true,
              items: DOCUMENTS.map((_, position) => ({
                index:
                  position === 0
                    ? { status: 409, error: { type: 'version_conflict_engine_exception' } }
                    : { status: 201 },
              })),
            },
          };
    await adapter.indexMany(DOCUMENTS);
    const [bulk] = writes();
    expect(bulk).toMatchObject({ method: 'POST', path: '/_bulk', query: { refresh: 'wait_for' } });
    const lines = bulk!.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual(
      DOCUMENTS.flatMap((each) => [
        {
          index: { _index: INDEX, _id: each.profileId, version: each.revision, version_type: 'external_gte' },
        },
        JSON.parse(JSON.stringify(sourceOf(each))),
      ]),
    );

    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 200 }
        : {
            status: 200,
            body: {
              errors: true,
              items: [{ index: { status: 400, error: { type: 'mapper_parsing_exception' } } }],
            },
          };
    await expect(adapter.indexMany([document!])).rejects.toThrow(
      /refused 1 of 1 documents.*mapper_parsing_exception/,
    );
  });

  it('remove a document, a missing one being no error', async () => {
    standIn.answer = ({ method }) =>
      method === 'HEAD' ? { status: 200 } : { status: 404, body: { result: 'not_found' } };
    await adapter.remove(document!.profileId);
    expect(writes()[0]).toMatchObject({ method: 'DELETE', path: `/${INDEX}/_doc/${document!.profileId}` });
  });
});

describe('searches', () => {
  it('send the built query and read hits, scores, highlights and the total', async () => {
    const request = searchOf({
      text: 'développeur',
      filters: { skillIds: ['react'] },
      offset: 20,
      limit: 10,
    });
    const [first, second] = DOCUMENTS;
    standIn.answer = ({ method }) =>
      method === 'HEAD'
        ? { status: 200 }
        : {
            status: 200,
            body: {
              took: 1,
              timed_out: false,
              hits: {
                total: { value: 31, relation: 'eq' },
                max_score: 2.5,
                hits: [
                  {
                    _index: INDEX,
                    _id: first!.profileId,
                    _score: 2.5,
                    _source: { hitId: first!.hitId, card: first!.card },
                    highlight: {
                      'highlightText.fr': [`${HIGHLIGHT_START}Développeur${HIGHLIGHT_END} full-stack`],
                    },
                  },
                  {
                    _index: INDEX,
                    _id: second!.profileId,
                    _score: 1.25,
                    _source: { hitId: second!.hitId, card: second!.card },
                  },
                ],
              },
            },
          };
    const results = await adapter.search(request);
    const [sent] = writes();
    expect(sent).toMatchObject({ method: 'POST', path: `/${INDEX}/_search` });
    expect(JSON.parse(sent!.body)).toEqual(JSON.parse(JSON.stringify(searchBody(request))));
    expect(results).toEqual({
      totalCount: 31,
      hits: [
        {
          hitId: first!.hitId,
          score: 2.5,
          highlight: `${HIGHLIGHT_START}Développeur${HIGHLIGHT_END} full-stack`,
          card: first!.card,
        },
        { hitId: second!.hitId, score: 1.25, highlight: null, card: second!.card },
      ],
    });
  });
});
