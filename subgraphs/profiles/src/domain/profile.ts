import {
  CEFR_LEVELS,
  CONTRACT_TYPES,
  SKILL_NAME_MAX_LENGTH,
  WORK_MODES,
  normalizeSkillName,
  skillKey,
  type CefrLevel,
} from '@talentgraph/vocabulary';
import { isIso6391LanguageCode } from './language-codes.ts';

export {
  CEFR_LEVELS,
  CONTRACT_TYPES,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  SKILL_NAME_MAX_LENGTH,
  normalizeSkillName,
  skillKey,
  type CefrLevel,
  type ContractType,
  type ProfileKind,
  type ProfileStatus,
} from '@talentgraph/vocabulary';

export const REMOTE_PREFERENCES = WORK_MODES;
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number];

/** A working life, generously bounded: anything above is a typo, not a career. */
export const MAX_YEARS_OF_EXPERIENCE = 60;
export const MAX_SKILLS_PER_PROFILE = 50;
export const MAX_LANGUAGES_PER_PROFILE = 20;

/** Negative when `level` is below `other`, zero when equal, positive when above (usable with `sort`). */
export function compareCefrLevels(level: CefrLevel, other: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level) - CEFR_LEVELS.indexOf(other);
}

/** Whether a speaker at `level` satisfies a requirement of `required` (a C1 speaker meets "B2 or better"). */
export function meetsCefrLevel(level: CefrLevel, required: CefrLevel): boolean {
  return compareCefrLevels(level, required) >= 0;
}

export function isCefrLevel(value: string): value is CefrLevel {
  return (CEFR_LEVELS as readonly string[]).includes(value);
}

/** Languages as a CV lists them: the most fluent first, then by language code. */
export function byDescendingProficiency(
  language: { readonly code: string; readonly level: CefrLevel },
  other: { readonly code: string; readonly level: CefrLevel },
): number {
  return compareCefrLevels(other.level, language.level) || language.code.localeCompare(other.code, 'en');
}

/** One broken business rule, with the path of the offending field (for example `skills.2.yearsOfExperience`). */
export interface RuleViolation {
  readonly field: string;
  readonly message: string;
}

export interface ProfileDetails {
  readonly yearsOfExperience: number;
  readonly desiredContractTypes: readonly string[];
  readonly skills: readonly { readonly name: string; readonly yearsOfExperience: number }[];
  readonly languages: readonly { readonly code: string; readonly level: string }[];
}

function yearsViolation(field: string, years: number): RuleViolation[] {
  if (Number.isInteger(years) && years >= 0 && years <= MAX_YEARS_OF_EXPERIENCE) return [];
  return [
    { field, message: `must be a whole number of years from 0 to ${MAX_YEARS_OF_EXPERIENCE}, got ${years}` },
  ];
}

/**
 * Every rule the experience, contract types, skills and languages of a profile break, all at once so
 * that a form can show each problem next to its field. An empty list means the details are acceptable.
 */
export function profileDetailsViolations(details: ProfileDetails): RuleViolation[] {
  const violations: RuleViolation[] = [...yearsViolation('yearsOfExperience', details.yearsOfExperience)];

  const contractTypes = new Set<string>();
  details.desiredContractTypes.forEach((contractType, index) => {
    const field = `desiredContractTypes.${index}`;
    if (!(CONTRACT_TYPES as readonly string[]).includes(contractType)) {
      violations.push({ field, message: `"${contractType}" is not a contract type` });
    } else if (contractTypes.has(contractType)) {
      violations.push({ field, message: `${contractType} is listed twice` });
    }
    contractTypes.add(contractType);
  });

  if (details.skills.length > MAX_SKILLS_PER_PROFILE) {
    violations.push({
      field: 'skills',
      message: `at most ${MAX_SKILLS_PER_PROFILE} skills, got ${details.skills.length}`,
    });
  }
  const skillKeys = new Set<string>();
  details.skills.forEach((skill, index) => {
    const name = normalizeSkillName(skill.name);
    if (name === '') {
      violations.push({ field: `skills.${index}.name`, message: 'must not be blank' });
    } else if (name.length > SKILL_NAME_MAX_LENGTH) {
      violations.push({
        field: `skills.${index}.name`,
        message: `at most ${SKILL_NAME_MAX_LENGTH} characters`,
      });
    } else if (skillKeys.has(skillKey(name))) {
      violations.push({ field: `skills.${index}.name`, message: `"${name}" is listed twice` });
    }
    skillKeys.add(skillKey(name));
    violations.push(...yearsViolation(`skills.${index}.yearsOfExperience`, skill.yearsOfExperience));
  });

  if (details.languages.length > MAX_LANGUAGES_PER_PROFILE) {
    violations.push({
      field: 'languages',
      message: `at most ${MAX_LANGUAGES_PER_PROFILE} languages, got ${details.languages.length}`,
    });
  }
  const languageCodes = new Set<string>();
  details.languages.forEach((language, index) => {
    if (!isIso6391LanguageCode(language.code)) {
      violations.push({
        field: `languages.${index}.code`,
        message: `"${language.code}" is not a lower-case ISO 639-1 language code such as "en" or "fr"`,
      });
    } else if (languageCodes.has(language.code)) {
      violations.push({ field: `languages.${index}.code`, message: `"${language.code}" is listed twice` });
    }
    languageCodes.add(language.code);
    if (!isCefrLevel(language.level)) {
      violations.push({
        field: `languages.${index}.level`,
        message: `"${language.level}" is not a CEFR level (${CEFR_LEVELS.join(', ')})`,
      });
    }
  });

  return violations;
}
