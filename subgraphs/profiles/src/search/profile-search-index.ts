import type {
  CefrLevel,
  ContractType,
  EducationLevel,
  JobSearchStatus,
  PayPeriod,
  RemotePreference,
  SkillLevel,
} from '../domain/profile.ts';

/**
 * The search port: what recruiter search needs of a search engine. Two adapters implement it and pass one
 * contract suite (test/search/profile-search-index.contract.ts): PostgreSQL full-text search, the default
 * (postgres-search-index.ts), and Elasticsearch when ELASTICSEARCH_URL is set (elasticsearch/).
 *
 * An index holds one document per searchable profile (search-document.ts says which are): the texts it is
 * found by, the values it is filtered and sorted by, and the anonymized card shown to recruiters. Nothing
 * in a document names the person; the profile id and the organizations it is hidden from are kept for
 * the index's own bookkeeping and never leave it in a hit.
 */
export interface ProfileSearchIndex {
  /** Adds the document, or replaces the one of the same profile unless that one has a higher revision. */
  index(document: SearchDocument): Promise<void>;
  /** The same for many documents at once (reindexing, loading a benchmark). */
  indexMany(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes the profile's document; removing one that is not there is not an error. */
  remove(profileId: string): Promise<void>;
  /** One page of the documents that match, in the requested order, with how many match in all. */
  search(request: SearchRequest): Promise<SearchResults>;
}

/** A yearly amount in one currency: how salary expectations and budgets are compared (see salary.ts). */
export interface AnnualSalaryRange {
  readonly currency: string;
  /** Null in a budget without a lower bound. */
  readonly minimum: number | null;
  /** Null for "at least the minimum" (a candidate) or a budget without an upper bound. */
  readonly maximum: number | null;
}

export interface AnonymizedSkill {
  readonly skillId: string;
  /** The English name when it was set (shown if the taxonomy no longer knows the id). */
  readonly name: string;
  readonly level: SkillLevel;
  readonly yearsOfExperience: number;
}

/** What recruiters see of a profile until their organization unlocks it: nothing that names the person. */
export interface AnonymizedProfile {
  readonly headline: string | null;
  readonly desiredTitles: readonly string[];
  readonly yearsOfExperience: number | null;
  readonly skills: readonly AnonymizedSkill[];
  /** The city and country only: never the coordinates. */
  readonly location: { readonly city: string | null; readonly countryCode: string } | null;
  readonly remotePreference: RemotePreference | null;
  readonly languages: readonly { readonly code: string; readonly level: CefrLevel }[];
  readonly availableFrom: string | null;
  readonly contractTypes: readonly ContractType[];
  readonly salaryExpectation: {
    readonly minimum: number;
    readonly maximum: number | null;
    readonly currency: string;
    readonly period: PayPeriod;
  } | null;
  readonly jobSearchStatus: JobSearchStatus;
  /** Job titles and how long each lasted: the career's shape without the employers. */
  readonly experiences: readonly {
    readonly title: string;
    readonly contractType: ContractType | null;
    readonly months: number;
    readonly current: boolean;
  }[];
  /** Levels and fields of study without the schools. */
  readonly education: readonly { readonly level: EducationLevel; readonly fieldOfStudy: string | null }[];
}

/** One profile as a search index holds it. */
export interface SearchDocument {
  readonly profileId: string;
  /** The opaque id hits carry instead of the profile id; kept as long as the profile stays searchable. */
  readonly hitId: string;
  readonly revision: number;
  /** When the profile last changed (ISO-8601 instant): the MOST_RECENT order. */
  readonly updatedAt: string;
  /**
   * Found by, from the most to the least weighty: the headline; the skills' labels and the desired titles
   * (`skills`) and the skills' other names (`aliases`); the rest. Relevance weighs the first two only.
   */
  readonly text: {
    readonly headline: string;
    readonly skills: string;
    readonly aliases: string;
    readonly body: string;
  };
  /** The headline and desired titles, which a hit highlights. */
  readonly highlightText: string;
  readonly skillIds: readonly string[];
  readonly yearsOfExperience: number | null;
  readonly coordinates: { readonly latitude: number; readonly longitude: number } | null;
  /** `en:B2`-style tokens, one per level at or below each language's level: "at least B2" is one token. */
  readonly languageLevels: readonly string[];
  readonly availableFrom: string | null;
  readonly contractTypes: readonly ContractType[];
  readonly salary: AnnualSalaryRange | null;
  readonly hiddenFromOrganizationIds: readonly string[];
  readonly card: AnonymizedProfile;
}

export const SEARCH_SORTS = ['RELEVANCE', 'MOST_RECENT', 'YEARS_OF_EXPERIENCE', 'AVAILABILITY'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchFilters {
  /** Canonical skill ids, all required. */
  readonly skillIds: readonly string[];
  readonly minYearsOfExperience: number | null;
  readonly maxYearsOfExperience: number | null;
  readonly near: { readonly latitude: number; readonly longitude: number; readonly radiusKm: number } | null;
  /** Each language at this level or better. */
  readonly languages: readonly { readonly code: string; readonly minimumLevel: CefrLevel }[];
  /** Available on this date at the latest (ISO date). */
  readonly availableBy: string | null;
  /** Any of these contract types. */
  readonly contractTypes: readonly ContractType[];
  /** The recruiter's budget, yearly: expectations overlapping it, in its currency. */
  readonly salary: AnnualSalaryRange | null;
}

/** The filters of a search that filters nothing. */
export const NO_SEARCH_FILTERS: SearchFilters = {
  skillIds: [],
  minYearsOfExperience: null,
  maxYearsOfExperience: null,
  near: null,
  languages: [],
  availableBy: null,
  contractTypes: [],
  salary: null,
};

/** A validated search (search-request.ts): what an index is asked. */
export interface SearchRequest {
  /** Words to find; null lists everything that passes the filters. */
  readonly text: string | null;
  readonly filters: SearchFilters;
  readonly sort: SearchSort;
  /** The searching organization: documents hidden from it are never returned. */
  readonly organizationId: string;
  readonly offset: number;
  readonly limit: number;
}

export interface SearchHit {
  readonly hitId: string;
  /** Relevance as the index computes it: comparable within one search only; 0 without words. */
  readonly score: number;
  /**
   * The headline and desired titles with the matched words between HIGHLIGHT_START and HIGHLIGHT_END (see
   * highlight.ts); null when no word was searched or none is in them.
   */
  readonly highlight: string | null;
  readonly card: AnonymizedProfile;
}

export interface SearchResults {
  readonly totalCount: number;
  readonly hits: readonly SearchHit[];
}
