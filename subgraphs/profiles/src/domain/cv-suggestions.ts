import type { CvSuggestion, YearMonth } from '../cv-parsing/index.ts';
import type { BasicsChange } from './basics.ts';
import type { CertificationInput, EducationInput, ExperienceInput } from './career.ts';
import type { EducationLevel } from './profile.ts';
import type { LanguageInput, ProfileSkillInput } from './skills.ts';

/**
 * What accepting one suggestion read from a CV writes to the profile: the same inputs as the editing
 * mutations, so an accepted suggestion is held to the same rules as typed values. A suggestion the
 * profile has no place for (contact details: the account holds them) or that lacks what the profile
 * needs (a certification without issuer, a language without level) is refused with the reason.
 */
export type SuggestionChange =
  | { readonly target: 'basics'; readonly change: BasicsChange }
  | { readonly target: 'experience'; readonly input: ExperienceInput }
  | { readonly target: 'education'; readonly input: EducationInput }
  | { readonly target: 'certification'; readonly input: CertificationInput }
  | { readonly target: 'language'; readonly input: LanguageInput }
  | { readonly target: 'skill'; readonly input: ProfileSkillInput };

export type SuggestionMapping =
  | { readonly change: SuggestionChange }
  | { readonly code: 'SUGGESTION_NOT_APPLICABLE' | 'SUGGESTION_INCOMPLETE'; readonly message: string };

/** A skill accepted from a CV starts at this level; the person adjusts it like any other. */
export const ACCEPTED_SKILL_LEVEL = 'INTERMEDIATE';

const pad = (value: number) => String(value).padStart(2, '0');

/** The first day of a CV month ("2019" alone: January). */
export function firstDayOf(date: YearMonth): string {
  return `${date.year}-${pad(date.month ?? 1)}-01`;
}

/** The last day of a CV month ("2019" alone: December 31). */
export function lastDayOf(date: YearMonth): string {
  const month = date.month ?? 12;
  const day = new Date(Date.UTC(date.year, month, 0)).getUTCDate();
  return `${date.year}-${pad(month)}-${pad(day)}`;
}

const LEVELS: readonly (readonly [RegExp, EducationLevel])[] = [
  [/\b(ph\.?\s?d|doctora[lt]e?|doctorat)\b/i, 'DOCTORATE'],
  [/\b(master|m\.?sc|mba|ing[ée]nieur|engineering degree|mast[eè]re)\b/i, 'MASTER'],
  [/\b(bachelor|licence|b\.?sc|b\.?a\.?|bts|but|dut|undergraduate)\b/i, 'BACHELOR'],
  [/\b(baccalaur[ée]at|high school|a-levels?|lyc[ée]e)\b/i, 'SECONDARY'],
  [/\b(cap|bep|vocational|certificat|certificate)\b/i, 'VOCATIONAL'],
];

/** The level of a degree as a CV names it ("MSc Computer Science" → MASTER), OTHER when unsure. */
export function educationLevelOf(degree: string | null): EducationLevel {
  return LEVELS.find(([pattern]) => degree !== null && pattern.test(degree))?.[1] ?? 'OTHER';
}

const incomplete = (message: string): SuggestionMapping => ({ code: 'SUGGESTION_INCOMPLETE', message });

export function suggestionChange(suggestion: CvSuggestion): SuggestionMapping {
  switch (suggestion.field) {
    case 'headline':
      return { change: { target: 'basics', change: { headline: suggestion.value } } };
    case 'summary':
      return { change: { target: 'basics', change: { summary: suggestion.value } } };
    case 'location': {
      const { city, countryCode } = suggestion.value;
      if (countryCode === null)
        return incomplete('the CV names no country for this place; give one with updateProfile');
      return { change: { target: 'basics', change: { location: { city, countryCode } } } };
    }
    case 'yearsOfExperience':
      return { change: { target: 'basics', change: { yearsOfExperience: suggestion.value.years } } };
    case 'experience': {
      const { title, organization, start, end, ongoing, description, skillIds } = suggestion.value;
      if (title === null || organization === null) {
        return incomplete('the CV does not give both the title and the organization of this experience');
      }
      return {
        change: {
          target: 'experience',
          input: {
            organizationName: organization,
            title,
            startDate: firstDayOf(start),
            endDate: ongoing || end === null ? null : lastDayOf(end),
            description: description || null,
            skills: skillIds.map((id) => ({ id })),
          },
        },
      };
    }
    case 'education': {
      const { degree, school, start, end, ongoing, description } = suggestion.value;
      if (school === null) return incomplete('the CV does not name the school of this education');
      const begun = start ?? end;
      if (begun === null) return incomplete('the CV gives no date for this education');
      return {
        change: {
          target: 'education',
          input: {
            institution: school,
            degree,
            level: educationLevelOf(degree),
            startDate: firstDayOf(begun),
            endDate: ongoing || end === null ? null : lastDayOf(end),
            description: description || null,
          },
        },
      };
    }
    case 'certification': {
      const { name, issuer, obtained } = suggestion.value;
      if (issuer === null || obtained === null) {
        return incomplete(
          'the CV does not say who issued this certification and when; add it with addCertification',
        );
      }
      return { change: { target: 'certification', input: { name, issuer, issuedOn: firstDayOf(obtained) } } };
    }
    case 'language': {
      const { code, level } = suggestion.value;
      if (level === null)
        return incomplete('the CV gives no level for this language; set it with setProfileLanguages');
      return { change: { target: 'language', input: { code, level } } };
    }
    case 'skill':
      return {
        change: {
          target: 'skill',
          input: {
            skill: { id: suggestion.value.skillId },
            level: ACCEPTED_SKILL_LEVEL,
            yearsOfExperience: 0,
          },
        },
      };
    case 'email':
    case 'phone':
    case 'link':
      return {
        code: 'SUGGESTION_NOT_APPLICABLE',
        message: 'contact details belong to the account, not to the profile',
      };
  }
}

const period = (start: YearMonth | null, end: YearMonth | null, ongoing: boolean) => {
  const text = (date: YearMonth) =>
    date.month === null ? `${date.year}` : `${date.year}-${pad(date.month)}`;
  return `${start ? text(start) : '?'} – ${ongoing ? 'present' : end ? text(end) : '?'}`;
};

/** A suggestion in a few words, for a review list. */
export function describeSuggestion(suggestion: CvSuggestion): string {
  switch (suggestion.field) {
    case 'headline':
    case 'summary':
    case 'email':
    case 'phone':
      return suggestion.value;
    case 'location':
      return [suggestion.value.city, suggestion.value.countryCode].filter(Boolean).join(', ');
    case 'yearsOfExperience':
      return `${suggestion.value.years} years of experience`;
    case 'experience': {
      const { title, organization, start, end, ongoing } = suggestion.value;
      return `${title ?? '?'} at ${organization ?? '?'}, ${period(start, end, ongoing)}`;
    }
    case 'education': {
      const { degree, school, start, end, ongoing } = suggestion.value;
      return `${degree ?? '?'}, ${school ?? '?'}, ${period(start, end, ongoing)}`;
    }
    case 'certification':
      return [suggestion.value.name, suggestion.value.issuer].filter(Boolean).join(', ');
    case 'language':
      return `${suggestion.value.name} (${suggestion.value.level ?? 'level not given'})`;
    case 'skill':
      return suggestion.value.name;
    case 'link':
      return suggestion.value.url;
  }
}
