import { describe, expect, it } from 'vitest';
import { headingKinds, splitSections } from '../../src/cv-parsing/sections.ts';

describe('headingKinds', () => {
  it.each([
    ['Experience', ['experience']],
    ['WORK EXPERIENCE', ['experience']],
    ['Professional Experience:', ['experience']],
    ['Expérience professionnelle', ['experience']],
    ['EXPÉRIENCES PROFESSIONNELLES', ['experience']],
    ['Parcours professionnel', ['experience']],
    ['Education', ['education']],
    ['Formation', ['education']],
    ['ÉTUDES', ['education']],
    ['Skills', ['skills']],
    ['Technical Skills', ['skills']],
    ['Compétences', ['skills']],
    ['COMPETENCES TECHNIQUES', ['skills']],
    ['Languages', ['languages']],
    ['Langues', ['languages']],
    ['Certifications', ['certifications']],
    ['Certificates', ['certifications']],
    ['Projects', ['projects']],
    ['Projets personnels', ['projects']],
    ['Summary', ['summary']],
    ['Profil', ['summary']],
    ['À propos de moi', ['summary']],
    ['Contact', ['contact']],
    ['Coordonnées', ['contact']],
    ["Centres d'intérêt", ['interests']],
    ['Centres d’intérêts', ['interests']],
    ['Loisirs', ['interests']],
    ['Honors & Awards', ['awards']],
    ['E X P E R I E N C E', ['experience']],
    ['2. Education', ['education']],
    ['EDUCATION ET PROJET ET EXPERIENCE', ['education', 'projects', 'experience']],
    ['Skills and Languages', ['skills', 'languages']],
  ])('reads %j as a heading', (line, kinds) => {
    expect(headingKinds(line)).toEqual(kinds);
  });

  it.each([
    ['a sentence mentioning a section word', 'Five years of experience in data engineering'],
    ['an entry title', 'Software Engineer'],
    ['a labelled line', 'Skills: Python, SQL'],
    ['a heading word next to other content', 'Experience\t2019 - 2021'],
    ['an empty line', '   '],
  ])('does not read %s as a heading', (_, line) => {
    expect(headingKinds(line)).toBeNull();
  });
});

describe('splitSections', () => {
  it('cuts the text at its headings, the header first, with 1-based line numbers', () => {
    const text = [
      'Jane Doe',
      'Data Engineer',
      '',
      'EXPÉRIENCE',
      'Acme 2019 - 2021',
      '',
      'Compétences',
      'Python, SQL',
    ];
    const sections = splitSections(text);
    expect(
      sections.map(({ kind, heading, startLine, endLine }) => ({ kind, heading, startLine, endLine })),
    ).toEqual([
      { kind: 'header', heading: null, startLine: 1, endLine: 3 },
      { kind: 'experience', heading: 'EXPÉRIENCE', startLine: 4, endLine: 6 },
      { kind: 'skills', heading: 'Compétences', startLine: 7, endLine: 8 },
    ]);
    expect(sections[1]?.lines).toEqual([
      { number: 5, text: 'Acme 2019 - 2021' },
      { number: 6, text: '' },
    ]);
  });

  it('reads a combined heading as the dated kind first', () => {
    const [section] = splitSections(['Education et projet et expérience', '6/2019 Licence']);
    expect(section?.kind).toBe('experience');
    expect(section?.kinds).toEqual(['experience', 'education', 'projects']);
  });
});
