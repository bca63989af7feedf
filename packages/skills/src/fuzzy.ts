/**
 * Typo tolerance: the optimal-string-alignment variant of the Damerau-Levenshtein distance (insertions,
 * deletions, substitutions and adjacent transpositions each cost 1), and a trigram index that finds the
 * few keys worth comparing.
 */

/**
 * How many edits a key of this length may contain and still be recognised. Short keys get none: "go" is
 * one edit from "git", "r" from "c", "java" from "jade"; a typo in a short name cannot be told from
 * another name.
 */
export function allowedEdits(keyLength: number): number {
  if (keyLength <= 4) return 0;
  if (keyLength <= 7) return 1;
  if (keyLength <= 12) return 2;
  return 3;
}

/** Distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const lastRow = alignmentLastRow(a, b, max);
  return lastRow === undefined ? max + 1 : Math.min(lastRow[b.length]!, max + 1);
}

/** Smallest distance between `query` and a prefix of `key` (for text still being typed). */
export function prefixEditDistance(query: string, key: string, max: number): number {
  const lastRow = alignmentLastRow(query, key.slice(0, query.length + max), max);
  if (lastRow === undefined) return max + 1;
  let best = max + 1;
  for (let length = Math.max(1, query.length - max); length < lastRow.length; length += 1) {
    best = Math.min(best, lastRow[length]!);
  }
  return best;
}

/**
 * The last row of the optimal-string-alignment table of `a` against `b`: entry `j` is the distance
 * between `a` and the first `j` characters of `b`. Undefined as soon as every entry of a row exceeds `max`.
 */
function alignmentLastRow(a: string, b: string, max: number): Int32Array | undefined {
  const width = b.length + 1;
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return undefined;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous;
}

/** The trigrams of `text` as numbers (three 16-bit character codes), each once. */
function trigrams(text: string): number[] {
  const grams = new Set<number>();
  for (let index = 0; index + 3 <= text.length; index += 1) {
    grams.add(
      (text.charCodeAt(index) * 65536 + text.charCodeAt(index + 1)) * 65536 + text.charCodeAt(index + 2),
    );
  }
  return [...grams];
}

/**
 * Keys indexed by their trigrams, with `^` marking the start and `$` the end. One edit changes at most
 * four trigrams (three for an insertion, deletion or substitution, four for a transposition), so a key
 * within `d` edits of a query of `n` trigrams shares at least `n − 4d` of them.
 */
export class TrigramIndex {
  private readonly keys: readonly string[];
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Uint16Array;

  constructor(keys: readonly string[]) {
    this.keys = keys;
    keys.forEach((key, position) => {
      for (const gram of trigrams(`^${key}$`)) {
        const list = this.postings.get(gram);
        if (list === undefined) this.postings.set(gram, [position]);
        else list.push(position);
      }
    });
    this.counts = new Uint16Array(keys.length);
  }

  /**
   * Positions of the keys that may lie within `maxEdits` of `query` (whole keys), or of one of their
   * prefixes (`prefix: true`); the caller computes the exact distance.
   */
  candidates(query: string, maxEdits: number, prefix: boolean): number[] {
    const grams = trigrams(prefix ? `^${query}` : `^${query}$`);
    const needed = Math.max(1, grams.length - 4 * maxEdits);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const position of this.postings.get(gram) ?? []) {
        if (this.counts[position] === 0) touched.push(position);
        this.counts[position] = this.counts[position]! + 1;
      }
    }
    const found = touched.filter((position) => {
      const key = this.keys[position]!;
      const lengthFits = prefix
        ? key.length >= query.length - maxEdits
        : Math.abs(key.length - query.length) <= maxEdits;
      return lengthFits && this.counts[position]! >= needed;
    });
    for (const position of touched) this.counts[position] = 0;
    return found;
  }
}
