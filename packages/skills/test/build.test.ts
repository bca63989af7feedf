import { describe, expect, it } from 'vitest';
import { parseCsv } from '../scripts/csv.ts';
import { type EscoFileName, parseEscoSources } from '../scripts/esco.ts';
import {
  type CuratedSkill,
  TaxonomyBuildError,
  buildTaxonomy,
  keepEscoAltLabel,
  serializeTaxonomy,
} from '../scripts/taxonomy-builder.ts';
import { type StoredTaxonomy } from '../src/stored-taxonomy.ts';

const SKILL = 'http://data.europa.eu/esco/skill/';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const collectionHeader =
  'conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT';

interface Row {
  readonly n: number;
  readonly en: string;
  readonly fr: string;
  readonly type?: string;
  readonly reuse?: string;
  readonly enAlts?: readonly string[];
  readonly frAlts?: readonly string[];
  readonly broader?: readonly string[];
}

function collection(rows: readonly Row[], language: 'en' | 'fr'): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = rows.map((row) =>
    [
      'KnowledgeSkillCompetence',
      `${SKILL}${uuid(row.n)}`,
      quote(language === 'en' ? row.en : row.fr),
      'released',
      row.type ?? 'knowledge',
      row.reuse ?? 'sector-specific',
      quote(((language === 'en' ? row.enAlts : row.frAlts) ?? []).join(' | ')),
      quote('A description, with a comma\nand a line break.'),
      quote((row.broader ?? []).join(' | ')),
      '""',
    ].join(','),
  );
  return [collectionHeader, ...lines].join('\r\n') + '\r\n';
}

const GROUPS = [
  'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code',
  'SkillGroup,http://data.europa.eu/esco/skill/S5.2.2,protecting ict devices,,,released,,,"x",,S5.2.2',
  'SkillGroup,http://data.europa.eu/esco/isced-f/0613,software and applications development and analysis,,,released,,,"x",,',
  'SkillGroup,http://data.europa.eu/esco/skill/T2.1,processing information,,,released,,,"x",,T2.1',
].join('\n');

const digital: Row[] = [
  {
    n: 1,
    en: 'computer programming',
    fr: 'programmation informatique',
    broader: ['http://data.europa.eu/esco/isced-f/0613'],
  },
  { n: 2, en: 'Haskell', fr: 'Haskell', broader: [`${SKILL}${uuid(1)}`] },
  {
    n: 3,
    en: 'JavaScript',
    fr: 'JavaScript',
    enAlts: ['Client-side JavaScript', 'Mocha', 'JavaScript 1.7'],
    broader: [`${SKILL}${uuid(1)}`],
  },
  {
    n: 4,
    en: 'protect ICT devices',
    fr: 'protéger les dispositifs TIC',
    type: 'skill/competence',
    enAlts: ['shield computers', 'protect computing devices'],
    broader: ['http://data.europa.eu/esco/skill/S5.2.2'],
  },
  { n: 5, en: 'Ruby (computer programming)', fr: 'Ruby (programmation informatique)', enAlts: ['Ruby'] },
  { n: 6, en: 'cloud monitoring', fr: 'surveillance du nuage', enAlts: ['monitoring tools'] },
  { n: 7, en: 'log monitoring', fr: 'surveillance des journaux', enAlts: ['monitoring tools'] },
];
const transversal: Row[] = [
  {
    n: 8,
    en: 'think critically',
    fr: 'penser de manière critique',
    type: 'skill/competence',
    reuse: 'transversal',
    broader: ['http://data.europa.eu/esco/skill/T2.1'],
  },
  // Listed in both collections: must appear once.
  digital[3]!,
];

function sources(overrides: Partial<Record<EscoFileName, string>> = {}) {
  return parseEscoSources({
    'digitalSkillsCollection_en.csv': collection(digital, 'en'),
    'digitalSkillsCollection_fr.csv': collection(digital, 'fr'),
    'transversalSkillsCollection_en.csv': collection(transversal, 'en'),
    'transversalSkillsCollection_fr.csv': collection(transversal, 'fr'),
    'skillGroups_en.csv': GROUPS,
    ...overrides,
  });
}

const curated: CuratedSkill[] = [
  {
    id: 'javascript',
    category: 'programming-languages',
    en: 'JavaScript',
    aliases: ['JS'],
    esco: 'JavaScript',
  },
  { id: 'react', category: 'web-frontend', en: 'React', aliases: ['ReactJS'], needsContext: ['React'] },
  {
    id: 'critical-thinking',
    category: 'soft-skills',
    en: 'Critical thinking',
    fr: 'Esprit critique',
    esco: 'think critically',
  },
];

const skillOf = (taxonomy: StoredTaxonomy, id: string) => taxonomy.skills.find((skill) => skill.id === id);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b,c\r\n1,"x, ""y""","multi\nline"\r\n2,,z\r\n')).toEqual([
      { a: '1', b: 'x, "y"', c: 'multi\nline' },
      { a: '2', b: '', c: 'z' },
    ]);
  });

  it('refuses rows of the wrong width and unterminated quotes', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/inside a quoted field/);
  });
});

describe('parseEscoSources', () => {
  it('joins English and French rows on conceptUri, once per concept', () => {
    const { concepts, groups } = sources();
    expect(concepts).toHaveLength(8);
    const protect = concepts.find((concept) => concept.en.label === 'protect ICT devices');
    expect(protect?.fr.label).toBe('protéger les dispositifs TIC');
    expect(protect?.en.altLabels).toEqual(['shield computers', 'protect computing devices']);
    expect(groups.get('http://data.europa.eu/esco/isced-f/0613')?.code).toBe('0613');
  });
});

describe('keepEscoAltLabel', () => {
  it('keeps other names of the concept', () => {
    expect(keepEscoAltLabel('ML', 'machine learning')).toBe(true);
    expect(keepEscoAltLabel('General Data Protection Regulation', 'GDPR')).toBe(true);
    expect(keepEscoAltLabel('Postgres', 'PostgreSQL')).toBe(true);
    expect(keepEscoAltLabel('Ruby', 'Ruby (computer programming)')).toBe(true);
    expect(keepEscoAltLabel('cloud computing', 'cloud technologies')).toBe(true);
    expect(
      keepEscoAltLabel('analyze network bandwidth requirements', 'analyse network bandwidth requirements'),
    ).toBe(true);
  });

  it('drops examples, broader words and unrelated phrases', () => {
    expect(keepEscoAltLabel('tensorflow', 'computer vision')).toBe(false);
    expect(keepEscoAltLabel('Mocha', 'JavaScript')).toBe(false);
    expect(keepEscoAltLabel('printing', 'printing on large scale machines')).toBe(false);
    expect(keepEscoAltLabel('computer', 'computer equipment')).toBe(false);
    expect(keepEscoAltLabel('Cognos Data Manager', 'data extraction, transformation and loading tools')).toBe(
      false,
    );
    expect(keepEscoAltLabel('disseminating general corporate information', 'pay-per-click')).toBe(false);
    expect(keepEscoAltLabel('JavaScript', 'JavaScript')).toBe(false);
  });
});

describe('buildTaxonomy', () => {
  it('merges a curated skill with its ESCO concept and keeps the other concepts under esco: ids', () => {
    const { taxonomy } = buildTaxonomy(sources(), curated, []);
    const javascript = skillOf(taxonomy, 'javascript');
    expect(javascript).toMatchObject({ weight: 3, en: 'JavaScript', esco: `${SKILL}${uuid(3)}` });
    expect(javascript?.aliases).toEqual(['JS']);
    expect(javascript?.enAliases).toEqual(['Client-side JavaScript', 'JavaScript 1.7']);
    expect(skillOf(taxonomy, `esco:${uuid(3)}`)).toBeUndefined();
    expect(skillOf(taxonomy, 'critical-thinking')).toMatchObject({
      fr: 'Esprit critique',
      enAliases: ['think critically'],
      frAliases: ['penser de manière critique'],
    });
    expect(skillOf(taxonomy, `esco:${uuid(2)}`)).toMatchObject({ en: 'Haskell', weight: 2 });
    expect(skillOf(taxonomy, `esco:${uuid(2)}`)?.fr).toBeUndefined();
    expect(skillOf(taxonomy, `esco:${uuid(4)}`)).toMatchObject({
      weight: 1,
      fr: 'protéger les dispositifs TIC',
    });
    // "Ruby" is both an English alternative label and the name without its parenthesis, in both languages.
    expect(skillOf(taxonomy, `esco:${uuid(5)}`)?.aliases).toEqual(['Ruby']);
    expect(skillOf(taxonomy, 'react')).toMatchObject({ needsContext: ['React'] });
    expect(taxonomy.skills.map((skill) => skill.id)).toEqual(taxonomy.skills.map((skill) => skill.id).sort());
  });

  it('places ESCO concepts in categories by broader concept, label and skill group', () => {
    const { taxonomy } = buildTaxonomy(sources(), curated, []);
    expect(skillOf(taxonomy, `esco:${uuid(2)}`)?.category).toBe('programming-languages');
    expect(skillOf(taxonomy, `esco:${uuid(1)}`)?.category).toBe('software-engineering');
    expect(skillOf(taxonomy, `esco:${uuid(4)}`)?.category).toBe('security');
    expect(skillOf(taxonomy, `esco:${uuid(6)}`)?.category).toBe('cloud');
  });

  it('drops an ESCO alternative label that two concepts share', () => {
    const { taxonomy, report } = buildTaxonomy(sources(), curated, []);
    expect(report.ambiguousAliasesDropped).toEqual(['monitoring tools']);
    expect(skillOf(taxonomy, `esco:${uuid(6)}`)?.enAliases).toBeUndefined();
    expect(skillOf(taxonomy, `esco:${uuid(7)}`)?.enAliases).toBeUndefined();
  });

  it('is deterministic', () => {
    const first = serializeTaxonomy(buildTaxonomy(sources(), curated, []).taxonomy);
    const second = serializeTaxonomy(buildTaxonomy(sources(), [...curated].reverse(), []).taxonomy);
    expect(second).toBe(first);
    expect(first.split('\n')).toHaveLength(
      2 + buildTaxonomy(sources(), curated, []).taxonomy.skills.length + 1,
    );
    expect(JSON.parse(first)).toMatchObject({
      attribution: 'This service uses the ESCO classification of the European Commission.',
    });
  });

  it('refuses a curated name that another skill already has, unless it is declared shared', () => {
    const clash: CuratedSkill[] = [
      ...curated,
      { id: 'haskell-tools', category: 'software-tools', en: 'Stack', aliases: ['Haskell'] },
    ];
    expect(() => buildTaxonomy(sources(), clash, [])).toThrow(TaxonomyBuildError);
    expect(() => buildTaxonomy(sources(), clash, [])).toThrow(/"Haskell" is claimed by .*SHARED_NAMES/);
    const { taxonomy } = buildTaxonomy(sources(), clash, [{ name: 'Haskell', why: 'test' }]);
    expect(skillOf(taxonomy, 'haskell-tools')?.aliases).toEqual(['Haskell']);
    expect(() => buildTaxonomy(sources(), curated, [{ name: 'Haskell', why: 'stale' }])).toThrow(
      /SHARED_NAMES lists "Haskell", which only one skill has/,
    );
  });

  it('refuses bad curated entries', () => {
    const build = (skills: CuratedSkill[]) => () => buildTaxonomy(sources(), skills, []);
    expect(build([...curated, { id: 'Bad Id', category: 'design', en: 'Bad' }])).toThrow(/not a slug/);
    expect(build([...curated, { id: 'react', category: 'design', en: 'Other' }])).toThrow(/used twice/);
    expect(build([{ id: 'x', category: 'nope' as 'design', en: 'X' }])).toThrow(/unknown category/);
    expect(build([{ id: 'x', category: 'design', en: 'X', esco: 'no such concept' }])).toThrow(
      /0 ESCO concepts/,
    );
    expect(
      build([
        { id: 'x', category: 'design', en: 'X', esco: 'Haskell' },
        { id: 'y', category: 'design', en: 'Y', esco: 'Haskell' },
      ]),
    ).toThrow(/both claim ESCO "Haskell"/);
    expect(build([{ id: 'x', category: 'design', en: 'X', needsContext: ['Y'] }])).toThrow(
      /"Y" is not one of its names/,
    );
  });
});
