import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import { profiles } from '@talentgraph/demo-data';
import { createEvent, idempotentHandler } from '@talentgraph/events';
import { ElasticsearchProfileSearchIndex } from '../../src/search/elasticsearch/elasticsearch-search-index.ts';
import {
  SEARCH_INDEX_GROUP,
  reindexSearch,
  searchDocumentsOutdated,
  searchIndexHandlers,
} from '../../src/search/search-sync.ts';
import { rows, startProfilesWorld } from '../support/world.ts';
import { startElasticsearchStandIn, type ElasticsearchStandIn } from './elasticsearch-stand-in.ts';

/**
 * How the indexes follow the profiles besides the PostgreSQL document written in each change's
 * transaction: the Elasticsearch consumer group (against a stand-in server), and the rebuild of outdated
 * or missing documents that the subgraph runs at start.
 */
const world = startForTests(startProfilesWorld);
let standIn: ElasticsearchStandIn;
let elasticsearch: ElasticsearchProfileSearchIndex;

beforeAll(async () => {
  standIn = await startElasticsearchStandIn();
  elasticsearch = new ElasticsearchProfileSearchIndex({ url: standIn.url, index: 'profiles-sync-test' });
});

afterAll(async () => {
  await elasticsearch?.close();
  await standIn?.close();
});

beforeEach(() => {
  standIn.received = [];
});

const candidate = profiles.find((profile) => profile.status === 'VALIDATED' && profile.kind === 'CANDIDATE')!;
const draft = profiles.find((profile) => profile.status === 'DRAFT')!;

/** Delivers a profiles event to the group as its transport would. */
async function deliver(type: string, profileId: string, id = randomUUID()) {
  const event = {
    ...createEvent({
      type,
      version: 1,
      aggregate: { type: 'Profile', id: profileId },
      payload: { profileId },
      actor: { kind: 'SYSTEM', id: null },
    }),
    id,
  };
  await idempotentHandler({
    group: SEARCH_INDEX_GROUP,
    em: world.subgraph.orm.em,
    handlers: searchIndexHandlers(elasticsearch),
  })(event, { attempt: 1, signal: new AbortController().signal });
  return event.id;
}

const writes = () => standIn.received.filter((request) => request.method !== 'HEAD');

describe('the Elasticsearch consumer group', () => {
  it('writes a searchable profile’s current document, with its PostgreSQL hit id, versioned by revision', async () => {
    const [stored] = await rows<{ hit_id: string; revision: number }>(
      world,
      'select hit_id, revision from profile_search_documents where profile_id = $1',
      [candidate.id],
    );
    await deliver('profiles.ProfileUpdated', candidate.id);
    const [write] = writes();
    expect(write).toMatchObject({
      method: 'PUT',
      path: `/profiles-sync-test/_doc/${candidate.id}`,
      query: { version: String(stored!.revision), version_type: 'external_gte' },
    });
    expect(JSON.parse(write!.body)).toMatchObject({
      profileId: candidate.id,
      hitId: stored!.hit_id,
      headline: candidate.headline,
    });
  });

  it('removes the document of a profile that is not searchable, or no longer exists', async () => {
    await deliver('profiles.ProfileUpdated', draft.id);
    await deliver('profiles.ProfileDeleted', randomUUID());
    expect(writes().map(({ method, path }) => `${method} ${path.split('/')[2]}`)).toEqual([
      'DELETE _doc',
      'DELETE _doc',
    ]);
  });

  it('handles an event once, however often it is delivered', async () => {
    const id = randomUUID();
    await deliver('profiles.ProfileValidated', candidate.id, id);
    await deliver('profiles.ProfileValidated', candidate.id, id);
    expect(writes()).toHaveLength(1);
  });

  it('ignores other events', async () => {
    await deliver('profiles.ProfileViewed', candidate.id);
    expect(writes()).toEqual([]);
  });
});

describe('rebuilding the search documents', () => {
  it('finds outdated and missing documents, rebuilds them with their hit ids, drops those of unsearchable profiles', async () => {
    expect(await searchDocumentsOutdated(world.subgraph.orm.em.fork())).toBe(false);
    const before = await rows<{ profile_id: string; hit_id: string }>(
      world,
      'select profile_id, hit_id from profile_search_documents order by profile_id',
    );
    const [first, second] = before;
    await rows(world, 'update profile_search_documents set document_version = 0 where profile_id = $1', [
      first!.profile_id,
    ]);
    await rows(world, 'delete from profile_search_documents where profile_id = $1', [second!.profile_id]);
    await rows(
      world,
      `insert into profile_search_documents (profile_id, hit_id, revision, updated_at, search_vector, rank_vector,
         document_version, highlight_text, card)
       values ($1, $2, 1, now(), '', '', 3, '', '{}')`,
      [draft.id, randomUUID()],
    );
    expect(await searchDocumentsOutdated(world.subgraph.orm.em.fork())).toBe(true);

    const indexed = await reindexSearch(world.subgraph.orm.em.fork(), elasticsearch);

    expect(indexed).toBe(before.length);
    const after = await rows<{ profile_id: string; hit_id: string }>(
      world,
      'select profile_id, hit_id from profile_search_documents order by profile_id',
    );
    expect(after.map((row) => row.profile_id)).toEqual(before.map((row) => row.profile_id));
    expect(after.find((row) => row.profile_id === first!.profile_id)!.hit_id).toBe(first!.hit_id);
    expect(await searchDocumentsOutdated(world.subgraph.orm.em.fork())).toBe(false);
    // And Elasticsearch got the same documents, in bulk.
    const bulk = writes().filter((request) => request.path === '/_bulk');
    expect(bulk).toHaveLength(1);
    expect(bulk[0]!.body.trim().split('\n')).toHaveLength(2 * before.length);
  });
});
