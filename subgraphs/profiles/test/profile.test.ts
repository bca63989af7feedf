import { describe, expect, it } from 'vitest';
import { isIso6391LanguageCode } from '../src/domain/language-codes.ts';
import {
  byDescendingProficiency,
  CEFR_LEVELS,
  compareCefrLevels,
  isCefrLevel,
  MAX_LANGUAGES_PER_PROFILE,
  MAX_SKILLS_PER_PROFILE,
  meetsCefrLevel,
  profileDetailsViolations,
  type CefrLevel,
  type ProfileDetails,
} from '../src/domain/profile.ts';

const acceptable: ProfileDetails = {
  yearsOfExperience: 5,
  desiredContractTypes: ['PERMANENT', 'FREELANCE'],
  skills: [
    { name: 'TypeScript', yearsOfExperience: 5 },
    { name: 'GraphQL', yearsOfExperience: 0 },
  ],
  languages: [
    { code: 'fr', level: 'C2' },
    { code: 'en', level: 'B2' },
  ],
};

describe('CEFR levels', () => {
  it('orders A1 < A2 < B1 < B2 < C1 < C2', () => {
    const shuffled: CefrLevel[] = ['C1', 'A2', 'C2', 'B1', 'A1', 'B2'];
    expect([...shuffled].sort(compareCefrLevels)).toEqual([...CEFR_LEVELS]);
    expect(compareCefrLevels('B2', 'B2')).toBe(0);
    expect(compareCefrLevels('A1', 'C2')).toBeLessThan(0);
    expect(compareCefrLevels('C1', 'B2')).toBeGreaterThan(0);
  });

  it('tells whether a level meets a requirement', () => {
    expect(meetsCefrLevel('C1', 'B2')).toBe(true);
    expect(meetsCefrLevel('B2', 'B2')).toBe(true);
    expect(meetsCefrLevel('B1', 'B2')).toBe(false);
    expect(meetsCefrLevel('A1', 'A1')).toBe(true);
  });

  it('recognises exactly the six levels, in upper case', () => {
    expect(CEFR_LEVELS.every(isCefrLevel)).toBe(true);
    expect(isCefrLevel('b2')).toBe(false);
    expect(isCefrLevel('D1')).toBe(false);
    expect(isCefrLevel('')).toBe(false);
  });

  it('lists languages the most fluent first, then by code', () => {
    const languages: { code: string; level: CefrLevel }[] = [
      { code: 'fr', level: 'B1' },
      { code: 'it', level: 'C2' },
      { code: 'en', level: 'C2' },
      { code: 'de', level: 'A2' },
    ];
    expect([...languages].sort(byDescendingProficiency).map((language) => language.code)).toEqual([
      'en',
      'it',
      'fr',
      'de',
    ]);
  });
});

describe('ISO 639-1 language codes', () => {
  it('accepts lower-case two-letter codes of the standard', () => {
    for (const code of ['en', 'fr', 'de', 'it', 'zh', 'yo', 'zu', 'aa'])
      expect(isIso6391LanguageCode(code)).toBe(true);
  });

  it('rejects upper case, three-letter, deprecated and unassigned codes', () => {
    for (const code of ['EN', 'Fr', 'eng', 'iw', 'sh', 'xx', 'e', ''])
      expect(isIso6391LanguageCode(code)).toBe(false);
  });
});

describe('profileDetailsViolations', () => {
  it('accepts acceptable details, including no skills, no languages and no contract type', () => {
    expect(profileDetailsViolations(acceptable)).toEqual([]);
    expect(
      profileDetailsViolations({ yearsOfExperience: 0, desiredContractTypes: [], skills: [], languages: [] }),
    ).toEqual([]);
  });

  it.each([
    [-1, false],
    [0, true],
    [60, true],
    [61, false],
    [2.5, false],
    [Number.NaN, false],
  ])('years of experience %s acceptable: %s', (years, accepted) => {
    const violations = profileDetailsViolations({ ...acceptable, yearsOfExperience: years });
    expect(violations.length === 0).toBe(accepted);
    if (!accepted) expect(violations[0]!.field).toBe('yearsOfExperience');
  });

  it('points at the skill whose years are out of range', () => {
    const violations = profileDetailsViolations({
      ...acceptable,
      skills: [
        { name: 'TypeScript', yearsOfExperience: 5 },
        { name: 'React', yearsOfExperience: 61 },
      ],
    });
    expect(violations).toEqual([
      { field: 'skills.1.yearsOfExperience', message: expect.stringMatching(/0 to 60/) },
    ]);
  });

  it('rejects blank, overlong and repeated skill names, repetition compared case-insensitively', () => {
    const violations = profileDetailsViolations({
      ...acceptable,
      skills: [
        { name: 'TypeScript', yearsOfExperience: 5 },
        { name: '   ', yearsOfExperience: 1 },
        { name: 'x'.repeat(101), yearsOfExperience: 1 },
        { name: ' typescript ', yearsOfExperience: 2 },
      ],
    });
    expect(violations.map((violation) => violation.field)).toEqual([
      'skills.1.name',
      'skills.2.name',
      'skills.3.name',
    ]);
    expect(violations[2]!.message).toMatch(/listed twice/);
  });

  it('rejects more skills or languages than a profile may hold', () => {
    const skills = Array.from({ length: MAX_SKILLS_PER_PROFILE + 1 }, (_, index) => ({
      name: `Skill ${index}`,
      yearsOfExperience: 1,
    }));
    expect(profileDetailsViolations({ ...acceptable, skills }).map((violation) => violation.field)).toEqual([
      'skills',
    ]);
    const languages = Array.from({ length: MAX_LANGUAGES_PER_PROFILE + 1 }, () => ({
      code: 'en',
      level: 'B2',
    }));
    expect(profileDetailsViolations({ ...acceptable, languages })[0]!.field).toBe('languages');
  });

  it('rejects unknown or repeated language codes and unknown levels', () => {
    const violations = profileDetailsViolations({
      ...acceptable,
      languages: [
        { code: 'fr', level: 'C2' },
        { code: 'FR', level: 'C2' },
        { code: 'fr', level: 'B1' },
        { code: 'en', level: 'native' },
      ],
    });
    expect(violations.map((violation) => violation.field)).toEqual([
      'languages.1.code',
      'languages.2.code',
      'languages.3.level',
    ]);
    expect(violations[0]!.message).toMatch(/ISO 639-1/);
    expect(violations[1]!.message).toMatch(/listed twice/);
  });

  it('rejects unknown and repeated contract types', () => {
    const violations = profileDetailsViolations({
      ...acceptable,
      desiredContractTypes: ['PERMANENT', 'GIG', 'PERMANENT'],
    });
    expect(violations).toEqual([
      { field: 'desiredContractTypes.1', message: '"GIG" is not a contract type' },
      { field: 'desiredContractTypes.2', message: 'PERMANENT is listed twice' },
    ]);
  });

  it('reports every violation at once', () => {
    const violations = profileDetailsViolations({
      yearsOfExperience: -3,
      desiredContractTypes: ['GIG'],
      skills: [{ name: '', yearsOfExperience: -1 }],
      languages: [{ code: 'english', level: 'Z9' }],
    });
    expect(violations.map((violation) => violation.field)).toEqual([
      'yearsOfExperience',
      'desiredContractTypes.0',
      'skills.0.name',
      'skills.0.yearsOfExperience',
      'languages.0.code',
      'languages.0.level',
    ]);
  });
});
