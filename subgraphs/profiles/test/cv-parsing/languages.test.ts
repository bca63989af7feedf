import { describe, expect, it } from 'vitest';
import { languagesInLine, levelFromText } from '../../src/cv-parsing/languages.ts';

describe('levelFromText', () => {
  it.each([
    ['(B2)', 'B2', 'CEFR'],
    ['niveau c1', 'C1', 'CEFR'],
    ['native', 'C2', 'WORDS'],
    ['Native or bilingual proficiency', 'C2', 'WORDS'],
    ['langue maternelle', 'C2', 'WORDS'],
    ['natif', 'C2', 'WORDS'],
    ['bilingue', 'C2', 'WORDS'],
    ['fluent', 'C1', 'WORDS'],
    ['courant', 'C1', 'WORDS'],
    ['lu, écrit, parlé', 'C1', 'WORDS'],
    ['Full professional proficiency', 'C1', 'WORDS'],
    ['professional working proficiency', 'B2', 'WORDS'],
    ['upper intermediate', 'B2', 'WORDS'],
    ['bon niveau', 'B2', 'WORDS'],
    ['intermediate', 'B1', 'WORDS'],
    ['intermédiaire', 'B1', 'WORDS'],
    ['conversational', 'B1', 'WORDS'],
    ['notions', 'A2', 'WORDS'],
    ['scolaire', 'A2', 'WORDS'],
    ['basic', 'A2', 'WORDS'],
    ['débutant', 'A1', 'WORDS'],
    ['TOEIC 950', 'C1', 'SCORE'],
    ['TOEIC : 820', 'B2', 'SCORE'],
    ['IELTS 7.5', 'C1', 'SCORE'],
  ])('reads %j as %s', (text, level, levelSource) => {
    expect(levelFromText(text)).toMatchObject({ level, levelSource });
  });

  it('gives no level when none is stated', () => {
    expect(levelFromText(' ')).toEqual({ level: null, levelSource: null, levelText: null });
  });
});

describe('languagesInLine', () => {
  it('reads each language with the level written next to it', () => {
    expect(
      languagesInLine('Français (natif), Anglais (courant - TOEIC 900), Espagnol : notions, Allemand'),
    ).toEqual([
      { code: 'fr', name: 'Français', level: 'C2', levelSource: 'WORDS', levelText: 'natif' },
      // A test score is more objective than a word, so it wins.
      { code: 'en', name: 'Anglais', level: 'B2', levelSource: 'SCORE', levelText: 'TOEIC 900' },
      { code: 'es', name: 'Espagnol', level: 'A2', levelSource: 'WORDS', levelText: 'notions' },
      { code: 'de', name: 'Allemand', level: null, levelSource: null, levelText: null },
    ]);
  });

  it('reads English names and CEFR levels', () => {
    expect(
      languagesInLine('English – C2 | German – B1 | Mandarin: beginner').map(({ code, level }) => [
        code,
        level,
      ]),
    ).toEqual([
      ['en', 'C2'],
      ['de', 'B1'],
      ['zh', 'A1'],
    ]);
  });

  it('finds no language in a line without one', () => {
    expect(languagesInLine('Python, SQL, Docker')).toEqual([]);
  });
});
