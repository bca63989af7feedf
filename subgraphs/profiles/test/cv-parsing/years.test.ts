import { describe, expect, it } from 'vitest';
import { findDatePeriods, type DatePeriod } from '../../src/cv-parsing/dates.ts';
import { experienceDuration, statedYearsOfExperience } from '../../src/cv-parsing/years.ts';

const reference = new Date('2026-06-15T00:00:00Z');

function periods(...texts: string[]): DatePeriod[] {
  return texts.map((text) => {
    const [period] = findDatePeriods(text, reference);
    if (!period) throw new Error(`no period in ${text}`);
    return period;
  });
}

describe('experienceDuration', () => {
  it('counts both ends of a period', () => {
    expect(experienceDuration(periods('Jan 2020 - Dec 2020'), reference)).toEqual({ months: 12, years: 1 });
  });

  it('counts overlapping jobs once', () => {
    // Jan 2018–Dec 2020 and Jan 2020–Dec 2021 overlap for a year: 48 months, not 60.
    expect(experienceDuration(periods('Jan 2018 - Dec 2020', 'Jan 2020 - Dec 2021'), reference)).toEqual({
      months: 48,
      years: 4,
    });
  });

  it('counts a period inside another once', () => {
    expect(experienceDuration(periods('Jan 2010 - Dec 2019', 'Mar 2012 - May 2013'), reference)).toEqual({
      months: 120,
      years: 10,
    });
  });

  it('adds periods separated by a gap without the gap', () => {
    expect(experienceDuration(periods('Jan 2010 - Dec 2010', 'Jan 2015 - Jun 2015'), reference)).toEqual({
      months: 18,
      years: 1,
    });
  });

  it('ends an ongoing period at the reference date', () => {
    expect(experienceDuration(periods('Jul 2024 - present'), reference)).toEqual({ months: 24, years: 2 });
  });

  it('reads years alone from their middle, so "2012 - 2014" is two years', () => {
    expect(experienceDuration(periods('2012 - 2014'), reference)).toEqual({ months: 25, years: 2 });
  });

  it('counts a single date as one month', () => {
    expect(experienceDuration(periods('11/2011'), reference)).toEqual({ months: 1, years: 0 });
  });

  it('is zero without periods', () => {
    expect(experienceDuration([], reference)).toEqual({ months: 0, years: 0 });
  });
});

describe('statedYearsOfExperience', () => {
  it.each([
    ['I am a graduate with 10+ years of experience as research software engineer', 10],
    ['With 15+ years of hands-on software engineering expertise', 15],
    ["Développeur avec 7 ans d'expérience en Java", 7],
    ['5 years experience in sales', 5],
  ])('reads %j', (text, years) => {
    expect(statedYearsOfExperience(text)?.years).toBe(years);
  });

  it('reads nothing from a sentence without a statement', () => {
    expect(statedYearsOfExperience('Worked 3 months on a 10 years old code base')).toBeNull();
  });
});
