import { randomUUID } from 'node:crypto';
import type { EventHandlerDefinition } from '@talentgraph/events';
import type { EntityManager } from '@talentgraph/platform';
import type { ProfileState } from '../domain/profile-state.ts';
import { CertificationSchema } from '../entities/Certification.ts';
import { EducationSchema } from '../entities/Education.ts';
import { ExperienceSchema } from '../entities/Experience.ts';
import { LanguageSkillSchema } from '../entities/LanguageSkill.ts';
import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { ProfileSkillSchema } from '../entities/ProfileSkill.ts';
import { loadProfileState, profileStateOf } from '../editing/state.ts';
import type { ElasticsearchProfileSearchIndex } from './elasticsearch/elasticsearch-search-index.ts';
import { PostgresProfileSearchIndex } from './postgres-search-index.ts';
import type { SearchDocument } from './profile-search-index.ts';
import { SEARCH_DOCUMENT_VERSION, isSearchable, searchDocumentOf } from './search-document.ts';
import { taxonomySkillNames } from './skill-names.ts';

/**
 * How the search indexes follow the profiles.
 *
 * - PostgreSQL: every change of a profile ends by recording its `profiles.*` event (editing/change.ts,
 *   recordProfileEvent), which calls `syncSearchDocument` in the same transaction: the profile, its event
 *   and its search document commit together or not at all. A deleted profile's document goes with it
 *   (foreign key, on delete cascade).
 * - Elasticsearch: the `profiles-search-index` consumer group reads the same events and writes the
 *   profile's current document (or removes it) — at least once, idempotently (documents are versioned by
 *   revision, and each handling reads the profile as it stands, not as the event describes it).
 */

/** The hit ids of the profiles' stored documents: a profile keeps its hit id while it stays searchable. */
async function storedHitIds(em: EntityManager, profileIds: readonly string[]): Promise<Map<string, string>> {
  if (profileIds.length === 0) return new Map();
  const rows = await em
    .getConnection()
    .execute<{ profile_id: string; hit_id: string }[]>(
      `select profile_id, hit_id from profile_search_documents where profile_id in (${profileIds.map(() => '?').join(', ')})`,
      [...profileIds],
      'all',
      em.getTransactionContext(),
    );
  return new Map(rows.map((row) => [row.profile_id, row.hit_id]));
}

function documentOf(state: ProfileState, hitId: string | undefined, updatedAt: Date): SearchDocument {
  return searchDocumentOf(state, { hitId: hitId ?? randomUUID(), updatedAt, skillNames: taxonomySkillNames });
}

/** Brings the profile's PostgreSQL search document in line with `state`, in the caller's transaction. */
export async function syncSearchDocument(
  tx: EntityManager,
  state: ProfileState,
  updatedAt: Date,
): Promise<void> {
  const index = new PostgresProfileSearchIndex(tx);
  if (!isSearchable(state)) {
    await index.remove(state.id);
    return;
  }
  const hitIds = await storedHitIds(tx, [state.id]);
  await index.index(documentOf(state, hitIds.get(state.id), updatedAt));
}

/** The whole states of profiles, one query per table for all of them. */
async function statesOf(em: EntityManager, profiles: readonly Profile[]): Promise<ProfileState[]> {
  const where = { profile: { $in: profiles.map((profile) => profile.id) } };
  const [skills, languages, experiences, education, certifications] = await Promise.all([
    em.find(ProfileSkillSchema, where, { orderBy: { position: 'asc' } }),
    em.find(LanguageSkillSchema, where),
    em.find(ExperienceSchema, where),
    em.find(EducationSchema, where),
    em.find(CertificationSchema, where),
  ]);
  const of = <Row extends { profile: { id: string } }>(rows: Row[], profile: Profile) =>
    rows.filter((row) => row.profile.id === profile.id);
  return profiles.map((profile) =>
    profileStateOf(profile, {
      skills: of(skills, profile),
      languages: of(languages, profile),
      experiences: of(experiences, profile),
      education: of(education, profile),
      certifications: of(certifications, profile),
    }),
  );
}

const REINDEX_BATCH = 200;

/**
 * Rebuilds every search document from the profiles (after a change of what documents hold, or to fill a
 * new Elasticsearch index): the PostgreSQL documents batch by batch, each batch in a transaction, the
 * documents of profiles no longer searchable removed; then, given Elasticsearch, the same documents there.
 * Returns how many profiles are searchable.
 */
export async function reindexSearch(
  em: EntityManager,
  elasticsearch: ElasticsearchProfileSearchIndex | null,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let indexed = 0;
  for (;;) {
    const profiles = await em
      .fork()
      .find(
        ProfileSchema,
        { id: { $gt: after }, kind: 'CANDIDATE', status: 'VALIDATED', discoverable: true },
        { orderBy: { id: 'asc' }, limit: REINDEX_BATCH },
      );
    if (profiles.length === 0) break;
    after = profiles.at(-1)!.id;
    const documents = await em.fork().transactional(async (tx) => {
      const states = await statesOf(tx, profiles);
      const hitIds = await storedHitIds(
        tx,
        profiles.map((profile) => profile.id),
      );
      const built = states.map((state, position) =>
        documentOf(state, hitIds.get(state.id), profiles[position]!.updatedAt),
      );
      await new PostgresProfileSearchIndex(tx).indexMany(built);
      return built;
    });
    await elasticsearch?.indexMany(documents);
    indexed += documents.length;
  }
  await em.getConnection().execute(
    `delete from profile_search_documents d where not exists (
       select 1 from profiles p
       where p.id = d.profile_id and p.kind = 'CANDIDATE' and p.status = 'VALIDATED' and p.discoverable
     )`,
  );
  return indexed;
}

/**
 * Whether some search documents are out of date: written by an older version of the builder, or missing
 * for a searchable profile (a database that had profiles before search existed).
 */
export async function searchDocumentsOutdated(em: EntityManager): Promise<boolean> {
  const [row] = await em.getConnection().execute<{ outdated: boolean }[]>(
    `select exists (select 1 from profile_search_documents where document_version < ?)
         or exists (
           select 1 from profiles p
           where p.kind = 'CANDIDATE' and p.status = 'VALIDATED' and p.discoverable
             and not exists (select 1 from profile_search_documents d where d.profile_id = p.id)
         ) as outdated`,
    [SEARCH_DOCUMENT_VERSION],
  );
  return row?.outdated ?? false;
}

/** The consumer group that keeps Elasticsearch in step with the profiles. */
export const SEARCH_INDEX_GROUP = 'profiles-search-index';

const PROFILE_EVENT_TYPES = [
  'profiles.ProfileCreated',
  'profiles.ProfileUpdated',
  'profiles.ProfileSubmitted',
  'profiles.ProfileValidated',
  'profiles.ProfileRejected',
  'profiles.ProfileDeleted',
] as const;

/**
 * Handlers of the group: whatever the event, the profile's document in Elasticsearch becomes what the
 * profile is now — its PostgreSQL document (same hit id), or nothing. Redelivered, reordered or late
 * events therefore converge on the same index.
 */
export function searchIndexHandlers(
  elasticsearch: ElasticsearchProfileSearchIndex,
): Record<string, EventHandlerDefinition<never>> {
  const follow: EventHandlerDefinition<{ profileId?: unknown }> = {
    versions: [1],
    async handle(event, em) {
      const profileId = event.aggregate.id;
      const profile = await em.findOne(ProfileSchema, { id: profileId });
      const state = profile && (await loadProfileState(em, profile));
      const hitId = (await storedHitIds(em, [profileId])).get(profileId);
      if (!profile || !state || !isSearchable(state) || hitId === undefined) {
        await elasticsearch.remove(profileId);
        return;
      }
      await elasticsearch.index(documentOf(state, hitId, profile.updatedAt));
    },
  };
  return Object.fromEntries(
    PROFILE_EVENT_TYPES.map((type) => [type, follow as EventHandlerDefinition<never>]),
  );
}
