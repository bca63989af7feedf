import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.ts';

/**
 * The ESCO v1.1.1 files the taxonomy is built from (../shared/data/skills, see its SOURCES.md). The
 * language skills ("speak French", "write Hungarian") are deliberately not read: profiles model languages
 * with CEFR levels, not as skills.
 */
export const ESCO_FILES = [
  'digitalSkillsCollection_en.csv',
  'digitalSkillsCollection_fr.csv',
  'transversalSkillsCollection_en.csv',
  'transversalSkillsCollection_fr.csv',
  'skillGroups_en.csv',
] as const;

export type EscoFileName = (typeof ESCO_FILES)[number];

export interface EscoNames {
  readonly label: string;
  readonly altLabels: readonly string[];
}

export interface EscoConcept {
  readonly uri: string;
  /** `knowledge` (a field or a named tool) or `skill/competence` (something one does). */
  readonly skillType: string;
  readonly reuseLevel: string;
  readonly en: EscoNames;
  readonly fr: EscoNames;
  /** URIs of the broader concepts: skill groups, or other skills. */
  readonly broader: readonly string[];
}

export interface EscoGroup {
  readonly uri: string;
  /** "S5.1.0" for skill groups, the ISCED-F field code ("0613") for knowledge groups. */
  readonly code: string;
  readonly label: string;
}

export interface EscoSources {
  readonly concepts: readonly EscoConcept[];
  readonly groups: ReadonlyMap<string, EscoGroup>;
}

export function readEscoSources(directory: string): EscoSources {
  const files = Object.fromEntries(
    ESCO_FILES.map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  ) as Record<EscoFileName, string>;
  return parseEscoSources(files);
}

/** Joins the English and French rows on conceptUri; a concept listed in both collections appears once. */
export function parseEscoSources(files: Readonly<Record<EscoFileName, string>>): EscoSources {
  const concepts = new Map<string, EscoConcept>();
  for (const collection of ['digitalSkillsCollection', 'transversalSkillsCollection'] as const) {
    const french = new Map(
      parseCsv(files[`${collection}_fr.csv`]).map((row) => [field(row, 'conceptUri'), row]),
    );
    for (const row of parseCsv(files[`${collection}_en.csv`])) {
      const uri = field(row, 'conceptUri');
      if (concepts.has(uri)) continue;
      const frenchRow = french.get(uri);
      const en = namesOf(row);
      concepts.set(uri, {
        uri,
        skillType: field(row, 'skillType'),
        reuseLevel: field(row, 'reuseLevel'),
        en,
        fr: frenchRow ? namesOf(frenchRow) : { label: '', altLabels: [] },
        broader: splitList(field(row, 'broaderConceptUri')),
      });
    }
  }
  const groups = new Map<string, EscoGroup>();
  for (const row of parseCsv(files['skillGroups_en.csv'])) {
    const uri = field(row, 'conceptUri');
    const code = field(row, 'code') || uri.slice(uri.lastIndexOf('/') + 1);
    groups.set(uri, { uri, code, label: field(row, 'preferredLabel') });
  }
  return { concepts: [...concepts.values()], groups };
}

function namesOf(row: Record<string, string>): EscoNames {
  return { label: field(row, 'preferredLabel'), altLabels: splitList(field(row, 'altLabels')) };
}

/** Multi-valued ESCO cells hold one value per line, or values separated by " | " in the collection files. */
function splitList(cell: string): string[] {
  return cell
    .split(/\n| \| /)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`ESCO file has no ${name} column`);
  return value.trim();
}

/** The last segment of an ESCO concept URI: the uuid of a skill. */
export function escoUuid(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
