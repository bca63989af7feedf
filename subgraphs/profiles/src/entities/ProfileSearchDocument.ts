import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AnonymizedProfile } from '../search/profile-search-index.ts';
import { ProfileSchema } from './Profile.ts';

/**
 * The PostgreSQL search index (src/search): one row per searchable profile, written in the transaction of
 * every change of the profile (search/search-sync.ts) and gone with it (cascade). `search_vector` holds the
 * weighted French and English lexemes (text search configurations `profiles_fr` and `profiles_en`, with
 * unaccent); the other columns are filters, each with the index its filter uses; `card` is what a hit
 * shows. Written and read by search/postgres-search-index.ts only, in SQL. Rows are kept narrow (the
 * migration sets toast_tuple_target): the card and the full vector live out of line, so that counting and
 * ranking thousands of matches reads few pages.
 */
export const ProfileSearchDocumentSchema = defineEntity({
  name: 'ProfileSearchDocument',
  tableName: 'profile_search_documents',
  indexes: [
    { properties: ['searchVector'], type: 'gin' },
    // One GIN index over the three array filters: any combination of them is one index scan, which the
    // planner readily ANDs with the GiST box (whose selectivity it cannot estimate) or the text index.
    {
      name: 'profile_search_documents_filters_index',
      properties: ['skillIds', 'languageLevels', 'contractTypes'],
      type: 'gin',
    },
    { properties: ['geo'], type: 'gist' },
    {
      name: 'profile_search_documents_recent_index',
      columns: [{ name: 'updated_at', sort: 'desc' }, { name: 'profile_id' }],
    },
    { properties: ['yearsOfExperience'] },
    { properties: ['availableFrom'] },
    // Covering: a search with a salary budget is counted from this index alone (an index-only scan), however
    // many profiles fit the budget, when it also filters on availability, contracts or years.
    {
      name: 'profile_search_documents_salary_index',
      properties: ['salaryCurrency', 'salaryAnnualMinimum'],
      include: [
        'salaryAnnualMaximum',
        'availableFrom',
        'contractTypes',
        'yearsOfExperience',
        'hiddenFromOrganizationIds',
      ],
    },
  ],
  properties: {
    profile: () => p.manyToOne(ProfileSchema).primary().deleteRule('cascade'),
    /** What hits carry instead of the profile id; unlockProfile accepts it. */
    hitId: p.uuid().unique(),
    revision: p.integer(),
    updatedAt: p.datetime(),
    searchVector: p.string().columnType('tsvector'),
    /**
     * The headline (weight A) and the skills and desired titles (B) alone: what relevance is computed on.
     * Small enough to stay in the row (the migration keeps it there), so ranking thousands of matches
     * reads no TOAST; matches in the rest of the text find a profile but do not rank it.
     */
    rankVector: p.string().columnType('tsvector'),
    /** Which version of the document builder wrote the row (search/search-sync.ts rebuilds older ones). */
    documentVersion: p.smallint(),
    skillIds: p.array().$type<string[]>().default([]),
    yearsOfExperience: p.smallint().nullable(),
    /** (longitude, latitude) in degrees; the radius filter narrows by a box on its GiST index. */
    geo: p.string().columnType('point').nullable(),
    languageLevels: p.array().$type<string[]>().default([]),
    availableFrom: p.date().nullable(),
    contractTypes: p.array().$type<string[]>().default([]),
    salaryCurrency: p.string().length(3).nullable(),
    /** Yearly amounts (search/salary.ts); the maximum is null for "at least the minimum". */
    salaryAnnualMinimum: p.decimal('number').precision(16).scale(2).nullable(),
    salaryAnnualMaximum: p.decimal('number').precision(16).scale(2).nullable(),
    hiddenFromOrganizationIds: p.array().$type<string[]>().default([]),
    /** The headline and desired titles, which hits highlight. */
    highlightText: p.text(),
    card: p.json<AnonymizedProfile>(),
  },
});

export type ProfileSearchDocument = InferEntity<typeof ProfileSearchDocumentSchema>;
