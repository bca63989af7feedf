import type { SearchDocument } from '../profile-search-index.ts';

/**
 * The Elasticsearch index of profiles: its analysis (English and French, accents folded as PostgreSQL's
 * unaccent folds them), its mapping, and the source a document is stored as. Plain data, tested apart.
 */

const FRENCH_ELISIONS = ['l', 'm', 't', 'qu', 'n', 's', 'j', 'd', 'c', 'jusqu', 'quoiqu', 'lorsqu', 'puisqu'];

export const INDEX_SETTINGS = {
  analysis: {
    filter: {
      english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
      english_stop: { type: 'stop', stopwords: '_english_' },
      english_stemmer: { type: 'stemmer', language: 'english' },
      french_elision: { type: 'elision', articles_case: true, articles: FRENCH_ELISIONS },
      french_stop: { type: 'stop', stopwords: '_french_' },
      french_stemmer: { type: 'stemmer', language: 'light_french' },
    },
    analyzer: {
      profile_en: {
        type: 'custom',
        tokenizer: 'standard',
        filter: [
          'english_possessive_stemmer',
          'lowercase',
          'asciifolding',
          'english_stop',
          'english_stemmer',
        ],
      },
      profile_fr: {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['french_elision', 'lowercase', 'asciifolding', 'french_stop', 'french_stemmer'],
      },
    },
  },
} as const;

/** A text searched in English, and in French through its `.fr` sub-field. */
const bilingualText = {
  type: 'text',
  analyzer: 'profile_en',
  fields: { fr: { type: 'text', analyzer: 'profile_fr' } },
} as const;

export const INDEX_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    profileId: { type: 'keyword' },
    hitId: { type: 'keyword' },
    revision: { type: 'integer' },
    updatedAt: { type: 'date' },
    headline: bilingualText,
    skills: bilingualText,
    body: bilingualText,
    highlightText: bilingualText,
    skillIds: { type: 'keyword' },
    yearsOfExperience: { type: 'integer' },
    location: { type: 'geo_point' },
    languageLevels: { type: 'keyword' },
    availableFrom: { type: 'date', format: 'strict_date' },
    contractTypes: { type: 'keyword' },
    salaryCurrency: { type: 'keyword' },
    salaryAnnualMinimum: { type: 'double' },
    salaryAnnualMaximum: { type: 'double' },
    hiddenFromOrganizationIds: { type: 'keyword' },
    // Shown, never searched.
    card: { type: 'object', enabled: false },
  },
} as const;

/** The `_source` of a document (its `_id` is the profile id; its version, the profile's revision). */
export function sourceOf(document: SearchDocument) {
  return {
    profileId: document.profileId,
    hitId: document.hitId,
    revision: document.revision,
    updatedAt: document.updatedAt,
    headline: document.text.headline,
    // One field for every name of the skills: Elasticsearch ranks on all of them.
    skills: [document.text.skills, document.text.aliases].filter(Boolean).join('\n'),
    body: document.text.body,
    highlightText: document.highlightText,
    skillIds: [...document.skillIds],
    yearsOfExperience: document.yearsOfExperience,
    location: document.coordinates && {
      lat: document.coordinates.latitude,
      lon: document.coordinates.longitude,
    },
    languageLevels: [...document.languageLevels],
    availableFrom: document.availableFrom,
    contractTypes: [...document.contractTypes],
    salaryCurrency: document.salary?.currency ?? null,
    salaryAnnualMinimum: document.salary?.minimum ?? null,
    salaryAnnualMaximum: document.salary?.maximum ?? null,
    hiddenFromOrganizationIds: [...document.hiddenFromOrganizationIds],
    card: document.card,
  };
}

export type ProfileSource = ReturnType<typeof sourceOf>;
