import { isIso6391LanguageCode } from './language-codes.ts';
import { isProblem, oneOf, wholeNumber } from './fields.ts';
import {
  CEFR_LEVELS,
  MAX_LANGUAGES_PER_PROFILE,
  MAX_SKILLS_PER_PROFILE,
  MAX_YEARS_OF_EXPERIENCE,
  SKILL_LEVELS,
  byDescendingProficiency,
  type CefrLevel,
  type SkillLevel,
} from './profile.ts';
import type { LanguageState, ProfileSkillState } from './profile-state.ts';
import { resolveSkill, type SkillCatalog, type SkillReference } from './skill-catalog.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/** The skills and languages of a profile, each list set as a whole. */

export interface ProfileSkillInput {
  readonly skill: SkillReference;
  readonly level: string;
  readonly yearsOfExperience: number;
}

export interface LanguageInput {
  readonly code: string;
  readonly level: string;
}

/**
 * The skills of a profile, strongest first as the person ranked them. Every skill is a canonical one of
 * the taxonomy (free text is normalized through it), listed once.
 */
export function validateProfileSkills(
  skills: readonly ProfileSkillInput[],
  catalog: SkillCatalog,
): Checked<ProfileSkillState[]> {
  if (skills.length > MAX_SKILLS_PER_PROFILE) {
    return refused([
      violation('skills', 'TOO_MANY', `at most ${MAX_SKILLS_PER_PROFILE} skills, got ${skills.length}`),
    ]);
  }
  const problems: Violation[] = [];
  const values: ProfileSkillState[] = [];
  const seen = new Map<string, number>();
  skills.forEach((input, index) => {
    const field = `skills.${index}`;
    const resolution = resolveSkill(catalog, input.skill);
    const level = oneOf(`${field}.level`, input.level, SKILL_LEVELS);
    if (isProblem(level)) problems.push(level.problem);
    const years = wholeNumber(
      `${field}.yearsOfExperience`,
      input.yearsOfExperience,
      0,
      MAX_YEARS_OF_EXPERIENCE,
    );
    if (isProblem(years)) problems.push(years.problem);
    if (!('skill' in resolution)) {
      problems.push(violation(`${field}.skill`, resolution.code, resolution.message));
      return;
    }
    const earlier = seen.get(resolution.skill.id);
    if (earlier !== undefined) {
      problems.push(
        violation(
          `${field}.skill`,
          'DUPLICATE_SKILL',
          `${resolution.skill.name} is already listed at position ${earlier}`,
        ),
      );
      return;
    }
    seen.set(resolution.skill.id, index);
    if (!isProblem(level) && !isProblem(years)) {
      values.push({
        skillId: resolution.skill.id,
        name: resolution.skill.name,
        level: level.value as SkillLevel,
        yearsOfExperience: years.value,
      });
    }
  });
  return problems.length > 0 ? refused(problems) : accepted(values);
}

/** The languages of a profile: ISO 639-1 codes, each once, with a CEFR level; the most fluent first. */
export function validateLanguages(languages: readonly LanguageInput[]): Checked<LanguageState[]> {
  if (languages.length > MAX_LANGUAGES_PER_PROFILE) {
    return refused([
      violation(
        'languages',
        'TOO_MANY',
        `at most ${MAX_LANGUAGES_PER_PROFILE} languages, got ${languages.length}`,
      ),
    ]);
  }
  const problems: Violation[] = [];
  const values: LanguageState[] = [];
  const seen = new Set<string>();
  languages.forEach((input, index) => {
    const field = `languages.${index}`;
    let codeOk = true;
    if (!isIso6391LanguageCode(input.code)) {
      codeOk = false;
      problems.push(
        violation(
          `${field}.code`,
          'INVALID_LANGUAGE',
          `"${input.code}" is not a lower-case ISO 639-1 language code such as "en" or "fr"`,
        ),
      );
    } else if (seen.has(input.code)) {
      codeOk = false;
      problems.push(violation(`${field}.code`, 'DUPLICATE', `"${input.code}" is listed twice`));
    }
    seen.add(input.code);
    const level = oneOf(`${field}.level`, input.level, CEFR_LEVELS);
    if (isProblem(level)) {
      problems.push({
        ...level.problem,
        code: 'INVALID_CEFR_LEVEL',
        message: `"${input.level}" is not a CEFR level (${CEFR_LEVELS.join(', ')})`,
      });
    } else if (codeOk) {
      values.push({ code: input.code, level: level.value as CefrLevel });
    }
  });
  return problems.length > 0 ? refused(problems) : accepted(values.sort(byDescendingProficiency));
}
