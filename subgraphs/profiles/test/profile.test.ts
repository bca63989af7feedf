import { describe, expect, it } from 'vitest';
import { isIso6391LanguageCode } from '../src/domain/language-codes.ts';
import {
  byDescendingProficiency,
  CEFR_LEVELS,
  compareCefrLevels,
  isCefrLevel,
  meetsCefrLevel,
  type CefrLevel,
} from '../src/domain/profile.ts';

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
