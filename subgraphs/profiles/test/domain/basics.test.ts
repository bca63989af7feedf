import { describe, expect, it } from 'vitest';
import { validateBasics, type BasicsChange } from '../../src/domain/basics.ts';

const TODAY = '2026-12-06';
const codesOf = (change: BasicsChange) => {
  const checked = validateBasics(change, TODAY);
  return checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);
};

describe('validateBasics', () => {
  it('normalizes what it accepts, and keeps omitted fields out of the patch', () => {
    expect(
      validateBasics(
        {
          headline: '  Full-stack developer ',
          summary: 'Line one\r\nLine two ',
          location: { city: ' Lyon ', countryCode: 'FR', latitude: 45.76, longitude: 4.84 },
          remotePreference: 'HYBRID',
          yearsOfExperience: 5,
          availableFrom: '2027-01-04',
        },
        TODAY,
      ),
    ).toEqual({
      ok: true,
      value: {
        headline: 'Full-stack developer',
        summary: 'Line one\nLine two',
        location: { city: 'Lyon', countryCode: 'FR', latitude: 45.76, longitude: 4.84 },
        remotePreference: 'HYBRID',
        yearsOfExperience: 5,
        availableFrom: '2027-01-04',
      },
    });
    expect(validateBasics({}, TODAY)).toEqual({ ok: true, value: {} });
  });

  it('clears fields given as null; an empty summary is no summary', () => {
    expect(validateBasics({ headline: null, location: null, summary: '  ' }, TODAY)).toEqual({
      ok: true,
      value: { headline: null, location: null, summary: null },
    });
  });

  it.each<[string, BasicsChange, string[]]>([
    ['a blank headline', { headline: '   ' }, ['headline:REQUIRED']],
    ['a two-letter headline', { headline: 'Hi' }, ['headline:TOO_SHORT']],
    ['a headline of 161 characters', { headline: 'x'.repeat(161) }, ['headline:TOO_LONG']],
    ['a headline on two lines', { headline: 'Dev\nOps' }, ['headline:INVALID_CHARACTERS']],
    ['a summary of 3,001 characters', { summary: 'x'.repeat(3001) }, ['summary:TOO_LONG']],
    ['an unknown country', { location: { countryCode: 'XX' } }, ['location.countryCode:INVALID_COUNTRY']],
    ['a lower-case country', { location: { countryCode: 'fr' } }, ['location.countryCode:INVALID_COUNTRY']],
    [
      'a latitude alone',
      { location: { countryCode: 'FR', latitude: 45 } },
      ['location.latitude:INCOMPLETE_COORDINATES'],
    ],
    [
      'a latitude beyond the pole',
      { location: { countryCode: 'FR', latitude: 91, longitude: 4 } },
      ['location.latitude:OUT_OF_RANGE'],
    ],
    [
      'a longitude beyond 180',
      { location: { countryCode: 'FR', latitude: 45, longitude: -181 } },
      ['location.longitude:OUT_OF_RANGE'],
    ],
    [
      'a remote preference outside the list',
      { remotePreference: 'SOMETIMES' },
      ['remotePreference:INVALID_VALUE'],
    ],
    ['negative years', { yearsOfExperience: -1 }, ['yearsOfExperience:OUT_OF_RANGE']],
    ['61 years', { yearsOfExperience: 61 }, ['yearsOfExperience:OUT_OF_RANGE']],
    ['half a year', { yearsOfExperience: 2.5 }, ['yearsOfExperience:OUT_OF_RANGE']],
    ['an impossible date', { availableFrom: '2027-02-30' }, ['availableFrom:INVALID_DATE']],
    ['a date not written YYYY-MM-DD', { availableFrom: '04/01/2027' }, ['availableFrom:INVALID_DATE']],
    [
      'an availability more than 3 years ahead',
      { availableFrom: '2029-12-07' },
      ['availableFrom:DATE_OUT_OF_RANGE'],
    ],
  ])('refuses %s', (_case, change, expected) => {
    expect(codesOf(change)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(codesOf({ headline: '', yearsOfExperience: 99, location: { countryCode: 'ZZ' } })).toEqual([
      'headline:REQUIRED',
      'yearsOfExperience:OUT_OF_RANGE',
      'location.countryCode:INVALID_COUNTRY',
    ]);
  });

  it('accepts an availability in the past (available now) and exactly 3 years ahead', () => {
    expect(codesOf({ availableFrom: '2020-01-01' })).toEqual([]);
    expect(codesOf({ availableFrom: '2029-12-06' })).toEqual([]);
  });
});
