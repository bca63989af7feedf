import { baseName, foldCase, nameKey } from './names.ts';
import { type Skill, type SkillLanguage, type SkillName, taxonomy } from './taxonomy.ts';

/** Why a mention was accepted. */
export type MentionEvidence =
  /** The name is unambiguous on its own ("Kubernetes", "machine learning", "C#"). */
  | 'name'
  /**
   * The name is also an ordinary word ("Go", "Excel", "R", "Communication") and its surroundings vouch for
   * it: an item of a list of skills, or (technologies only) other skills or a word such as "programming"
   * nearby. See the README for the rules.
   */
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
  /**
   * What a mention must have besides the name: nothing, a technical `context` (or a list), or to be an
   * item of a `list` (or in a skills section).
   */
  readonly needs: 'nothing' | 'context' | 'list';
  readonly caseSensitive: boolean;
}

interface Candidate {
  readonly phrase: Phrase;
  readonly first: number;
  readonly last: number;
}

const TOKEN = /(?<![\p{L}\p{N}])\.?[\p{L}\p{N}][\p{L}\p{N}\u00AD]*(?:[+#]+(?![\p{L}\p{N}]))?/gu;

/** Words that make a neighbouring ordinary-word name technical ("programming in Go", "R language"). */
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
      needs: needsOf(name, single),
      caseSensitive: name.caseSensitive || (single !== undefined && isShortAcronym(single)),
    };
    add(phrase);
    if (tokens.length > 1) {
      // Names of several words are also written as one: "ArgoCD", "TailwindCss", "SpringBoot".
      add({ ...phrase, keys: [compoundKey(tokens)], texts: [texts.join('')] });
      // … and with their last word in the singular or the plural: "neural network", "usability tests".
      const lastKey = otherNumber(phrase.keys[phrase.keys.length - 1]!);
      const lastText = otherNumber(texts[texts.length - 1]!);
      if (lastKey !== undefined && lastText !== undefined) {
        add({
          ...phrase,
          keys: [...phrase.keys.slice(0, -1), lastKey],
          texts: [...texts.slice(0, -1), lastText],
        });
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  phraseIndex = index;
  return index;
}

/**
 * How much a name needs beyond itself to count as a skill in running text. Curated names marked
 * `needsContext` and single letters need a technical context, except soft skills, which are ordinary
 * words in any sentence ("communication") and count in lists only. ESCO names count in lists only when
 * they are one word in plain lower or title case ("sensors", "Canvas"), a name ESCO itself had to
 * disambiguate with a parenthesis ("SaaS" of "SaaS (service-oriented modelling)"), or a competence
 * (verb phrases such as "manage data" that running text uses without claiming a skill).
 */
function needsOf(name: SkillName, single: string | undefined): Phrase['needs'] {
  const { skill } = name;
  if (skill.source === 'curated') {
    if (!name.needsContext && !(single !== undefined && /^\p{L}$/u.test(single))) return 'nothing';
    return skill.category === 'soft-skills' ? 'list' : 'context';
  }
  const ordinaryWord = single !== undefined && /^\p{Lu}?[\p{Ll}\u00AD-]+$/u.test(single);
  const disambiguated =
    name.kind === 'alias' && /\)$/.test(skill.label.en) && nameKey(baseName(skill.label.en)) === name.key;
  return ordinaryWord || disambiguated || skill.weight === 1 ? 'list' : 'nothing';
}

/** The same word in the other grammatical number, for the endings English and French mostly use. */
function otherNumber(word: string): string | undefined {
  if (!/^\p{L}{4,}$/u.test(word)) return undefined;
  if (/[^s]s$/iu.test(word) || /(au|eu)x$/iu.test(word)) return word.slice(0, -1);
  if (/(au|eu)$/iu.test(word)) return `${word}x`;
  return /s$/iu.test(word) ? undefined : `${word}s`;
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
  let coveredUntil = -1;
  for (const [index, candidate] of candidates.entries()) {
    // Candidates overlap ("manage data" / "data pipelines"): the first one accepted takes the words.
    if (candidate.first <= coveredUntil) continue;
    const evidence =
      candidate.phrase.needs !== 'nothing'
        ? contextEvidence(index, text, tokens, candidates, options.skillsSection === true)
        : 'name';
    if (evidence === undefined) continue;
    coveredUntil = candidate.last;
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

/**
 * The longest name starting at each word, in text order; names continue over spaces and joining
 * punctuation only. They may overlap: which one wins depends on the evidence for each.
 */
function candidatesIn(tokens: readonly Token[], language: SkillLanguage | undefined): Candidate[] {
  const index = phrases();
  const found: Candidate[] = [];
  for (let position = 0; position < tokens.length; position += 1) {
    const match = longestPhraseAt(tokens, position, index, language);
    if (match !== undefined) found.push(match);
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

function contextEvidence(
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
  if (!exactCase || opensSentence || candidate.phrase.needs !== 'context') return undefined;
  const nearSkill = nearby.some((other) => other.phrase.needs === 'nothing');
  const nearCue = tokens
    .slice(Math.max(0, candidate.first - 4), candidate.last + 5)
    .some((token) => TECH_CUES.has(token.key));
  return nearSkill || nearCue ? 'context' : undefined;
}

/** The other candidates within CONTEXT_WINDOW tokens, not overlapping this one (candidates are in text order). */
function neighbours(candidates: readonly Candidate[], index: number): Candidate[] {
  const candidate = candidates[index]!;
  const found: Candidate[] = [];
  for (
    let other = index - 1;
    other >= 0 && candidate.first - candidates[other]!.first <= CONTEXT_WINDOW;
    other -= 1
  ) {
    if (candidates[other]!.last < candidate.first) found.push(candidates[other]!);
  }
  for (
    let other = index + 1;
    other < candidates.length && candidates[other]!.first - candidate.last <= CONTEXT_WINDOW;
    other += 1
  ) {
    if (candidates[other]!.first > candidate.last) found.push(candidates[other]!);
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
  return phrase.name.kind === 'label' ? 0.95 : 0.9;
}
