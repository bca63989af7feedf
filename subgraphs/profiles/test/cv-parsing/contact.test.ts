import { describe, expect, it } from 'vitest';
import { findEmails, findLinks, findPhones, findPlace } from '../../src/cv-parsing/contact.ts';
import { parsePlace } from '../../src/cv-parsing/places.ts';

describe('contact details', () => {
  it('finds e-mail addresses', () => {
    expect(findEmails('Email: Jane.Doe+cv@Example.co.uk | web: jane.dev')).toEqual([
      'jane.doe+cv@example.co.uk',
    ]);
  });

  it.each([
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['Mobile: +1-123-456-7890', '+1-123-456-7890'],
    ['(+82) 10-9030-1843 | mail', '(+82) 10-9030-1843'],
    ['Tél. 06 12 34 56 78', '06 12 34 56 78'],
    ['+212 6 22 90 22 21', '+212 6 22 90 22 21'],
  ])('finds the phone number in %j', (line, phone) => {
    expect(findPhones(line)).toEqual([phone]);
  });

  it.each([
    ['a masked number', '+49 176 313 *** **'],
    ['a period of years', '2012 - 2014 2015 - 2016'],
    ['month periods', '01/2018 - 03/2019'],
    ['an ORCID', '0009-0008-8088-9837'],
    ['a grade', 'GPA: 3.97/4.00'],
    ['a count', 'more than 100,000 students'],
  ])('finds no phone number in %s', (_, line) => {
    expect(findPhones(line)).toEqual([]);
  });

  it('finds links with or without a scheme and tells profiles from other links', () => {
    const links = findLinks(
      'www.jane.dev | github.com/janedoe | linkedin.com/in/jane-doe | https://github.com/janedoe/cv-parser | jane@mail.com',
    );
    expect(links.map(({ kind, url }) => [kind, url])).toEqual([
      ['OTHER', 'https://github.com/janedoe/cv-parser'],
      ['WEBSITE', 'https://www.jane.dev'],
      ['GITHUB', 'https://github.com/janedoe'],
      ['LINKEDIN', 'https://linkedin.com/in/jane-doe'],
    ]);
  });

  it('leaves publication references out of contact links', () => {
    expect(findLinks('https://doi.org/10.5281/zenodo.14772936')).toEqual([]);
  });
});

describe('places', () => {
  it.each([
    ['Bremen, Germany', 'Bremen', 'DE'],
    ['San Francisco, CA', 'San Francisco', 'US'],
    ['Mapo-gu, Seoul, Republic of Korea', 'Seoul', 'KR'],
    ['Casablanca, Maroc', 'Casablanca', 'MA'],
    ['Lyon, France', 'Lyon', 'FR'],
    ['Istanbul, Türkiye', 'Istanbul', 'TR'],
    ['Seoul, S.Korea', 'Seoul', 'KR'],
  ])('reads %j', (text, city, countryCode) => {
    expect(parsePlace(text)).toEqual({ city, countryCode, remote: false });
  });

  it.each([
    ['a sentence', 'Worked on data pipelines, dashboards'],
    ['a company', 'Acme Corp, Inc'],
    ['a date', 'Paris, 2019'],
  ])('reads no place from %s', (_, text) => {
    expect(parsePlace(text)).toBeNull();
  });

  it('finds the place cell of a header line, or a labelled address', () => {
    expect(findPlace('jane@mail.com | Lyon, France | +33 6 12 34 56 78')?.place).toEqual({
      city: 'Lyon',
      countryCode: 'FR',
      remote: false,
    });
    expect(findPlace('Adresse : 12 rue des Lilas, 69003 Lyon')?.place).toEqual({
      city: 'Lyon',
      countryCode: null,
      remote: false,
    });
  });
});
