import { foldCase } from './names.ts';
import { type Skill, type SkillLanguage, type SkillName, taxonomy } from './taxonomy.ts';

/** Why a mention was accepted. */
export type MentionEvidence =
  /** The name is unambiguous on its own ("Kubernetes", "machine learning", "C#"). */
  | 'name'
  /** The name is also an ordinary word ("Go", "Excel", "R") and has a technical context: other skills nearby, an item of a list of skills, or a word such as "programming" or "framework". */
  | 'context'
  /** The name is also an ordinary word and the caller said the text is a skills section. */
  | 'skills-section';

export interface SkillMention {
  /** Offsets in the text given, `text.slice(start, end)` being the mention. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The skill's name that was recognised. */
  readonly name: string;
  readonly evidence: MentionEvidence;
  readonly confidence: number;
}

export interface SkillInText {
  readonly skill: Skill;
  /** The best confidence among the mentions (0.95 an unambiguous label … 0.7 an ordinary word in context). */
  readonly confidence: number;
  /** Every mention, in text order. */
  readonly mentions: readonly SkillMention[];
}

export interface FindSkillsOptions {
  /** Only names of this language (plus those written the same in both) are looked for; default both. */
  readonly language?: SkillLanguage;
  /**
   * The text is a skills section (a CV's "Skills" / "Compétences" block, an offer's requirements list):
   * names that are also ordinary words are accepted when written with their usual capitalization or as
   * an item of a list.
   */
  readonly skillsSection?: boolean;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, no accents, no soft hyphen; `.`, `+`, `#` kept (".net", "c++", "c#"). */
  readonly key: string;
  /** The text between the previous token and this one. */
  readonly gapBefore: string;
}

interface Phrase {
  readonly keys: readonly string[];
  readonly name: SkillName;
  /** The name's own tokens, for exact-capitalization checks. */
  readonly texts: readonly string[];
  readonly ambiguous: boolean;
  readonly caseSensitive: boolean;
}

interface Candidate {
  readonly phrase: Phrase;
  readonly first: number;
  readonly last: number;
}

const TOKEN = /(?<![\p{L}\p{N}])\.?[\p{L}\p{N}][\p{L}\p{N}\u00AD]*(?:[+#]+(?![\p{L}\p{N}]))?/gu;

/** Words that make a neighbouring ambiguous name technical ("programming in Go", "R language"). */
const TECH_CUES = new Set([
  'programming',
  'programmer',
  'program',
  'language',
  'languages',
  'langage',
  'langages',
  'framework',
  'frameworks',
  'library',
  'libraries',
  'librairie',
  'librairies',
  'bibliotheque',
  'bibliotheques',
  'developer',
  'developers',
  'developpeur',
  'developpeuse',
  'developpement',
  'development',
  'developing',
  'coding',
  'coded',
  'code',
  'stack',
  'sdk',
  'api',
  'apis',
  'ide',
  'scripting',
  'scripts',
  'backend',
  'frontend',
  'software',
  'logiciel',
  'logiciels',
  'tool',
  'tools',
  'outil',
  'outils',
  'technologies',
  'technologie',
  'technology',
  'skills',
  'competences',
  'certified',
  'certification',
]);

/** Characters that separate the items of a list of skills. */
const LIST_SEPARATORS = new Set([
  ',',
  ';',
  '|',
  '/',
  '•',
  '·',
  '◦',
  '▪',
  '●',
  '(',
  ')',
  '[',
  ']',
  ':',
  '–',
  '—',
  '*',
  '-',
  '+',
  '\n',
]);
const LIST_WORDS = new Set(['and', 'or', 'et', 'ou', '&']);
const CONTEXT_WINDOW = 8;
/** How much text around a mention decides whether it opens a sentence or is a list item. */
const SURROUNDINGS = 100;

let phraseIndex: ReadonlyMap<string, readonly Phrase[]> | undefined;

function phrases(): ReadonlyMap<string, readonly Phrase[]> {
  if (phraseIndex !== undefined) return phraseIndex;
  const index = new Map<string, Phrase[]>();
  const add = (phrase: Phrase) => {
    const first = phrase.keys[0];
    if (first === undefined) return;
    const list = index.get(first);
    if (list === undefined) index.set(first, [phrase]);
    else list.push(phrase);
  };
  for (const name of taxonomy().names) {
    const tokens = tokenize(name.text);
    const texts = tokens.map((token) => token.text);
    const single = tokens.length === 1 ? tokens[0]!.text : undefined;
    const phrase: Phrase = {
      keys: tokens.map((token) => token.key),
      name,
      texts,
      ambiguous: name.needsContext || (single !== undefined && isOrdinaryWord(single, name)),
      caseSensitive: name.caseSensitive || (single !== undefined && isShortAcronym(single)),
    };
    add(phrase);
    // Names of several words are also written as one: "ArgoCD", "TailwindCss", "SpringBoot".
    if (tokens.length > 1) add({ ...phrase, keys: [compoundKey(tokens)], texts: [texts.join('')] });
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  phraseIndex = index;
  return index;
}

/**
 * A single-word name that reads as an ordinary word unless the context is technical: single letters
 * ("R", "C"), and ESCO's one-word names in plain lower or title case ("sensors", "plan", "Canvas",
 * "Source"). Curated names are marked by hand (needsContext).
 */
function isOrdinaryWord(text: string, name: SkillName): boolean {
  if (/^\p{L}$/u.test(text)) return true;
  return name.skill.source === 'esco' && /^\p{Lu}?[\p{Ll}\u00AD-]+$/u.test(text);
}

/** "AI", "ML", "UX", "MDX": short capitals that are words in lower case ("j'ai", "ml" of a recipe). */
function isShortAcronym(text: string): boolean {
  return /^[\p{Lu}\p{N}]{2,4}$/u.test(text) && /\p{Lu}/u.test(text);
}

function compoundKey(tokens: readonly Token[]): string {
  return tokens.map((token, index) => (index === 0 ? token.key : token.key.replace(/^\./, ''))).join('');
}

function tokenize(text: string): Token[] {
  let previousEnd = 0;
  return [...text.matchAll(TOKEN)].map((match) => {
    const token = {
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      key: foldCase(match[0]).replace(/\u00AD/g, ''),
      gapBefore: text.slice(previousEnd, match.index),
    };
    previousEnd = token.end;
    return token;
  });
}

/** Web addresses and e-mail addresses, replaced by spaces so their words ("github.com") are not skills. */
function withoutAddresses(text: string): string {
  // Bare domains only with top-level domains that no skill name ends with (".NET", "Socket.IO" are names).
  return text.replace(
    /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|fr|eu|de|edu|me|co)\b(?:\/\S*)?/gi,
    (address) => ' '.repeat(address.length),
  );
}

/**
 * The canonical skills named in free text (a CV, an offer): multi-word names ("machine learning",
 * "gestion de projet"), names with punctuation ("C#", "C++", ".NET", "Node.js", "CI/CD"), aliases
 * ("k8s", "ReactJS"). Names that are also ordinary words ("Go", "Swift", "Excel", "Make", "R", "Vue",
 * "Tableau") are only accepted with a technical context: written with their usual capitalization, not
 * opening a sentence, and near another skill or a word such as "programming" — or as an item of a list of
 * skills, or anywhere in a skills section (`skillsSection`). No typo tolerance here: free text has too
 * many words one letter away from a skill. Web and e-mail addresses are ignored.
 */
export function findSkillsInText(text: string, options: FindSkillsOptions = {}): SkillInText[] {
  const tokens = tokenize(withoutAddresses(text));
  const candidates = candidatesIn(tokens, options.language);
  const mentions = new Map<Skill, SkillMention[]>();
  for (const [index, candidate] of candidates.entries()) {
    const evidence = candidate.phrase.ambiguous
      ? ambiguousEvidence(index, text, tokens, candidates, options.skillsSection === true)
      : 'name';
    if (evidence === undefined) continue;
    const start = tokens[candidate.first]!.start;
    const end = tokens[candidate.last]!.end;
    const skill = candidate.phrase.name.skill;
    const mention: SkillMention = {
      start,
      end,
      text: text.slice(start, end),
      name: candidate.phrase.name.text,
      evidence,
      confidence: confidenceOf(candidate.phrase, evidence),
    };
    const known = mentions.get(skill);
    if (known === undefined) mentions.set(skill, [mention]);
    else known.push(mention);
  }
  return [...mentions.entries()]
    .map(([skill, found]) => ({
      skill,
      confidence: Math.max(...found.map((mention) => mention.confidence)),
      mentions: found,
    }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Longest name at each position, left to right; names may continue over spaces and joining punctuation only. */
function candidatesIn(tokens: readonly Token[], language: SkillLanguage | undefined): Candidate[] {
  const index = phrases();
  const found: Candidate[] = [];
  let position = 0;
  while (position < tokens.length) {
    const match = longestPhraseAt(tokens, position, index, language);
    if (match === undefined) {
      position += 1;
    } else {
      found.push(match);
      position = match.last + 1;
    }
  }
  return found;
}

function longestPhraseAt(
  tokens: readonly Token[],
  position: number,
  index: ReadonlyMap<string, readonly Phrase[]>,
  language: SkillLanguage | undefined,
): Candidate | undefined {
  let best: Candidate | undefined;
  const consider = (phrase: Phrase, last: number, matches: boolean) => {
    if (language !== undefined && phrase.name.language !== 'any' && phrase.name.language !== language) return;
    if (last >= tokens.length || !matches) return;
    if (phrase.caseSensitive && !sameWriting(tokens, position, last, phrase)) return;
    if (
      best === undefined ||
      last > best.last ||
      (last === best.last && preferred(phrase, best.phrase, language))
    ) {
      best = { phrase, first: position, last };
    }
  };
  for (const phrase of index.get(tokens[position]!.key) ?? []) {
    const last = position + phrase.keys.length - 1;
    consider(phrase, last, last < tokens.length && phraseMatches(tokens, position, phrase));
  }
  // One word written with joining punctuation ("React.js" for "ReactJS", "e-commerce" for "ecommerce"),
  // or with a version glued to it ("Vue3", "Python3").
  for (let last = position; last < tokens.length && (last === position || glued(tokens[last]!)); last += 1) {
    const key = compoundKey(tokens.slice(position, last + 1));
    const keys =
      last === position ? [key.replace(/(?<=\D)\d+$/, '')].filter((stripped) => stripped !== key) : [key];
    for (const phraseKey of keys) {
      for (const phrase of index.get(phraseKey) ?? [])
        if (phrase.keys.length === 1) consider(phrase, last, true);
    }
  }
  return best;
}

function phraseMatches(tokens: readonly Token[], position: number, phrase: Phrase): boolean {
  return phrase.keys.every(
    (key, offset) =>
      tokens[position + offset]!.key === key && (offset === 0 || joined(tokens[position + offset]!)),
  );
}

/** Whether a token is attached to the previous one by one joining character and no space ("Node.js"). */
function glued(token: Token): boolean {
  return /^[-./]$/.test(token.gapBefore);
}

/** Whether a token may continue a name: after spaces (one line break at most) or one of - . / & ’ '. */
function joined(token: Token): boolean {
  return /^(?:[ \t\u00A0]*[-./&'’]?[ \t\u00A0]*|[ \t\u00A0]*\n[ \t\u00A0]*)$/.test(token.gapBefore);
}

/** Whether the text writes the name with its own capitalization (a glued version number aside: "Vue3"). */
function sameWriting(tokens: readonly Token[], first: number, last: number, phrase: Phrase): boolean {
  const written = tokens
    .slice(first, last + 1)
    .map((token) => token.text.replace(/\u00AD/g, ''))
    .join(phrase.texts.length === 1 ? '' : ' ');
  const own = phrase.texts.join(' ');
  return written === own || written.replace(/(?<=\D)\d+$/, '') === own;
}

/** For two names with the same extent: the requested language's, then the curated skill's. */
function preferred(phrase: Phrase, other: Phrase, language: SkillLanguage | undefined): boolean {
  const speaks = (candidate: Phrase) =>
    language === undefined || candidate.name.language === 'any' || candidate.name.language === language
      ? 1
      : 0;
  return (
    phrase.keys.length > other.keys.length ||
    speaks(phrase) - speaks(other) > 0 ||
    (speaks(phrase) === speaks(other) && phrase.name.skill.weight > other.name.skill.weight)
  );
}

function ambiguousEvidence(
  index: number,
  text: string,
  tokens: readonly Token[],
  candidates: readonly Candidate[],
  skillsSection: boolean,
): MentionEvidence | undefined {
  const candidate = candidates[index]!;
  const first = tokens[candidate.first]!;
  const last = tokens[candidate.last]!;
  const singleLetter = candidate.first === candidate.last && /^\p{L}$/u.test(first.text);
  const exactCase = sameWriting(tokens, candidate.first, candidate.last, candidate.phrase);
  const rawBefore = text.slice(Math.max(0, first.start - SURROUNDINGS), first.start);
  const rawAfter = text.slice(last.end, last.end + SURROUNDINGS);
  // Nothing but spaces for SURROUNDINGS characters counts as a boundary, like the start of the text.
  const before = rawBefore.replace(/[ \t\u00A0]+$/, '');
  const after = rawAfter.replace(/^[ \t\u00A0]+/, '');
  if (singleLetter && (/[&.'’-]$/.test(rawBefore) || /^[&'’-]|^\.\S/.test(rawAfter))) {
    return undefined; // "R&D", "C-level", "J.R.R."
  }
  const previousToken = tokens[candidate.first - 1];
  if (previousToken !== undefined && /^\d+$/.test(previousToken.key) && joined(first)) {
    return undefined; // "16 Go de RAM"
  }
  const listItem = isListBoundary(before, 'before') && isListBoundary(after, 'after');
  const nearby = neighbours(candidates, index).filter(
    (other) => !blankLineBetween(text, tokens, other, candidate),
  );
  const sameList = nearby.length > 0;
  if (skillsSection && (exactCase || listItem)) return 'skills-section';
  if (listItem && sameList && (exactCase || !singleLetter)) return 'context';
  const opensSentence = before === '' || /[.!?\n]$/.test(before);
  // Nearby technical words vouch for the curated technologies only: soft skills ("Communication") are
  // ordinary words in any sentence, and ESCO's one-word names ("Source", "Canvas") too rare to guess.
  const { name } = candidate.phrase;
  const technical = name.needsContext && name.skill.category !== 'soft-skills';
  if (!exactCase || opensSentence || !technical) return undefined;
  const nearSkill = nearby.some((other) => !other.phrase.ambiguous);
  const nearCue = tokens
    .slice(Math.max(0, candidate.first - 4), candidate.last + 5)
    .some((token) => TECH_CUES.has(token.key));
  return nearSkill || nearCue ? 'context' : undefined;
}

/** The other candidates within CONTEXT_WINDOW tokens (candidates are in text order). */
function neighbours(candidates: readonly Candidate[], index: number): Candidate[] {
  const candidate = candidates[index]!;
  const found: Candidate[] = [];
  for (
    let other = index - 1;
    other >= 0 && candidate.first - candidates[other]!.last <= CONTEXT_WINDOW;
    other -= 1
  ) {
    found.push(candidates[other]!);
  }
  for (
    let other = index + 1;
    other < candidates.length && candidates[other]!.first - candidate.last <= CONTEXT_WINDOW;
    other += 1
  ) {
    found.push(candidates[other]!);
  }
  return found;
}

function isListBoundary(side: string, where: 'before' | 'after'): boolean {
  if (side === '') return true;
  const char = where === 'before' ? side[side.length - 1]! : side[0]!;
  if (LIST_SEPARATORS.has(char)) return true;
  if (where === 'after' && (char === '.' || char === '\r') && /^[.\r]\s*(\n|$)/.test(side)) return true;
  const word = where === 'before' ? /(\S+)$/.exec(side)?.[1] : /^(\S+)/.exec(side)?.[1];
  return word !== undefined && LIST_WORDS.has(foldCase(word));
}

function blankLineBetween(text: string, tokens: readonly Token[], a: Candidate, b: Candidate): boolean {
  const [from, to] = a.first < b.first ? [a, b] : [b, a];
  return /\n[ \t\u00A0]*\n/.test(text.slice(tokens[from.last]!.end, tokens[to.first]!.start));
}

function confidenceOf(phrase: Phrase, evidence: MentionEvidence): number {
  if (evidence === 'context') return 0.7;
  if (evidence === 'skills-section') return 0.8;
  // ESCO competences are verb phrases ("manage data") that running text uses without claiming a skill.
  if (phrase.name.skill.weight === 1) return 0.75;
  return phrase.name.kind === 'label' ? 0.95 : 0.9;
}
