import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CvSuggestion } from '../../src/cv-parsing/index.ts';
import {
  describeSuggestion,
  educationLevelOf,
  firstDayOf,
  lastDayOf,
  suggestionChange,
} from '../../src/domain/cv-suggestions.ts';
import { cleanFileName, downloadFileName } from '../../src/domain/documents.ts';
import { DocumentKeyRing, parseDocumentKeys } from '../../src/documents/encryption.ts';
import {
  DEVELOPMENT_DOCUMENT_KEYS,
  documentConfigProblems,
  readDocumentConfig,
} from '../../src/documents/settings.ts';
import { checkDownloadLink, signedDownloadPath } from '../../src/documents/signed-links.ts';

const DOCUMENT = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DOCUMENT = '00000000-0000-4000-8000-0000000000d2';
const VIEWER = '00000000-0000-4000-8000-0000000000e1';

describe('document encryption', () => {
  const keys = new Map([
    ['2026-01', randomBytes(32)],
    ['2027-01', randomBytes(32)],
  ]);
  const cv = Buffer.from('%PDF-1.7 a CV with personal data');

  it('seals with the current key and opens with the key the document names, after a rotation too', () => {
    const before = new DocumentKeyRing(keys, '2026-01');
    const sealed = before.seal(DOCUMENT, cv);
    expect(sealed.keyId).toBe('2026-01');
    expect(sealed.ciphertext.equals(cv)).toBe(false);
    const after = new DocumentKeyRing(keys, '2027-01');
    expect(after.open(DOCUMENT, sealed).equals(cv)).toBe(true);
    expect(after.seal(DOCUMENT, cv).keyId).toBe('2027-01');
  });

  it('refuses content altered, moved to another document, or sealed with a key no longer in the ring', () => {
    const ring = new DocumentKeyRing(keys, '2026-01');
    const sealed = ring.seal(DOCUMENT, cv);
    const altered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext).fill(0, 0, 1) };
    expect(() => ring.open(DOCUMENT, altered)).toThrow();
    expect(() => ring.open(OTHER_DOCUMENT, sealed)).toThrow();
    const retired = new DocumentKeyRing(new Map([['2027-01', keys.get('2027-01')!]]), '2027-01');
    expect(() => retired.open(DOCUMENT, sealed)).toThrow(/not in the ring/);
  });

  it('uses a fresh IV for every document', () => {
    const ring = new DocumentKeyRing(keys, '2026-01');
    expect(ring.seal(DOCUMENT, cv).iv.equals(ring.seal(DOCUMENT, cv).iv)).toBe(false);
  });

  it('reads DOCUMENT_ENCRYPTION_KEYS, refusing short keys, bad ids and repeated ids', () => {
    const key = randomBytes(32).toString('base64');
    expect([...parseDocumentKeys(`a:${key}, b-2:${key}`)!.keys()]).toEqual(['a', 'b-2']);
    expect(parseDocumentKeys(`a:${randomBytes(16).toString('base64')}`)).toBeUndefined();
    expect(parseDocumentKeys(`a b:${key}`)).toBeUndefined();
    expect(parseDocumentKeys(`a:${key},a:${key}`)).toBeUndefined();
    expect(parseDocumentKeys(key)).toBeUndefined();
  });

  it('refuses the public development keys in production, and a current key id the ring lacks', () => {
    expect(() => readDocumentConfig({}, 'production')).toThrow(
      /DOCUMENT_ENCRYPTION_KEYS must be set in production/,
    );
    expect(() => readDocumentConfig({}, 'development')).not.toThrow();
    const config = readDocumentConfig({ DOCUMENT_ENCRYPTION_KEYS: DEVELOPMENT_DOCUMENT_KEYS }, 'test');
    expect(documentConfigProblems({ ...config, DOCUMENT_ENCRYPTION_KEY_ID: 'nope' }, 'test')).toEqual([
      'DOCUMENT_ENCRYPTION_KEY_ID="nope" names no key of DOCUMENT_ENCRYPTION_KEYS',
    ]);
  });
});

describe('signed download links', () => {
  const secret = randomBytes(32);
  const now = new Date('2026-12-06T10:00:00Z');
  const grant = { documentId: DOCUMENT, viewerId: VIEWER, expiresAt: new Date('2026-12-06T10:05:00Z') };
  const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://api.example').searchParams);

  it('accepts the link it signed, until it expires', () => {
    const query = queryOf(signedDownloadPath(secret, grant));
    expect(checkDownloadLink(secret, DOCUMENT, query, now)).toEqual({ valid: true, grant });
    expect(checkDownloadLink(secret, DOCUMENT, query, grant.expiresAt)).toEqual({
      valid: false,
      reason: 'EXPIRED',
    });
  });

  it('refuses a link changed in any part, signed with another secret, or incomplete', () => {
    const query = queryOf(signedDownloadPath(secret, grant));
    const refused = (documentId: string, changed: Record<string, unknown>, key = secret) =>
      checkDownloadLink(key, documentId, changed, now);
    expect(refused(OTHER_DOCUMENT, query)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(refused(DOCUMENT, { ...query, viewer: OTHER_DOCUMENT })).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(refused(DOCUMENT, { ...query, expires: String(Number(query['expires']) + 60) })).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(refused(DOCUMENT, query, randomBytes(32))).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(refused(DOCUMENT, { ...query, signature: undefined })).toEqual({
      valid: false,
      reason: 'MALFORMED',
    });
    expect(refused(DOCUMENT, { ...query, expires: 'tomorrow' })).toEqual({
      valid: false,
      reason: 'MALFORMED',
    });
  });
});

describe('file names', () => {
  it('keeps the last path segment, without control characters, quotes or separators', () => {
    expect(cleanFileName('C:\\Users\\amina\\CV Amina.pdf')).toBe('CV Amina.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('cv"; filename=evil.exe\r\n.pdf')).toBe('cv filename=evil.exe.pdf');
    expect(cleanFileName('...')).toBe('cv');
    expect([...cleanFileName('é'.repeat(300))]).toHaveLength(200);
  });

  it('names a download after the content’s type, whatever the upload was called', () => {
    expect(downloadFileName('cv.docx', 'pdf')).toBe('cv.pdf');
    expect(downloadFileName('Amina Diallo', 'pdf')).toBe('Amina Diallo.pdf');
  });
});

const evidence = { lines: [1], snippet: 'x' };
const suggestion = <Field extends CvSuggestion['field']>(field: Field, value: unknown) =>
  ({ field, key: `${field}:1`, value, confidence: 0.9, evidence }) as CvSuggestion;

describe('CV suggestions as profile changes', () => {
  it('turns an experience into the input of addExperience, months into days', () => {
    const experience = suggestion('experience', {
      title: 'Backend developer',
      organization: 'Logiflow',
      location: 'Lyon',
      start: { year: 2021, month: 3 },
      end: { year: 2024, month: 2 },
      ongoing: false,
      description: 'APIs',
      skillIds: ['typescript'],
    });
    expect(suggestionChange(experience)).toEqual({
      change: {
        target: 'experience',
        input: {
          organizationName: 'Logiflow',
          title: 'Backend developer',
          startDate: '2021-03-01',
          endDate: '2024-02-29',
          description: 'APIs',
          skills: [{ id: 'typescript' }],
        },
      },
    });
    expect(describeSuggestion(experience)).toBe('Backend developer at Logiflow, 2021-03 – 2024-02');
  });

  it('reads the level of a degree, and a year alone as its first or last day', () => {
    expect(
      [
        'MSc Computer Science',
        'Diplôme d’ingénieur',
        'Licence MIAGE',
        'PhD',
        'Baccalauréat S',
        'Bootcamp',
      ].map(educationLevelOf),
    ).toEqual(['MASTER', 'MASTER', 'BACHELOR', 'DOCTORATE', 'SECONDARY', 'OTHER']);
    expect(firstDayOf({ year: 2019, month: null })).toBe('2019-01-01');
    expect(lastDayOf({ year: 2019, month: null })).toBe('2019-12-31');
    expect(lastDayOf({ year: 2023, month: 2 })).toBe('2023-02-28');
  });

  it('refuses what the profile has no place for, or what the CV leaves out', () => {
    expect(suggestionChange(suggestion('email', 'a@example.com'))).toMatchObject({
      code: 'SUGGESTION_NOT_APPLICABLE',
    });
    expect(
      suggestionChange(
        suggestion('language', { code: 'de', name: 'German', level: null, levelSource: null }),
      ),
    ).toMatchObject({
      code: 'SUGGESTION_INCOMPLETE',
    });
    expect(
      suggestionChange(suggestion('certification', { name: 'CKA', issuer: null, obtained: null })),
    ).toMatchObject({
      code: 'SUGGESTION_INCOMPLETE',
    });
    expect(suggestionChange(suggestion('location', { city: 'Lyon', countryCode: null }))).toMatchObject({
      code: 'SUGGESTION_INCOMPLETE',
    });
  });

  it('adds a skill at the intermediate level, for the person to adjust', () => {
    expect(
      suggestionChange(
        suggestion('skill', {
          skillId: 'react',
          name: 'React',
          matchedText: 'ReactJS',
          sources: ['SKILLS_SECTION'],
          mentions: 2,
        }),
      ),
    ).toEqual({
      change: {
        target: 'skill',
        input: { skill: { id: 'react' }, level: 'INTERMEDIATE', yearsOfExperience: 0 },
      },
    });
  });
});
