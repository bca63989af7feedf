import { findSkillsInText, normalizeSkill, searchSkills, type Skill } from '@talentgraph/skills';
import type { EntryKind, RawEntry } from './entries.ts';
import { evidenceOf } from './evidence.ts';
import type { ParsedSkill, SkillSource, Suggested } from './parsed-cv.ts';
import type { NumberedLine, Section, SectionKind } from './sections.ts';

/**
 * Skills of a CV, recognized by the shared taxonomy (`@talentgraph/skills`): first what the candidate
 * claims (skills sections, "Technologies: …" lines), then what the experiences, projects and summary
 * show them using. Sections about something else (languages, interests, publications, awards, contact,
 * references) are not read for skills.
 */

/** How much a mention in each kind of place says about the candidate having the skill. */
const SOURCE_WEIGHT: Readonly<Record<SkillSource, number>> = {
  SKILLS_SECTION: 1,
  EXPERIENCE: 0.85,
  PROJECTS: 0.8,
  SUMMARY: 0.8,
  EDUCATION: 0.7,
  OTHER: 0.65,
};

const SOURCE_OF_SECTION: Partial<Record<SectionKind, SkillSource>> = {
  skills: 'SKILLS_SECTION',
  experience: 'EXPERIENCE',
  projects: 'PROJECTS',
  summary: 'SUMMARY',
  education: 'EDUCATION',
  certifications: 'OTHER',
  volunteering: 'OTHER',
  publications: 'OTHER',
};

/**
 * "Techs: Meteor, Bash", "Compétences : Java", "ML Frameworks: PyTorch", "Environnement technique : Java,
 * Spring": a list of skills under a label, in a header or inside an experience.
 */
const SKILLS_LABELS = [
  '(?:technical |key |core |hard )?skills',
  'techs?',
  'technolog(?:y|ies)',
  'tech stack',
  'stack',
  'tools',
  '[\\p{L} ]{0,20}frameworks?',
  'fields',
  'expertise',
  'programming(?: languages)?',
  'databases?',
  'infrastructure',
  '(?:technical )?environment',
  'comp[ée]tences(?: techniques| informatiques)?',
  'outils',
  'logiciels',
  'langages(?: de programmation)?',
  'environnement(?: technique)?',
];
const SKILLS_LABEL = new RegExp(`^\\s*(?:${SKILLS_LABELS.join('|')})\\s*:`, 'iu');

const MAX_EVIDENCE_LINES = 5;

interface Block {
  readonly lines: readonly NumberedLine[];
  readonly source: SkillSource;
  readonly claimed: boolean;
}

interface Sighting {
  readonly skill: Skill;
  readonly source: SkillSource;
  readonly line: NumberedLine;
  readonly text: string;
  readonly confidence: number;
}

export interface SkillExtraction {
  readonly suggestions: Suggested<ParsedSkill>[];
  /** Ids of the skills named in an entry's header or description. */
  readonly skillIdsOf: (entry: RawEntry) => string[];
}

/**
 * The blocks of a section to read for skills. Degree lines (the header of an education entry) are left
 * out: "Master of Science in Computer Science" names a field of study, not a skill.
 */
function blocksOf(
  section: Section,
  entryKinds: ReadonlyMap<number, EntryKind>,
  degreeLines: ReadonlySet<number>,
): Block[] {
  if (section.kind === 'header') {
    const claimed = section.lines.filter((line) => SKILLS_LABEL.test(line.text));
    const rest = section.lines.filter((line) => !SKILLS_LABEL.test(line.text));
    return [
      { lines: claimed, source: 'SKILLS_SECTION', claimed: true },
      { lines: rest, source: 'SUMMARY', claimed: false },
    ];
  }
  const source = SOURCE_OF_SECTION[section.kind];
  if (!source) return [];
  if (section.kinds.length === 1) {
    const lines = section.lines.filter((line) => !degreeLines.has(line.number));
    return [{ lines, source, claimed: source === 'SKILLS_SECTION' }];
  }
  // A mixed timeline: each line counts as the kind of entry it belongs to.
  const sourceOfEntry: Record<EntryKind, SkillSource> = {
    experience: 'EXPERIENCE',
    project: 'PROJECTS',
    education: 'EDUCATION',
    certification: 'OTHER',
  };
  return (['experience', 'project', 'education', 'certification'] as const).map((kind) => ({
    lines: section.lines.filter(
      (line) => (entryKinds.get(line.number) ?? 'experience') === kind && !degreeLines.has(line.number),
    ),
    source: sourceOfEntry[kind],
    claimed: false,
  }));
}

/** Longest item of a claimed list read as one skill name. */
const MAX_ITEM_WORDS = 4;
const MAX_ITEM_LENGTH = 40;
/** Lowest confidence of a typo-tolerant match accepted for a list item. */
const MIN_FUZZY_ITEM_CONFIDENCE = 0.8;

/**
 * The items of a claimed list line: "Techs: Meteor, Javascript, Mongo" → Meteor, Javascript, Mongo;
 * "PyCharm <tab> CLion"; "& LATEX". Levels and years in parentheses are dropped.
 */
function listItems(line: string): string[] {
  // A short label before a colon ("Languages:", "ML Frameworks:") names the list, not a skill.
  const withoutLabel = line.replace(/^[^:\t]{1,30}:(?!\/\/)/u, (label) =>
    label.trim().split(/\s+/).length <= 3 ? '' : label,
  );
  return withoutLabel
    .split(/\t|[,;•·|]|\s[-–—]\s/u)
    .map((item) =>
      item
        .replace(/\([^)]*\)/g, ' ')
        .replace(/^[^\p{L}\p{N}.#+]+|[^\p{L}\p{N}.#+]+$/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(
      (item) => item !== '' && item.length <= MAX_ITEM_LENGTH && item.split(' ').length <= MAX_ITEM_WORDS,
    );
}

/**
 * The skill a list item names, when it names one as a whole: an exact, alias or folded taxonomy name,
 * a close typo ("Data Analyse"), or a name written in other capitals ("LATEX" in an upper-case template).
 */
function itemSkill(item: string): { skill: Skill; confidence: number } | null {
  const normalized = normalizeSkill(item);
  if (normalized && (normalized.match !== 'fuzzy' || normalized.confidence >= MIN_FUZZY_ITEM_CONFIDENCE)) {
    return { skill: normalized.skill, confidence: normalized.confidence };
  }
  const [searched] = searchSkills(item, { limit: 1 });
  return searched?.match === 'exact' ? { skill: searched.skill, confidence: 0.85 } : null;
}

/** Items of the block's list lines: every line of a claimed block, labelled lines ("Environnement technique : …") of the others. */
function listSightings(block: Block): Sighting[] {
  const lists = block.claimed ? block.lines : block.lines.filter((line) => SKILLS_LABEL.test(line.text));
  return lists.flatMap((line) =>
    listItems(line.text).flatMap((item) => {
      const found = itemSkill(item);
      return found
        ? [{ skill: found.skill, source: block.source, line, text: item, confidence: found.confidence }]
        : [];
    }),
  );
}

function sightingsIn(block: Block): Sighting[] {
  if (block.lines.length === 0) return [];
  return [...textSightings(block), ...listSightings(block)];
}

function textSightings(block: Block): Sighting[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of block.lines) {
    starts.push(offset);
    offset += line.text.length + 1;
  }
  const text = block.lines.map((line) => line.text).join('\n');
  const lineAt = (position: number): NumberedLine => {
    let index = starts.length - 1;
    while (index > 0 && (starts[index] ?? 0) > position) index -= 1;
    return block.lines[index] as NumberedLine;
  };
  // Both languages are searched: French CVs name most technologies in English ("Data Science").
  return findSkillsInText(text, { skillsSection: block.claimed }).flatMap((found) =>
    found.mentions.map((mention) => ({
      skill: found.skill,
      source: block.source,
      line: lineAt(mention.start),
      text: mention.text,
      confidence: mention.confidence,
    })),
  );
}

function confidenceOf(sightings: readonly Sighting[]): number {
  const best = Math.max(...sightings.map((sighting) => sighting.confidence * SOURCE_WEIGHT[sighting.source]));
  const corroboration =
    Math.min(3, new Set(sightings.map((sighting) => sighting.line.number)).size - 1) * 0.03;
  return Math.round(Math.min(0.97, best + corroboration) * 100) / 100;
}

/** Skills found in the sections of a CV, one suggestion per taxonomy skill, strongest first. */
export function extractSkills(
  sections: readonly Section[],
  entries: readonly { readonly entry: RawEntry; readonly kind: EntryKind }[],
  language: 'en' | 'fr',
): SkillExtraction {
  const entryKinds = new Map<number, EntryKind>();
  const degreeLines = new Set<number>();
  for (const { entry, kind } of entries) {
    for (const line of [...entry.header, ...entry.description]) entryKinds.set(line.number, kind);
    if (kind === 'education') for (const line of entry.header) degreeLines.add(line.number);
  }
  const sightings = sections
    .flatMap((section) => blocksOf(section, entryKinds, degreeLines))
    .flatMap(sightingsIn);
  const bySkill = new Map<Skill, Sighting[]>();
  for (const sighting of sightings)
    bySkill.set(sighting.skill, [...(bySkill.get(sighting.skill) ?? []), sighting]);

  const suggestions = [...bySkill.entries()].map(([skill, seen]): Suggested<ParsedSkill> => {
    const sources = [...new Set(seen.map((sighting) => sighting.source))].sort(
      (a, b) => SOURCE_WEIGHT[b] - SOURCE_WEIGHT[a],
    );
    const lines = [...new Map(seen.map((sighting) => [sighting.line.number, sighting.line])).values()];
    const first = seen[0] as Sighting;
    return {
      key: `skill:${skill.id}`,
      value: {
        skillId: skill.id,
        name: skill.label[language],
        matchedText: first.text,
        sources,
        mentions: seen.length,
      },
      confidence: confidenceOf(seen),
      evidence: {
        ...evidenceOf([first.line]),
        lines: lines.slice(0, MAX_EVIDENCE_LINES).map((line) => line.number),
      },
    };
  });
  suggestions.sort(
    (a, b) => b.confidence - a.confidence || a.value.name.localeCompare(b.value.name, language),
  );

  const skillsByLine = new Map<number, Set<string>>();
  for (const sighting of sightings) {
    skillsByLine.set(
      sighting.line.number,
      (skillsByLine.get(sighting.line.number) ?? new Set()).add(sighting.skill.id),
    );
  }
  return {
    suggestions,
    skillIdsOf: (entry) => [
      ...new Set(
        [...entry.header, ...entry.description].flatMap((line) => [...(skillsByLine.get(line.number) ?? [])]),
      ),
    ],
  };
}
