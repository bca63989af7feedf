import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ProfileSearchIndex,
  SearchDocument,
  SearchResults,
} from '../../src/search/profile-search-index.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../src/search/highlight.ts';
import {
  DOCUMENTS,
  HIDDEN_FROM_ORGANIZATION,
  LYON,
  PROFILE_IDS,
  STATES,
  hitIdOf,
  searchOf,
} from './fixtures.ts';

/**
 * What every ProfileSearchIndex adapter must do, run against each (PostgreSQL always, Elasticsearch when
 * ELASTICSEARCH_URL is set): the same documents give the same hits for the same searches.
 */
export interface ContractSubject {
  readonly index: ProfileSearchIndex;
  /** Makes documents indexable (PostgreSQL: their profiles' rows, which documents reference). */
  prepare(documents: readonly SearchDocument[]): Promise<void>;
  /** Empties the index. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

const { lyonReact, parisData, villeurbanneFreelance, grenobleJunior, hiddenReact, designerNowhere } =
  PROFILE_IDS;

const hitIds = (results: SearchResults) => results.hits.map((hit) => hit.hitId);
const setOf = (...profileIds: string[]) => new Set(profileIds.map(hitIdOf));
const asSet = (results: SearchResults) => new Set(hitIds(results));

export function describeProfileSearchIndexContract(
  name: string,
  start: () => Promise<ContractSubject>,
): void {
  describe(`${name}: the ProfileSearchIndex contract`, () => {
    let subject: ContractSubject;
    const search = (...args: Parameters<typeof searchOf>) => subject.index.search(searchOf(...args));

    beforeAll(async () => {
      subject = await start();
      await subject.prepare(DOCUMENTS);
      await subject.clear();
      await subject.index.indexMany(DOCUMENTS);
    });

    afterAll(async () => {
      await subject?.close();
    });

    describe('without words', () => {
      it('lists every document not hidden from the searching organization, the most recent first', async () => {
        const results = await search();
        expect(results.totalCount).toBe(DOCUMENTS.length);
        expect(hitIds(results)).toEqual([...DOCUMENTS].reverse().map((document) => document.hitId));
        expect(results.hits.every((hit) => hit.score === 0 && hit.highlight === null)).toBe(true);
      });

      it('leaves out the documents hidden from the searching organization', async () => {
        const results = await search({ organizationId: HIDDEN_FROM_ORGANIZATION });
        expect(results.totalCount).toBe(DOCUMENTS.length - 1);
        expect(hitIds(results)).not.toContain(hitIdOf(hiddenReact));
      });
    });

    describe('full text', () => {
      it('finds a word in the headline or the skills, the headline first', async () => {
        const results = await search({ text: 'react' });
        expect(asSet(results)).toEqual(setOf(lyonReact, villeurbanneFreelance, hiddenReact));
        // React is in the headline of the first two, only among the skills of the freelance developer.
        expect(hitIds(results).at(-1)).toBe(hitIdOf(villeurbanneFreelance));
        expect(results.hits[0]!.score).toBeGreaterThan(results.hits.at(-1)!.score);
      });

      it('needs every word, each anywhere in the document', async () => {
        expect(hitIds(await search({ text: 'react typescript' }))).toEqual([hitIdOf(lyonReact)]);
        expect(hitIds(await search({ text: 'typescript junior' }))).toEqual([hitIdOf(grenobleJunior)]);
      });

      it('stems English and French words, and ignores accents and case', async () => {
        expect(hitIds(await search({ text: 'developers' }))).toContain(hitIdOf(lyonReact));
        for (const text of ['développeur', 'DEVELOPPEURS', 'independant']) {
          expect(hitIds(await search({ text }))).toEqual([hitIdOf(villeurbanneFreelance)]);
        }
      });

      it('finds a skill by its other names, and words of the summary, job titles and fields of study', async () => {
        expect(hitIds(await search({ text: 'ReactJS' }))).toContain(hitIdOf(villeurbanneFreelance));
        expect(hitIds(await search({ text: 'graphql' }))).toEqual([hitIdOf(lyonReact)]);
        expect(hitIds(await search({ text: 'checkout' }))).toEqual([hitIdOf(lyonReact)]);
        expect(hitIds(await search({ text: 'computer science' }))).toEqual([hitIdOf(lyonReact)]);
      });

      it('never finds a profile by the name of an employer or a school', async () => {
        for (const text of ['Globex', 'Claude Bernard', 'Université']) {
          expect((await search({ text })).totalCount).toBe(0);
        }
      });

      it('marks the matched words of the headline and desired titles', async () => {
        const results = await search({ text: 'react' });
        const lyon = results.hits.find((hit) => hit.hitId === hitIdOf(lyonReact))!;
        expect(lyon.highlight).toContain(`${HIGHLIGHT_START}React${HIGHLIGHT_END}`);
        expect(lyon.highlight!.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '')).toBe(
          'Senior React developer · Lead front-end engineer',
        );
      });
    });

    describe('filters', () => {
      it('skills: all of them', async () => {
        expect(asSet(await search({ filters: { skillIds: ['react'] } }))).toEqual(
          setOf(lyonReact, villeurbanneFreelance, hiddenReact),
        );
        expect(hitIds(await search({ filters: { skillIds: ['react', 'typescript'] } }))).toEqual([
          hitIdOf(lyonReact),
        ]);
      });

      it('years of experience, bounds included, unknown years left out', async () => {
        expect(asSet(await search({ filters: { minYearsOfExperience: 7 } }))).toEqual(
          setOf(lyonReact, villeurbanneFreelance),
        );
        expect(asSet(await search({ filters: { maxYearsOfExperience: 3 } }))).toEqual(
          setOf(parisData, grenobleJunior),
        );
        expect(
          asSet(await search({ filters: { minYearsOfExperience: 3, maxYearsOfExperience: 4 } })),
        ).toEqual(setOf(parisData, hiddenReact));
      });

      it('distance from a point, profiles without coordinates left out', async () => {
        // Villeurbanne is 4.4 km from the centre of Lyon, Grenoble 94 km, Paris 392 km.
        expect(asSet(await search({ filters: { near: { ...LYON, radiusKm: 10 } } }))).toEqual(
          setOf(lyonReact, villeurbanneFreelance, hiddenReact),
        );
        expect(asSet(await search({ filters: { near: { ...LYON, radiusKm: 100 } } }))).toEqual(
          setOf(lyonReact, villeurbanneFreelance, hiddenReact, grenobleJunior),
        );
        expect(asSet(await search({ filters: { near: { ...LYON, radiusKm: 90 } } }))).toEqual(
          setOf(lyonReact, villeurbanneFreelance, hiddenReact),
        );
        expect((await search({ filters: { near: { ...LYON, radiusKm: 500 } } })).totalCount).toBe(5);
      });

      it('languages at a level or better', async () => {
        expect(asSet(await search({ filters: { languages: [{ code: 'en', minimumLevel: 'B2' }] } }))).toEqual(
          setOf(lyonReact, parisData, villeurbanneFreelance),
        );
        expect(
          asSet(
            await search({
              filters: {
                languages: [
                  { code: 'en', minimumLevel: 'C1' },
                  { code: 'fr', minimumLevel: 'C2' },
                ],
              },
            }),
          ),
        ).toEqual(setOf(villeurbanneFreelance));
      });

      it('available by a date, unknown availability left out', async () => {
        expect(asSet(await search({ filters: { availableBy: '2026-12-01' } }))).toEqual(
          setOf(parisData, grenobleJunior),
        );
      });

      it('contract types: any of them', async () => {
        expect(asSet(await search({ filters: { contractTypes: ['FREELANCE', 'APPRENTICESHIP'] } }))).toEqual(
          setOf(villeurbanneFreelance, grenobleJunior),
        );
      });

      it('salary: expectations overlapping the budget, yearly, in its currency', async () => {
        // 50–70 k€ a year: 55–65 k€ overlaps; "at least 1,500 € a month" (18 k€ a year) is within reach.
        expect(
          asSet(await search({ filters: { salary: { currency: 'EUR', minimum: 50_000, maximum: 70_000 } } })),
        ).toEqual(setOf(lyonReact, grenobleJunior));
        // 400–500 € a day is 87,200–109,000 € a year: "at least 450 € a day" overlaps, 600–700 € a day does not.
        expect(
          asSet(
            await search({ filters: { salary: { currency: 'EUR', minimum: 87_200, maximum: 109_000 } } }),
          ),
        ).toEqual(setOf(parisData, grenobleJunior));
        expect(
          asSet(await search({ filters: { salary: { currency: 'GBP', minimum: null, maximum: 60_000 } } })),
        ).toEqual(setOf(hiddenReact));
        // At least 140 k€: open-ended expectations fit, and 600–700 € a day (130,800–152,600 € a year).
        expect(
          asSet(await search({ filters: { salary: { currency: 'EUR', minimum: 140_000, maximum: null } } })),
        ).toEqual(setOf(parisData, villeurbanneFreelance, grenobleJunior));
      });

      it('combines filters and words', async () => {
        const results = await search({
          text: 'developer',
          filters: {
            skillIds: ['typescript'],
            near: { ...LYON, radiusKm: 120 },
            languages: [{ code: 'en', minimumLevel: 'B1' }],
          },
        });
        expect(asSet(results)).toEqual(setOf(lyonReact, grenobleJunior));
        expect(results.totalCount).toBe(2);
      });
    });

    describe('order and pages', () => {
      it('by years of experience, most first, unknown last', async () => {
        const order = hitIds(await search({ sort: 'YEARS_OF_EXPERIENCE' }));
        expect(order).toEqual(
          [villeurbanneFreelance, lyonReact, hiddenReact, parisData, grenobleJunior, designerNowhere].map(
            hitIdOf,
          ),
        );
      });

      it('by availability, soonest first, unknown last (the most recent first among them)', async () => {
        const order = hitIds(await search({ sort: 'AVAILABILITY' }));
        expect(order).toEqual(
          [grenobleJunior, parisData, lyonReact, designerNowhere, hiddenReact, villeurbanneFreelance].map(
            hitIdOf,
          ),
        );
      });

      it('pages through the same order, with the total of every page', async () => {
        const all = hitIds(await search({ sort: 'MOST_RECENT' }));
        const pages = await Promise.all(
          [0, 2, 4].map((offset) => search({ sort: 'MOST_RECENT', offset, limit: 2 })),
        );
        expect(pages.flatMap(hitIds)).toEqual(all);
        expect(pages.map((page) => page.totalCount)).toEqual([6, 6, 6]);
        expect((await search({ offset: 6, limit: 2 })).hits).toEqual([]);
        // Past the last match, a search with words still says how many there are.
        expect(await search({ text: 'react', offset: 10, limit: 2 })).toEqual({ totalCount: 3, hits: [] });
        expect((await search({ text: 'react', offset: 2, limit: 2 })).totalCount).toBe(3);
      });
    });

    describe('hits', () => {
      it('carry the anonymized card and an opaque id, never the profile id', async () => {
        const results = await search({ filters: { skillIds: ['react', 'typescript'] } });
        const [hit] = results.hits;
        expect(hit!.card).toEqual(DOCUMENTS[0]!.card);
        const serialized = JSON.stringify(results);
        for (const state of STATES) {
          expect(serialized).not.toContain(state.id);
          expect(serialized).not.toContain(state.userId);
        }
        for (const hidden of ['Globex', 'Claude Bernard', 'Master Informatique', 'checkout', '45.764']) {
          expect(serialized).not.toContain(hidden);
        }
      });
    });

    describe('writes', () => {
      const [first] = DOCUMENTS;
      const revised = (revision: number, headline: string): SearchDocument => ({
        ...first!,
        revision,
        text: { ...first!.text, headline },
        highlightText: headline,
        card: { ...first!.card, headline },
      });

      it('replaces a document with a newer revision, and never with an older one', async () => {
        await subject.index.index(revised(3, 'Staff Elixir engineer'));
        await subject.index.index(revised(2, 'Angular engineer'));
        expect(hitIds(await search({ text: 'elixir' }))).toEqual([first!.hitId]);
        expect((await search({ text: 'angular' })).totalCount).toBe(0);
        expect((await search({ text: 'senior' })).totalCount).toBe(0);
        await subject.index.index(revised(4, first!.text.headline));
        expect(hitIds(await search({ text: 'senior' }))).toEqual([first!.hitId]);
      });

      it('removes a document, and removing it again is no error', async () => {
        expect(hitIds(await search({ text: 'product' }))).toEqual([hitIdOf(designerNowhere)]);
        await subject.index.remove(designerNowhere);
        await subject.index.remove(designerNowhere);
        expect((await search()).totalCount).toBe(DOCUMENTS.length - 1);
        expect((await search({ text: 'product' })).totalCount).toBe(0);
      });
    });
  });
}
