import { foldAccents, type CefrLevel } from '@talentgraph/vocabulary';

/**
 * Spoken languages and their levels as CVs state them, in English and French. A CEFR level written
 * out ("B2", "niveau C1") is taken as is; otherwise words are read on the usual correspondence: native,
 * mother tongue, bilingual → C2; fluent, courant, advanced → C1; professional working, good command,
 * upper intermediate → B2; intermediate, conversational → B1; elementary, basic, notions, scolaire →
 * A2; beginner, débutant → A1. TOEIC and IELTS scores map to their published CEFR thresholds.
 */

/** Language names (English, French and the language's own name, accent-free, lower case) by ISO 639-1 code. */
const LANGUAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  en: ['english', 'anglais'],
  fr: ['french', 'francais'],
  de: ['german', 'allemand', 'deutsch'],
  es: ['spanish', 'espagnol', 'espanol', 'castilian', 'castillan'],
  it: ['italian', 'italien', 'italiano'],
  pt: ['portuguese', 'portugais', 'portugues'],
  nl: ['dutch', 'neerlandais', 'flemish', 'flamand', 'nederlands'],
  ar: ['arabic', 'arabe'],
  zh: ['chinese', 'mandarin', 'chinois', 'cantonese', 'cantonais'],
  ja: ['japanese', 'japonais'],
  ko: ['korean', 'coreen'],
  ru: ['russian', 'russe'],
  pl: ['polish', 'polonais'],
  tr: ['turkish', 'turc'],
  sv: ['swedish', 'suedois'],
  no: ['norwegian', 'norvegien'],
  da: ['danish', 'danois'],
  fi: ['finnish', 'finnois'],
  el: ['greek', 'grec'],
  he: ['hebrew', 'hebreu'],
  hi: ['hindi'],
  ur: ['urdu', 'ourdou'],
  bn: ['bengali', 'bangla'],
  fa: ['persian', 'farsi', 'persan'],
  ro: ['romanian', 'roumain'],
  hu: ['hungarian', 'hongrois'],
  cs: ['czech', 'tcheque'],
  sk: ['slovak', 'slovaque'],
  uk: ['ukrainian', 'ukrainien'],
  bg: ['bulgarian', 'bulgare'],
  hr: ['croatian', 'croate'],
  sr: ['serbian', 'serbe'],
  ca: ['catalan'],
  eu: ['basque'],
  br: ['breton'],
  vi: ['vietnamese', 'vietnamien'],
  th: ['thai', 'thailandais'],
  id: ['indonesian', 'indonesien'],
  ms: ['malay', 'malais'],
  tl: ['tagalog', 'filipino'],
  sw: ['swahili'],
  wo: ['wolof'],
  ln: ['lingala'],
  am: ['amharic', 'amharique'],
  ta: ['tamil', 'tamoul'],
  pa: ['punjabi', 'pendjabi'],
  lb: ['luxembourgish', 'luxembourgeois'],
  ga: ['irish', 'irlandais', 'gaelic'],
  sq: ['albanian', 'albanais'],
  hy: ['armenian', 'armenien'],
  ka: ['georgian', 'georgien'],
};

const CODE_BY_NAME = new Map<string, string>(
  Object.entries(LANGUAGE_NAMES).flatMap(([code, names]) => names.map((name) => [name, code] as const)),
);

const LANGUAGE_PATTERN = new RegExp(
  `(?<![a-z])(${[...CODE_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z])`,
  'g',
);

/** Level words, longest phrases first so that "upper intermediate" wins over "intermediate". */
const LEVEL_WORDS: readonly (readonly [CefrLevel, readonly string[]])[] = [
  [
    'C2',
    [
      'native or bilingual proficiency',
      'native speaker',
      'native',
      'mother tongue',
      'first language',
      'bilingual',
      'langue maternelle',
      'maternelle',
      'natif',
      'native',
      'bilingue',
      'mastery',
      'maitrise parfaite',
    ],
  ],
  [
    'C1',
    [
      'full professional proficiency',
      'fluent',
      'fluently',
      'fluency',
      'advanced',
      'proficient',
      'courant',
      'couramment',
      'avance',
      'tres bon niveau',
      'excellent',
      'lu ecrit parle',
    ],
  ],
  [
    'B2',
    [
      'professional working proficiency',
      'upper intermediate',
      'good command',
      'good',
      'working knowledge',
      'professionnel',
      'professionnelle',
      'bon niveau',
      'operationnel',
      'operationnelle',
      'independent',
      'bon',
      'intermediaire avance',
      'business',
    ],
  ],
  [
    'B1',
    ['limited working proficiency', 'intermediate', 'conversational', 'intermediaire', 'moyen', 'correct'],
  ],
  [
    'A2',
    [
      'elementary proficiency',
      'elementary',
      'basic',
      'basics',
      'notions',
      'scolaire',
      'elementaire',
      'bases',
      'pre intermediate',
    ],
  ],
  ['A1', ['beginner', 'debutant', 'debutante', 'starter', 'novice']],
];

const LEVEL_PHRASES: readonly (readonly [CefrLevel, string])[] = LEVEL_WORDS.flatMap(([level, words]) =>
  words.map((word) => [level, word] as const),
).sort(([, a], [, b]) => b.length - a.length);

export interface StatedLanguage {
  /** ISO 639-1 code, lower case. */
  readonly code: string;
  /** The name as written. */
  readonly name: string;
  readonly level: CefrLevel | null;
  /** How the level was found: written as a CEFR level or a test score, or read from words. */
  readonly levelSource: 'CEFR' | 'SCORE' | 'WORDS' | null;
  /** The words the level was read from. */
  readonly levelText: string | null;
}

function fold(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[’']/g, ' ').replace(/[-_/]/g, ' ');
}

function toeicLevel(score: number): CefrLevel | null {
  if (score < 10 || score > 990) return null;
  if (score >= 945) return 'C1';
  if (score >= 785) return 'B2';
  if (score >= 550) return 'B1';
  if (score >= 225) return 'A2';
  return 'A1';
}

function ieltsLevel(band: number): CefrLevel | null {
  if (band < 1 || band > 9) return null;
  if (band >= 8.5) return 'C2';
  if (band >= 7) return 'C1';
  if (band >= 5.5) return 'B2';
  if (band >= 4) return 'B1';
  return 'A2';
}

/** The level stated in `text` (the words next to a language name), or null. */
export function levelFromText(text: string): Pick<StatedLanguage, 'level' | 'levelSource' | 'levelText'> {
  const cefr = /(?<![A-Za-z0-9])([ABC][12])(?![0-9])/i.exec(text);
  if (cefr?.[1])
    return { level: cefr[1].toUpperCase() as CefrLevel, levelSource: 'CEFR', levelText: cefr[1] };
  const toeic = /toeic\D{0,12}(\d{2,3})/i.exec(text);
  const toeicCefr = toeic?.[1] ? toeicLevel(Number(toeic[1])) : null;
  if (toeic && toeicCefr) return { level: toeicCefr, levelSource: 'SCORE', levelText: toeic[0] };
  const ielts = /ielts\D{0,12}(\d(?:[.,]5)?)/i.exec(text);
  const ieltsCefr = ielts?.[1] ? ieltsLevel(Number(ielts[1].replace(',', '.'))) : null;
  if (ielts && ieltsCefr) return { level: ieltsCefr, levelSource: 'SCORE', levelText: ielts[0] };
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [level, phrase] of LEVEL_PHRASES) {
    if (folded.includes(` ${phrase} `)) return { level, levelSource: 'WORDS', levelText: phrase };
  }
  return { level: null, levelSource: null, levelText: null };
}

/**
 * The languages named in one line of a languages section (or a "Languages:" line), each with the level
 * written next to it: "Français (natif), Anglais (courant - TOEIC 900), Espagnol : notions".
 */
export function languagesInLine(line: string): StatedLanguage[] {
  const folded = fold(line);
  // Folding keeps positions unless the line holds decomposed accents; then the folded text is sliced.
  const source = folded.length === line.length ? line : folded;
  const matches = [...folded.matchAll(LANGUAGE_PATTERN)];
  return matches.flatMap((match, index) => {
    const name = match[1] ?? '';
    const code = CODE_BY_NAME.get(name);
    if (!code) return [];
    const start = match.index + match[0].length;
    const end = matches[index + 1]?.index ?? source.length;
    const written = source.slice(match.index, match.index + match[0].length);
    return [{ code, name: written, ...levelFromText(source.slice(start, end)) }];
  });
}
