import { CEFR_LEVELS, type CefrLevel } from '../domain/profile.ts';
import type { ProfileState } from '../domain/profile-state.ts';
import type { AnonymizedProfile, AnnualSalaryRange, SearchDocument } from './profile-search-index.ts';
import { annualAmount } from './salary.ts';

/**
 * Which profiles recruiters find: validated candidate profiles whose owner left them discoverable.
 * Consultants are not in it (their firm staffs them, and shares them with partner firms for tenders), nor
 * are mentors (they offer mentoring, not their candidacy). A profile that leaves this set (sent back to
 * review by a key-field edit, made undiscoverable, deleted) leaves the index in the same transaction.
 */
export function isSearchable(state: Pick<ProfileState, 'kind' | 'status' | 'preferences'>): boolean {
  return state.kind === 'CANDIDATE' && state.status === 'VALIDATED' && state.preferences.discoverable;
}

/**
 * The version of what a search document holds and how it is indexed; bump it when either changes, and
 * the subgraph rebuilds older documents when it starts (search-sync.ts).
 */
export const SEARCH_DOCUMENT_VERSION = 3;

/** The names of a skill that the full text finds it by: its labels (English, French) and its aliases. */
export interface SkillNames {
  namesOf(
    skillId: string,
  ): { readonly labels: readonly string[]; readonly aliases: readonly string[] } | null;
}

/** `en:A1` … `en:C1` for a C1 speaker: the tokens a filter "at least <level>" looks for. */
export function languageLevelTokens(languages: readonly { code: string; level: CefrLevel }[]): string[] {
  return languages.flatMap(({ code, level }) =>
    CEFR_LEVELS.slice(0, CEFR_LEVELS.indexOf(level) + 1).map((reached) => languageLevelToken(code, reached)),
  );
}

export function languageLevelToken(code: string, level: CefrLevel): string {
  return `${code}:${level}`;
}

/** Whole months from `start` to `end` (ISO dates), at least one: a job started and ended in May lasted one. */
function monthsBetween(start: string, end: string): number {
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  return Math.max((endYear - startYear) * 12 + (endMonth - startMonth) + 1, 1);
}

/**
 * The card recruiters see in a hit. Left out, because they name or locate the person: names and contact
 * (never in this subgraph's search data), coordinates, employers, schools and degree names (a degree is
 * often named after its school), free texts (summary, descriptions: people write their employers' names
 * in them), certification ids and links.
 */
export function anonymizedProfile(state: ProfileState, today: string): AnonymizedProfile {
  const salary = state.preferences.salaryExpectation;
  return {
    headline: state.headline,
    desiredTitles: [...state.preferences.desiredTitles],
    yearsOfExperience: state.yearsOfExperience,
    skills: state.skills.map(({ skillId, name, level, yearsOfExperience }) => ({
      skillId,
      name,
      level,
      yearsOfExperience,
    })),
    location: state.location && { city: state.location.city, countryCode: state.location.countryCode },
    remotePreference: state.remotePreference,
    languages: state.languages.map(({ code, level }) => ({ code, level })),
    availableFrom: state.availableFrom,
    contractTypes: [...state.preferences.desiredContractTypes],
    salaryExpectation: salary && {
      minimum: salary.minimum,
      maximum: salary.maximum,
      currency: salary.currency,
      period: salary.period,
    },
    jobSearchStatus: state.preferences.jobSearchStatus,
    experiences: [...state.experiences]
      .sort((entry, other) => (other.endDate ?? today).localeCompare(entry.endDate ?? today))
      .map((experience) => ({
        title: experience.title,
        contractType: experience.contractType,
        months: monthsBetween(experience.startDate, experience.endDate ?? today),
        current: experience.endDate === null,
      })),
    education: state.education.map(({ level, fieldOfStudy }) => ({ level, fieldOfStudy })),
  };
}

function yearlySalaryOf(state: ProfileState): AnnualSalaryRange | null {
  const salary = state.preferences.salaryExpectation;
  if (salary === null) return null;
  return {
    currency: salary.currency,
    minimum: annualAmount(salary.minimum, salary.period),
    maximum: salary.maximum === null ? null : annualAmount(salary.maximum, salary.period),
  };
}

const joined = (parts: readonly (string | null)[]) =>
  parts.filter((part): part is string => part !== null && part !== '').join('\n');

/**
 * The search document of a searchable profile. Texts are found by weight: the headline first, then the
 * skills (their English and French labels, and their aliases apart) and desired titles, then the rest —
 * summary, job titles and descriptions, fields of study, certifications. Employers' and schools' names
 * are not searched at all, so that a search cannot tell where someone worked or studied.
 */
export function searchDocumentOf(
  state: ProfileState,
  details: { readonly hitId: string; readonly updatedAt: Date; readonly skillNames: SkillNames },
): SearchDocument {
  const { preferences } = state;
  const today = details.updatedAt.toISOString().slice(0, 10);
  const names = state.skills.map(
    ({ skillId, name }) => details.skillNames.namesOf(skillId) ?? { labels: [name], aliases: [] },
  );
  const labels = [...new Set(names.flatMap((skill) => skill.labels))];
  const aliases = [...new Set(names.flatMap((skill) => skill.aliases))].filter(
    (alias) => !labels.includes(alias),
  );
  const location = state.location;
  return {
    profileId: state.id,
    hitId: details.hitId,
    revision: state.revision,
    updatedAt: details.updatedAt.toISOString(),
    text: {
      headline: state.headline ?? '',
      skills: joined([...labels, ...preferences.desiredTitles]),
      aliases: joined(aliases),
      body: joined([
        state.summary,
        ...state.experiences.flatMap((experience) => [experience.title, experience.description]),
        ...state.education.map((education) => education.fieldOfStudy),
        ...state.certifications.map((certification) => certification.name),
      ]),
    },
    highlightText: [state.headline ?? '', ...preferences.desiredTitles].filter(Boolean).join(' · '),
    skillIds: state.skills.map((skill) => skill.skillId),
    yearsOfExperience: state.yearsOfExperience,
    coordinates:
      location?.latitude != null && location.longitude != null
        ? { latitude: location.latitude, longitude: location.longitude }
        : null,
    languageLevels: languageLevelTokens(state.languages),
    availableFrom: state.availableFrom,
    contractTypes: [...preferences.desiredContractTypes],
    salary: yearlySalaryOf(state),
    hiddenFromOrganizationIds: [...preferences.hiddenFromOrganizationIds],
    card: anonymizedProfile(state, today),
  };
}
