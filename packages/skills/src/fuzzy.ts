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
  let previousPrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMinimum = current[0];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Smallest distance between `query` and a prefix of `key` (for text still being typed). */
export function prefixEditDistance(query: string, key: string, max: number): number {
  let best = max + 1;
  const shortest = Math.max(1, query.length - max);
  const longest = Math.min(key.length, query.length + max);
  for (let length = shortest; length <= longest; length += 1) {
    best = Math.min(best, editDistance(query, key.slice(0, length), Math.min(max, best - 1)));
    if (best === 0) break;
  }
  return best;
}

function trigrams(text: string): string[] {
  const grams: string[] = [];
  for (let index = 0; index + 3 <= text.length; index += 1) grams.push(text.slice(index, index + 3));
  return grams;
}

/**
 * Keys indexed by their trigrams, with `^` marking the start and `$` the end. One edit changes at most
 * four trigrams (three for an insertion, deletion or substitution, four for a transposition), so a key
 * within `d` edits of a query of `n` trigrams shares at least `n − 4d` of them.
 */
export class TrigramIndex {
  private readonly keys: readonly string[];
  private readonly postings = new Map<string, number[]>();
  private readonly counts: Uint16Array;

  constructor(keys: readonly string[]) {
    this.keys = keys;
    keys.forEach((key, position) => {
      for (const gram of new Set(trigrams(`^${key}$`))) {
        let list = this.postings.get(gram);
        if (list === undefined) this.postings.set(gram, (list = []));
        list.push(position);
      }
    });
    this.counts = new Uint16Array(keys.length);
  }

  /**
   * Positions of the keys that may lie within `maxEdits` of `query` (whole keys), or of one of their
   * prefixes (`prefix: true`); the caller computes the exact distance.
   */
  candidates(query: string, maxEdits: number, prefix: boolean): number[] {
    const grams = [...new Set(trigrams(prefix ? `^${query}` : `^${query}$`))];
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
