import type { LinkKind } from './contact.ts';
import type {
  ParsedCertification,
  ParsedCv,
  ParsedEducation,
  ParsedExperience,
  ParsedLanguage,
  ParsedLocation,
  ParsedSkill,
  ParsedYearsOfExperience,
  Suggested,
} from './parsed-cv.ts';

/** One suggestion tagged with the profile field it fills; `key` is unique within one parsed CV. */
export type CvSuggestion =
  | ({ readonly field: 'headline' } & Suggested<string>)
  | ({ readonly field: 'summary' } & Suggested<string>)
  | ({ readonly field: 'location' } & Suggested<ParsedLocation>)
  | ({ readonly field: 'yearsOfExperience' } & Suggested<ParsedYearsOfExperience>)
  | ({ readonly field: 'experience' } & Suggested<ParsedExperience>)
  | ({ readonly field: 'education' } & Suggested<ParsedEducation>)
  | ({ readonly field: 'certification' } & Suggested<ParsedCertification>)
  | ({ readonly field: 'language' } & Suggested<ParsedLanguage>)
  | ({ readonly field: 'skill' } & Suggested<ParsedSkill>)
  | ({ readonly field: 'email' } & Suggested<string>)
  | ({ readonly field: 'phone' } & Suggested<string>)
  | ({ readonly field: 'link' } & Suggested<{ readonly kind: LinkKind; readonly url: string }>);

/** Every suggestion of a parsed CV, one per key, in the order a review form shows them. */
export function cvSuggestions(parsed: ParsedCv): CvSuggestion[] {
  const single = <F extends CvSuggestion['field'], T>(field: F, suggestion: Suggested<T> | null) =>
    suggestion ? [{ field, ...suggestion }] : [];
  const many = <F extends CvSuggestion['field'], T>(field: F, suggestions: readonly Suggested<T>[]) =>
    suggestions.map((suggestion) => ({ field, ...suggestion }));
  return [
    ...single('headline', parsed.headline),
    ...single('summary', parsed.summary),
    ...single('location', parsed.location),
    ...single('yearsOfExperience', parsed.yearsOfExperience),
    ...many('experience', parsed.experiences),
    ...many('education', parsed.education),
    ...many('certification', parsed.certifications),
    ...many('language', parsed.languages),
    ...many('skill', parsed.skills),
    ...many('email', parsed.contact.emails),
    ...many('phone', parsed.contact.phones),
    ...many('link', parsed.contact.links),
  ] as CvSuggestion[];
}
