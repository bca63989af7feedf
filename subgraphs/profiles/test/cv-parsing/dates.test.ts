import { describe, expect, it } from 'vitest';
import { compareYearMonths, findDatePeriods, type YearMonth } from '../../src/cv-parsing/dates.ts';

const reference = new Date('2026-06-15T00:00:00Z');

function ym(year: number, month: number | null = null): YearMonth {
  return { year, month };
}

type Expected = { start: YearMonth; end: YearMonth | null; ongoing: boolean; single?: boolean };

const periods: readonly (readonly [string, Expected])[] = [
  // English
  ['Jan 2020 – Present', { start: ym(2020, 1), end: null, ongoing: true }],
  ['January 2020 - now', { start: ym(2020, 1), end: null, ongoing: true }],
  ['Sep. 2023 - Mar. 2024', { start: ym(2023, 9), end: ym(2024, 3), ongoing: false }],
  ['Sept 2018 – May 2023', { start: ym(2018, 9), end: ym(2023, 5), ongoing: false }],
  ['June 2023 – present', { start: ym(2023, 6), end: null, ongoing: true }],
  ['Aug 2008 – July 2012', { start: ym(2008, 8), end: ym(2012, 7), ongoing: false }],
  ['2019-2021', { start: ym(2019), end: ym(2021), ongoing: false }],
  ['2012 - 2014', { start: ym(2012), end: ym(2014), ongoing: false }],
  ['2016 - present', { start: ym(2016), end: null, ongoing: true }],
  ['Since 2020', { start: ym(2020), end: null, ongoing: true }],
  ['Since March 2020', { start: ym(2020, 3), end: null, ongoing: true }],
  ['from 2019 to 2021', { start: ym(2019), end: ym(2021), ongoing: false }],
  ['March 2018 until today', { start: ym(2018, 3), end: null, ongoing: true }],
  ['2016/09 - now', { start: ym(2016, 9), end: null, ongoing: true }],
  ['2020-01 – 2021-06', { start: ym(2020, 1), end: ym(2021, 6), ongoing: false }],
  ['Summer 2012', { start: ym(2012, 6), end: ym(2012, 6), ongoing: false, single: true }],
  ['2011 / 11', { start: ym(2011, 11), end: ym(2011, 11), ongoing: false, single: true }],
  ['2022 -', { start: ym(2022), end: null, ongoing: true }],
  // Dash lost in PDF extraction (pdf.js drops soft hyphens)
  ['Mar. 2010 Aug. 2017', { start: ym(2010, 3), end: ym(2017, 8), ongoing: false }],
  // French
  ["03/2018 - aujourd'hui", { start: ym(2018, 3), end: null, ongoing: true }],
  ['03/2018 - aujourd’hui', { start: ym(2018, 3), end: null, ongoing: true }],
  ['septembre 2017 à juin 2019', { start: ym(2017, 9), end: ym(2019, 6), ongoing: false }],
  ['de septembre 2017 à juin 2019', { start: ym(2017, 9), end: ym(2019, 6), ongoing: false }],
  ['Février 2015 – Août 2016', { start: ym(2015, 2), end: ym(2016, 8), ongoing: false }],
  ['févr. 2015 - déc. 2016', { start: ym(2015, 2), end: ym(2016, 12), ongoing: false }],
  ['depuis 2020', { start: ym(2020), end: null, ongoing: true }],
  ['Depuis mars 2021', { start: ym(2021, 3), end: null, ongoing: true }],
  ['du 01/2018 au 03/2019', { start: ym(2018, 1), end: ym(2019, 3), ongoing: false }],
  ['2019 - en cours', { start: ym(2019), end: null, ongoing: true }],
  ['janvier 2021 - à ce jour', { start: ym(2021, 1), end: null, ongoing: true }],
  ['7/2021', { start: ym(2021, 7), end: ym(2021, 7), ongoing: false, single: true }],
  ['1er septembre 2017', { start: ym(2017, 9), end: ym(2017, 9), ongoing: false, single: true }],
];

describe('findDatePeriods', () => {
  it.each(periods)('reads %j', (text, expected) => {
    const [period, ...others] = findDatePeriods(text, reference);
    expect(others).toEqual([]);
    expect(period).toMatchObject({ ...expected, single: expected.single ?? false });
  });

  it('finds every period of a line with where it is written', () => {
    const line = 'Software Engineer, Acme (Jan 2019 – Dec 2020) then Lead (2021 – now)';
    const found = findDatePeriods(line, reference);
    expect(found.map((period) => period.text)).toEqual(['Jan 2019 – Dec 2020', '2021 – now']);
    expect(found.map((period) => line.slice(period.index, period.index + period.text.length))).toEqual([
      'Jan 2019 – Dec 2020',
      '2021 – now',
    ]);
  });

  it('counts "from", "de" and "since" as part of the period they introduce', () => {
    expect(findDatePeriods('Stagiaire — Capgemini — de septembre 2017 à juin 2019', reference)[0]?.text).toBe(
      'de septembre 2017 à juin 2019',
    );
    expect(findDatePeriods('Lead engineer since March 2020', reference)[0]?.text).toBe('since March 2020');
  });

  it.each([
    ['an end before the start', '2021 - 2019'],
    ['a future date', 'Jan 2030 - Present'],
    ['years before 1950', '1920 - 1925'],
    ['a month that does not exist', '13/2019'],
  ])('reads no period from %s', (_, text) => {
    expect(findDatePeriods(text, reference)).toEqual([]);
  });

  it('ends every period at or after its start', () => {
    const line = 'Dec 2019 - Jan 2019, 2018 - 2020, May 2020 – May 2020';
    const found = findDatePeriods(line, reference);
    expect(found.map((period) => period.text)).toEqual(['2018 - 2020', 'May 2020 – May 2020']);
    for (const period of found)
      expect(compareYearMonths(period.end ?? period.start, period.start)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['a phone number', '+49 176 313 20 19'],
    ['a DOI', '10.1234/neurips.2023.1234'],
    ['a number with thousands separators', 'US Patent 11,234,567'],
    ['a count', 'more than 2000+ users'],
    ['a percentage', 'grew 2015% in a year'],
  ])('finds no date in %s', (_, text) => {
    expect(findDatePeriods(text, reference)).toEqual([]);
  });
});
