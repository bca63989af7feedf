import { describe, expect, it } from 'vitest';
import {
  validateLanguages,
  validateProfileSkills,
  type LanguageInput,
  type ProfileSkillInput,
} from '../../src/domain/skills.ts';
import type { Checked } from '../../src/domain/violations.ts';
import { testCatalog } from './catalog.ts';

const problemsOf = (checked: Checked<unknown>) =>
  checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);
const skill = (reference: ProfileSkillInput['skill'], level = 'ADVANCED', yearsOfExperience = 3) => ({
  skill: reference,
  level,
  yearsOfExperience,
});

describe('profile skills', () => {
  it('stores canonical skills, free text normalized, in the order given', () => {
    expect(
      validateProfileSkills(
        [skill({ name: 'ReactJS' }, 'EXPERT', 5), skill({ id: 'typescript' })],
        testCatalog,
      ),
    ).toEqual({
      ok: true,
      value: [
        { skillId: 'react', name: 'React', level: 'EXPERT', yearsOfExperience: 5 },
        { skillId: 'typescript', name: 'TypeScript', level: 'ADVANCED', yearsOfExperience: 3 },
      ],
    });
    expect(validateProfileSkills([], testCatalog)).toEqual({ ok: true, value: [] });
  });

  it.each<[string, ProfileSkillInput[], string[]]>([
    ['an unknown id', [skill({ id: 'cobol-2099' })], ['skills.0.skill:UNKNOWN_SKILL']],
    ['an unknown name', [skill({ name: 'Reakt' })], ['skills.0.skill:UNKNOWN_SKILL']],
    ['neither id nor name', [skill({ id: null, name: '  ' })], ['skills.0.skill:SKILL_REFERENCE_REQUIRED']],
    [
      'the same skill twice, once by alias',
      [skill({ id: 'react' }), skill({ name: 'react.js' })],
      ['skills.1.skill:DUPLICATE_SKILL'],
    ],
    ['a level outside the scale', [skill({ id: 'react' }, 'GURU')], ['skills.0.level:INVALID_VALUE']],
    ['negative years', [skill({ id: 'react' }, 'EXPERT', -1)], ['skills.0.yearsOfExperience:OUT_OF_RANGE']],
    ['61 years', [skill({ id: 'react' }, 'EXPERT', 61)], ['skills.0.yearsOfExperience:OUT_OF_RANGE']],
    ['51 skills', Array.from({ length: 51 }, () => skill({ id: 'react' })), ['skills:TOO_MANY']],
  ])('refuses %s', (_case, skills, expected) => {
    expect(problemsOf(validateProfileSkills(skills, testCatalog))).toEqual(expected);
  });
});

describe('languages', () => {
  it('accepts ISO 639-1 codes with CEFR levels, the most fluent first', () => {
    expect(
      validateLanguages([
        { code: 'en', level: 'B2' },
        { code: 'fr', level: 'C2' },
      ]),
    ).toEqual({
      ok: true,
      value: [
        { code: 'fr', level: 'C2' },
        { code: 'en', level: 'B2' },
      ],
    });
  });

  it.each<[string, LanguageInput[], string[]]>([
    ['CEFR garbage', [{ code: 'fr', level: 'C3' }], ['languages.0.level:INVALID_CEFR_LEVEL']],
    ['a lower-case level', [{ code: 'fr', level: 'b2' }], ['languages.0.level:INVALID_CEFR_LEVEL']],
    ['a country code for a language', [{ code: 'FR', level: 'C2' }], ['languages.0.code:INVALID_LANGUAGE']],
    ['a three-letter code', [{ code: 'fra', level: 'C2' }], ['languages.0.code:INVALID_LANGUAGE']],
    [
      'a language twice',
      [
        { code: 'fr', level: 'C2' },
        { code: 'fr', level: 'B1' },
      ],
      ['languages.1.code:DUPLICATE'],
    ],
    ['21 languages', Array.from({ length: 21 }, () => ({ code: 'en', level: 'A1' })), ['languages:TOO_MANY']],
  ])('refuses %s', (_case, languages, expected) => {
    expect(problemsOf(validateLanguages(languages))).toEqual(expected);
  });
});
