import { describe, expect, it } from 'vitest';
import {
  byMostRecent,
  isExpired,
  validateCertification,
  validateEducation,
  validateExperience,
  type CertificationInput,
  type EducationInput,
  type ExperienceInput,
} from '../../src/domain/career.ts';
import type { Checked } from '../../src/domain/violations.ts';
import { testCatalog } from './catalog.ts';

const TODAY = '2026-12-06';
const problemsOf = (checked: Checked<unknown>) =>
  checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);

const job: ExperienceInput = {
  organizationName: 'Logiflow',
  title: 'Full-stack developer',
  contractType: 'PERMANENT',
  location: { city: 'Lyon', countryCode: 'FR' },
  startDate: '2023-03-01',
  endDate: null,
  description: 'Built the carrier portal.',
  skills: [{ id: 'typescript' }, { name: 'ReactJS' }, { name: 'react.js' }],
};
const experience = (change: Partial<ExperienceInput>) =>
  problemsOf(validateExperience({ ...job, ...change }, { catalog: testCatalog, today: TODAY }));

describe('experiences', () => {
  it('accepts a current job, with its skills as canonical ids (a skill named twice counts once)', () => {
    expect(validateExperience(job, { catalog: testCatalog, today: TODAY })).toEqual({
      ok: true,
      value: {
        organizationName: 'Logiflow',
        title: 'Full-stack developer',
        contractType: 'PERMANENT',
        city: 'Lyon',
        countryCode: 'FR',
        startDate: '2023-03-01',
        endDate: null,
        description: 'Built the carrier portal.',
        skillIds: ['typescript', 'react'],
      },
    });
  });

  it('accepts a job that ended the day it started, and one ending within five years (fixed term)', () => {
    expect(experience({ startDate: '2024-01-01', endDate: '2024-01-01' })).toEqual([]);
    expect(experience({ endDate: '2031-12-06' })).toEqual([]);
  });

  it.each<[string, Partial<ExperienceInput>, string[]]>([
    [
      'an end before the start',
      { startDate: '2023-03-01', endDate: '2023-02-28' },
      ['endDate:END_BEFORE_START'],
    ],
    ['a start in the future', { startDate: '2026-12-07' }, ['startDate:FUTURE_START']],
    ['an impossible start', { startDate: '2023-02-29' }, ['startDate:INVALID_DATE']],
    ['a start before 1950', { startDate: '1949-12-31' }, ['startDate:DATE_OUT_OF_RANGE']],
    ['an end more than five years ahead', { endDate: '2031-12-07' }, ['endDate:DATE_OUT_OF_RANGE']],
    ['an impossible end', { endDate: '2024-13-01' }, ['endDate:INVALID_DATE']],
    ['a blank organization', { organizationName: ' ' }, ['organizationName:REQUIRED']],
    ['a title of 161 characters', { title: 'x'.repeat(161) }, ['title:TOO_LONG']],
    ['an unknown contract type', { contractType: 'GIG' }, ['contractType:INVALID_VALUE']],
    ['an unknown country', { location: { countryCode: 'UK' } }, ['location.countryCode:INVALID_COUNTRY']],
    ['a description of 5,001 characters', { description: 'x'.repeat(5001) }, ['description:TOO_LONG']],
    ['an unknown skill id', { skills: [{ id: 'cobol-2099' }] }, ['skills.0:UNKNOWN_SKILL']],
    [
      'an unknown skill name',
      { skills: [{ name: 'Underwater basket weaving' }] },
      ['skills.0:UNKNOWN_SKILL'],
    ],
    [
      'a skill given by id and name',
      { skills: [{ id: 'react', name: 'React' }] },
      ['skills.0:SKILL_REFERENCE_REQUIRED'],
    ],
    ['a skill given by neither', { skills: [{}] }, ['skills.0:SKILL_REFERENCE_REQUIRED']],
    ['31 skills', { skills: Array.from({ length: 31 }, () => ({ id: 'react' })) }, ['skills:TOO_MANY']],
  ])('refuses %s', (_case, change, expected) => {
    expect(experience(change)).toEqual(expected);
  });

  it('suggests close skills for an unknown name', () => {
    const checked = validateExperience(
      { ...job, skills: [{ name: 'Reakt' }] },
      { catalog: testCatalog, today: TODAY },
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.violations[0]!.message).toBe('"Reakt" is not a known skill; did you mean "React"?');
  });

  it('lists current jobs first, then the most recently ended', () => {
    const entries = [
      { id: 'a', startDate: '2015-01-01', endDate: '2018-01-01' },
      { id: 'b', startDate: '2020-01-01', endDate: null },
      { id: 'c', startDate: '2018-02-01', endDate: '2019-12-31' },
    ];
    expect([...entries].sort(byMostRecent).map((entry) => entry.id)).toEqual(['b', 'c', 'a']);
  });
});

const degree: EducationInput = {
  institution: 'INSA Lyon',
  degree: 'Diplôme d’ingénieur',
  fieldOfStudy: 'Computer science',
  level: 'MASTER',
  startDate: '2016-09-01',
  endDate: '2021-06-30',
};
const education = (change: Partial<EducationInput>) =>
  problemsOf(validateEducation({ ...degree, ...change }, TODAY));

describe('education', () => {
  it('accepts a degree, and an expected graduation ahead', () => {
    expect(education({})).toEqual([]);
    expect(education({ startDate: '2025-09-01', endDate: '2028-06-30' })).toEqual([]);
  });

  it.each<[string, Partial<EducationInput>, string[]]>([
    ['an end before the start', { endDate: '2016-08-31' }, ['endDate:END_BEFORE_START']],
    ['a start in the future', { startDate: '2027-09-01', endDate: null }, ['startDate:FUTURE_START']],
    ['an unknown level', { level: 'KINDERGARTEN' }, ['level:INVALID_VALUE']],
    ['a blank institution', { institution: '' }, ['institution:REQUIRED']],
    ['an end more than ten years ahead', { endDate: '2036-12-07' }, ['endDate:DATE_OUT_OF_RANGE']],
  ])('refuses %s', (_case, change, expected) => {
    expect(education(change)).toEqual(expected);
  });
});

const certificate: CertificationInput = {
  name: 'AWS Certified Solutions Architect',
  issuer: 'Amazon Web Services',
  issuedOn: '2025-01-20',
  expiresOn: '2028-01-20',
  credentialId: 'AWS-1',
  credentialUrl: 'https://aws.example/verify/AWS-1',
};
const certification = (change: Partial<CertificationInput>) =>
  problemsOf(validateCertification({ ...certificate, ...change }, TODAY));

describe('certifications', () => {
  it('accepts a certification with and without expiry', () => {
    expect(certification({})).toEqual([]);
    expect(certification({ expiresOn: null, credentialUrl: null, credentialId: '  ' })).toEqual([]);
  });

  it.each<[string, Partial<CertificationInput>, string[]]>([
    ['an expiry before the issue', { expiresOn: '2025-01-19' }, ['expiresOn:EXPIRY_BEFORE_ISSUE']],
    ['an expiry on the day of issue', { expiresOn: '2025-01-20' }, ['expiresOn:EXPIRY_BEFORE_ISSUE']],
    ['an issue in the future', { issuedOn: '2026-12-07', expiresOn: null }, ['issuedOn:FUTURE_ISSUE']],
    ['an impossible expiry', { expiresOn: '2028-02-30' }, ['expiresOn:INVALID_DATE']],
    ['an expiry 51 years after the issue', { expiresOn: '2076-01-21' }, ['expiresOn:DATE_OUT_OF_RANGE']],
    [
      'a credential address that is no web address',
      { credentialUrl: 'javascript:alert(1)' },
      ['credentialUrl:INVALID_URL'],
    ],
    [
      'a credential address that is not absolute',
      { credentialUrl: 'verify/AWS-1' },
      ['credentialUrl:INVALID_URL'],
    ],
    ['a blank issuer', { issuer: '  ' }, ['issuer:REQUIRED']],
  ])('refuses %s', (_case, change, expected) => {
    expect(certification(change)).toEqual(expected);
  });

  it('is valid through its expiry day', () => {
    expect(isExpired({ expiresOn: '2026-12-06' }, TODAY)).toBe(false);
    expect(isExpired({ expiresOn: '2026-12-05' }, TODAY)).toBe(true);
    expect(isExpired({ expiresOn: null }, TODAY)).toBe(false);
  });
});
