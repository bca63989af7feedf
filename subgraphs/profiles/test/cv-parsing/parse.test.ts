import { getSkill } from '@talentgraph/skills';
import { describe, expect, it } from 'vitest';
import { cvSuggestions, extractDocumentText, parseCv, type ParsedCv } from '../../src/cv-parsing/index.ts';
import { docxDocument, twoColumnPdf } from './documents.ts';

const reference = new Date('2026-06-15T00:00:00Z');

const ENGLISH_CV = `Jane Doe
Senior Backend Engineer
Lyon, France | jane.doe@example.com | +33 6 12 34 56 78 | linkedin.com/in/janedoe | github.com/janedoe

SUMMARY
Backend engineer with 8 years of experience building APIs in TypeScript.

EXPERIENCE
Senior Backend Engineer — Acme Corp — Jan 2021 – Present
• Designed GraphQL APIs with Node.js and PostgreSQL
• Migrated services to Kubernetes on AWS

Backend Developer, Initech\t2016 - 2021
• Built payment services in Java and Spring Boot

Data Engineer Intern at Globex\tJun 2018 - Dec 2018

EDUCATION
MSc Computer Science — Université Claude Bernard Lyon 1 — 2014 - 2016

SKILLS
TypeScript, Node.js, GraphQL, PostgreSQL, Docker, Kubernetes

LANGUAGES
English: native
French – C1
Spanish (basic)

CERTIFICATIONS
2022\tCertified Kubernetes Administrator (CKA), The Linux Foundation

INTERESTS
Photography, chess`;

const FRENCH_CV = `Jeanne Martin
Développeuse Full Stack
Bordeaux, France — jeanne.martin@exemple.fr — 06 12 34 56 78

PROFIL
Développeuse passionnée avec 5 ans d'expérience.

EXPÉRIENCE PROFESSIONNELLE
Développeuse Full Stack chez Société Générale\t03/2020 - aujourd'hui
• Développement d'applications web
Environnement technique : React, Node.js, MongoDB

Stagiaire développeuse — Capgemini — de septembre 2017 à juin 2019

FORMATION
Master Informatique — Université de Bordeaux — 2015 - 2017

COMPÉTENCES
JavaScript, React, Node.js, MongoDB, Git

LANGUES
Français : langue maternelle
Anglais : courant
Allemand : notions

CENTRES D'INTÉRÊT
Course à pied, photographie`;

function skillNames(parsed: ParsedCv): string[] {
  return parsed.skills.map(({ value }) => value.name);
}

describe('parseCv on an English CV', () => {
  const parsed = parseCv(ENGLISH_CV, { referenceDate: reference });

  it('finds the sections in order', () => {
    expect(parsed.language).toBe('en');
    expect(parsed.sections.map(({ kind }) => kind)).toEqual([
      'header',
      'summary',
      'experience',
      'education',
      'skills',
      'languages',
      'certifications',
      'interests',
    ]);
  });

  it('reads the headline, summary, location and contact details', () => {
    expect(parsed.headline?.value).toBe('Senior Backend Engineer');
    expect(parsed.summary?.value).toBe(
      'Backend engineer with 8 years of experience building APIs in TypeScript.',
    );
    expect(parsed.location?.value).toEqual({ city: 'Lyon', countryCode: 'FR' });
    expect(parsed.contact.emails.map(({ value }) => value)).toEqual(['jane.doe@example.com']);
    expect(parsed.contact.phones.map(({ value }) => value)).toEqual(['+33 6 12 34 56 78']);
    expect(parsed.contact.links.map(({ value }) => value)).toEqual([
      { kind: 'LINKEDIN', url: 'https://linkedin.com/in/janedoe' },
      { kind: 'GITHUB', url: 'https://github.com/janedoe' },
    ]);
  });

  it('reads each experience with its title, organization and dates, the ongoing one without an end', () => {
    expect(
      parsed.experiences.map(({ value: { title, organization, start, end, ongoing } }) => ({
        title,
        organization,
        start,
        end,
        ongoing,
      })),
    ).toEqual([
      {
        title: 'Senior Backend Engineer',
        organization: 'Acme Corp',
        start: { year: 2021, month: 1 },
        end: null,
        ongoing: true,
      },
      {
        title: 'Backend Developer',
        organization: 'Initech',
        start: { year: 2016, month: null },
        end: { year: 2021, month: null },
        ongoing: false,
      },
      {
        title: 'Data Engineer Intern',
        organization: 'Globex',
        start: { year: 2018, month: 6 },
        end: { year: 2018, month: 12 },
        ongoing: false,
      },
    ]);
    expect(parsed.experiences[0]?.value.description).toBe(
      'Designed GraphQL APIs with Node.js and PostgreSQL Migrated services to Kubernetes on AWS',
    );
    expect(parsed.experiences[0]?.evidence).toEqual({
      lines: [9],
      snippet: 'Senior Backend Engineer — Acme Corp — Jan 2021 – Present',
    });
  });

  it('links the skills an experience names to it', () => {
    const kubernetes = parsed.skills.find(({ value }) => value.name === 'Kubernetes');
    expect(kubernetes).toBeDefined();
    expect(parsed.experiences[0]?.value.skillIds).toContain(kubernetes?.value.skillId);
    expect(parsed.experiences[2]?.value.skillIds).toEqual([]);
  });

  it('computes the years of experience with the overlapping internship counted once', () => {
    // Jul 2016 (a year alone counts from its middle) to June 2026, the 2018 internship inside it.
    expect(parsed.yearsOfExperience?.value).toEqual({ years: 10, months: 120, basis: 'PERIODS' });
  });

  it('reads the education entry', () => {
    expect(parsed.education.map(({ value }) => value)).toEqual([
      {
        degree: 'MSc Computer Science',
        school: 'Université Claude Bernard Lyon 1',
        location: null,
        start: { year: 2014, month: null },
        end: { year: 2016, month: null },
        ongoing: false,
        description: '',
      },
    ]);
  });

  it('reads languages with CEFR levels stated or inferred from words', () => {
    expect(
      parsed.languages.map(({ value: { code, level, levelSource } }) => ({ code, level, levelSource })),
    ).toEqual([
      { code: 'en', level: 'C2', levelSource: 'WORDS' },
      { code: 'fr', level: 'C1', levelSource: 'CEFR' },
      { code: 'es', level: 'A2', levelSource: 'WORDS' },
    ]);
  });

  it('reads certifications with issuer and year', () => {
    expect(parsed.certifications.map(({ value }) => value)).toEqual([
      {
        name: 'Certified Kubernetes Administrator (CKA)',
        issuer: 'The Linux Foundation',
        obtained: { year: 2022, month: null },
      },
    ]);
  });

  it('finds skills through the taxonomy, claimed ones above those only seen in descriptions', () => {
    const names = skillNames(parsed);
    for (const name of [
      'TypeScript',
      'Node.js',
      'GraphQL',
      'PostgreSQL',
      'Docker',
      'Kubernetes',
      'Java',
      'Spring Boot',
    ]) {
      expect(names).toContain(name);
    }
    const docker = parsed.skills.find(({ value }) => value.name === 'Docker');
    const java = parsed.skills.find(({ value }) => value.name === 'Java');
    expect(docker?.value.sources).toEqual(['SKILLS_SECTION']);
    expect(java?.value.sources).toEqual(['EXPERIENCE']);
    expect(docker?.confidence).toBeGreaterThan(java?.confidence ?? 1);
    expect(docker?.key).toBe(`skill:${docker?.value.skillId}`);
    expect(getSkill(docker?.value.skillId ?? '')?.label.en).toBe('Docker');
  });

  it('does not read interests as skills', () => {
    expect(skillNames(parsed).some((name) => /photograph|chess/i.test(name))).toBe(false);
  });
});

describe('parseCv on a French CV', () => {
  const parsed = parseCv(FRENCH_CV, { referenceDate: reference });

  it('finds the French sections', () => {
    expect(parsed.language).toBe('fr');
    expect(parsed.sections.map(({ kind }) => kind)).toEqual([
      'header',
      'summary',
      'experience',
      'education',
      'skills',
      'languages',
      'interests',
    ]);
  });

  it('reads French dates, titles and organizations', () => {
    expect(
      parsed.experiences.map(({ value: { title, organization, start, end, ongoing } }) => ({
        title,
        organization,
        start,
        end,
        ongoing,
      })),
    ).toEqual([
      {
        title: 'Développeuse Full Stack',
        organization: 'Société Générale',
        start: { year: 2020, month: 3 },
        end: null,
        ongoing: true,
      },
      {
        title: 'Stagiaire développeuse',
        organization: 'Capgemini',
        start: { year: 2017, month: 9 },
        end: { year: 2019, month: 6 },
        ongoing: false,
      },
    ]);
    // 22 months of internship and 76 months since March 2020.
    expect(parsed.yearsOfExperience?.value).toEqual({ years: 8, months: 98, basis: 'PERIODS' });
  });

  it('reads French language levels', () => {
    expect(parsed.languages.map(({ value: { code, level } }) => [code, level])).toEqual([
      ['fr', 'C2'],
      ['en', 'C1'],
      ['de', 'A2'],
    ]);
  });

  it('reads the skills of the "Environnement technique" line of an experience and of the skills section', () => {
    const react = parsed.skills.find(({ value }) => value.name === 'React');
    expect(react?.value.sources).toEqual(['SKILLS_SECTION', 'EXPERIENCE']);
    expect(skillNames(parsed)).toEqual(
      expect.arrayContaining(['JavaScript', 'React', 'Node.js', 'MongoDB', 'Git']),
    );
    expect(parsed.experiences[0]?.value.skillIds).toContain(react?.value.skillId);
  });

  it('reads the location and phone of a French header', () => {
    expect(parsed.location?.value).toEqual({ city: 'Bordeaux', countryCode: 'FR' });
    expect(parsed.contact.phones.map(({ value }) => value)).toEqual(['06 12 34 56 78']);
  });
});

describe('years of experience stated in words', () => {
  it('is read from the summary when no experience is dated', () => {
    const parsed = parseCv(
      'Alex Roe\n\nSummary\nData analyst with 6+ years of experience in retail.\n\nSkills\nSQL, Excel',
      {
        referenceDate: reference,
      },
    );
    expect(parsed.experiences).toEqual([]);
    expect(parsed.yearsOfExperience).toMatchObject({
      value: { years: 6, months: null, basis: 'STATEMENT' },
      evidence: { lines: [4] },
    });
  });
});

describe('cvSuggestions', () => {
  it('lists every suggestion once, each with the profile field it fills', () => {
    const suggestions = cvSuggestions(parseCv(ENGLISH_CV, { referenceDate: reference }));
    const keys = suggestions.map(({ key }) => key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(suggestions.map(({ field }) => field))).toEqual(
      new Set([
        'headline',
        'summary',
        'location',
        'yearsOfExperience',
        'experience',
        'education',
        'certification',
        'language',
        'skill',
        'email',
        'phone',
        'link',
      ]),
    );
    for (const suggestion of suggestions) {
      expect(suggestion.confidence).toBeGreaterThan(0);
      expect(suggestion.confidence).toBeLessThanOrEqual(1);
      expect(suggestion.evidence.lines.length).toBeGreaterThan(0);
    }
  });

  it('gives the same keys when the same CV is parsed again, and different keys to different experiences', () => {
    const first = cvSuggestions(parseCv(ENGLISH_CV, { referenceDate: reference })).map(({ key }) => key);
    const again = cvSuggestions(
      parseCv(`\n${ENGLISH_CV}`, { referenceDate: new Date('2027-01-01T00:00:00Z') }),
    ).map(({ key }) => key);
    expect(again).toEqual(first);
    expect(first.filter((key) => key.startsWith('experience:'))).toHaveLength(3);
  });
});

describe('documents end to end', () => {
  it('parses a DOCX CV', async () => {
    const docx = await docxDocument({
      paragraphs: FRENCH_CV.split('\n').map((line) =>
        line.startsWith('• ')
          ? { text: line.slice(2), bullet: true }
          : { text: line, heading: line === line.toUpperCase() && /\p{L}/u.test(line) },
      ),
    });
    const parsed = parseCv((await extractDocumentText(docx)).text, { referenceDate: reference });
    expect(parsed.experiences.map(({ value }) => value.organization)).toEqual([
      'Société Générale',
      'Capgemini',
    ]);
    expect(parsed.languages.map(({ value }) => value.code)).toEqual(['fr', 'en', 'de']);
  });

  it('parses a two-column PDF CV, the sidebar skills and the main column experiences apart', async () => {
    const pdf = await twoColumnPdf(
      [
        'EXPERIENCE',
        'Backend Developer at Acme',
        '2019 - 2022',
        'Designed the payment API in Java',
        'EDUCATION',
        'MSc Computer Science, University of Lyon',
        '2017 - 2019',
      ],
      ['CONTACT', 'jane@example.com', 'SKILLS', 'Python', 'PostgreSQL', 'LANGUAGES', 'English (C1)'],
    );
    const parsed = parseCv((await extractDocumentText(pdf)).text, { referenceDate: reference });
    expect(parsed.experiences.map(({ value }) => [value.title, value.organization])).toEqual([
      ['Backend Developer', 'Acme'],
    ]);
    expect(parsed.education.map(({ value }) => [value.degree, value.school])).toEqual([
      ['MSc Computer Science', 'University of Lyon'],
    ]);
    expect(parsed.languages.map(({ value }) => [value.code, value.level])).toEqual([['en', 'C1']]);
    const python = parsed.skills.find(({ value }) => value.name === 'Python');
    expect(python?.value.sources).toEqual(['SKILLS_SECTION']);
  });
});
