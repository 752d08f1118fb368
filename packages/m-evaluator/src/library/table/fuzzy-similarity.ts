import type { Context } from '../../context.js';
import { cell } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { strip, type Value } from '../../values/value.js';
import { typeError } from '../arguments.js';
import { toLower } from '../text/unicode.js';
import {
  transformationsOf,
  type FuzzyOptions,
  type MatchOptions,
  type Transformation,
} from './fuzzy-options.js';
import {
  combined,
  commonCount,
  countBound,
  MAX_COMBINED_WORDS,
  splitWords,
  transform,
  type Combination,
  type Rule,
  type Split,
  type Word,
  type WordList,
} from './fuzzy-words.js';

/**
 * The similarity score of the fuzzy table functions (see SPEC-DEVIATIONS.md, "fuzzy similarity score").
 *
 * A key text is folded to lower case in the `Culture` (with `IgnoreCase`), then split into words:
 * runs of letters, marks and digits; everything else only separates words. Two texts are compared
 * with a Jaccard score over their words in which a pair of different words counts in proportion to
 * its edit similarity, `1 - distance / longer length` (Levenshtein distance over code points):
 * the pairs are taken greedily, most similar first, and the score is the sum of the pairs'
 * similarities over the size of the union (`words of one + words of the other - pairs`). Equal word
 * multisets score 1 whatever their order and punctuation; texts without any word score 1 with each
 * other. With `IgnoreSpace`, words separated only by white space between two letters may be
 * combined: a run whose concatenation is a word of the other text is compared as that word
 * (`Gra pes` is `Grapes`, `M 365` stays two words). Several key columns pool their words, a word
 * pairing only with a word of the same column. A transformation table replaces the `From` words
 * with the `To` words on both sides, and a score through it is at most 0.95. Scores are floored to
 * two decimals; a pair matches when its score is at least the threshold.
 */

/** A match found through the transformation table scores at most this. */
export const TRANSFORMED_SCORE = 0.95;

/** The most word-pair similarities a matcher remembers (8 bytes each). */
const MAX_REMEMBERED = 1 << 22;

/** Word lists whose pairs are more than this are paired by sorting rather than by scanning. */
const MAX_SCANNED_PAIRS = 64;

/** A key: one text (or null) per key column, prepared for comparison. */
export interface FuzzyKey {
  /** The folded texts; keys with equal signatures are one object. */
  readonly signature: string;
  readonly columns: readonly (WordList | null)[];
  /** The columns after the transformation table, or null when it changes nothing. */
  readonly transformed: readonly (WordList | null)[] | null;
  /** Whether every key column is null: such a key matches only itself. */
  readonly empty: boolean;
}

/** The sum of the pairs' similarities and the size of the union of two word lists. */
interface Overlap {
  readonly sum: number;
  readonly size: number;
}

function floorScore(similarity: number): number {
  return Math.floor(similarity * 100 + 1e-9) / 100;
}

/**
 * Prepares keys and scores pairs of them under one set of options. A matcher remembers the words
 * and keys it has seen (equal texts are prepared once) and the similarities of word pairs, so it
 * lives for one evaluation of one fuzzy operation.
 */
export class FuzzyMatcher {
  readonly #options: MatchOptions;
  readonly #rules: readonly Rule[];
  readonly #words = new Map<string, Word>();
  readonly #keys = new Map<string, FuzzyKey>();
  /** Word-pair similarities by the lower word id, then the higher one (-1: not computed). */
  readonly #remembered: (Float64Array | undefined)[] = [];
  #rememberedCount = 0;
  #matrix = new Float64Array(MAX_SCANNED_PAIRS);
  #previousRow = new Int32Array(32);
  #currentRow = new Int32Array(32);

  constructor(options: MatchOptions, transformations: readonly Transformation[] = []) {
    this.#options = options;
    this.#rules = transformations
      .map((rule) => ({
        from: splitWords(this.#fold(rule.from), false).words,
        to: splitWords(this.#fold(rule.to), options.ignoreSpace),
      }))
      .filter((rule) => rule.from.length > 0);
  }

  /**
   * The key of a row's key cells. Each cell must be a text or null (a number, a date, … raises
   * `We cannot convert the value … to type Text.`); equal texts give the same key object.
   */
  key(values: readonly Value[]): FuzzyKey {
    const texts = values.map((value) => {
      const plain = strip(value);
      if (plain === null) return null;
      if (typeof plain !== 'string') throw typeError(plain, 'text');
      return this.#fold(plain);
    });
    const signature = texts
      .map((text) => (text === null ? '\u0000' : `\u0001${text}`))
      .join('\u0002');
    const known = this.#keys.get(signature);
    if (known !== undefined) return known;
    const splits = texts.map((text) =>
      text === null ? null : splitWords(text, this.#options.ignoreSpace),
    );
    const columns = splits.map((split) => (split === null ? null : this.#wordList(split)));
    let transformed: (WordList | null)[] | null = null;
    if (this.#rules.length > 0) {
      const replaced = splits.map((split) =>
        split === null ? null : transform(split, this.#rules),
      );
      if (replaced.some((split) => split !== null)) {
        transformed = replaced.map((split, index) =>
          split === null ? (columns[index] ?? null) : this.#wordList(split),
        );
      }
    }
    const key: FuzzyKey = {
      signature,
      columns,
      transformed,
      empty: texts.every((text) => text === null),
    };
    this.#keys.set(signature, key);
    return key;
  }

  /**
   * The similarity score of two keys (0 to 1, floored to two decimals) when it reaches the
   * threshold, else undefined. A key whose columns are all null matches only itself.
   */
  score(a: FuzzyKey, b: FuzzyKey): number | undefined {
    if (a === b) return 1;
    if (a.empty || b.empty) return undefined;
    const threshold = this.#options.threshold;
    let similarity = this.#similarity(a.columns, b.columns, threshold);
    if (a.transformed !== null || b.transformed !== null) {
      const through = this.#similarity(
        a.transformed ?? a.columns,
        b.transformed ?? b.columns,
        threshold / TRANSFORMED_SCORE,
      );
      similarity = Math.max(similarity, TRANSFORMED_SCORE * through);
    }
    const score = floorScore(similarity);
    return score >= threshold ? score : undefined;
  }

  #fold(text: string): string {
    return this.#options.ignoreCase ? toLower(text, this.#options.culture) : text;
  }

  #word(text: string): Word {
    let word = this.#words.get(text);
    if (word === undefined) {
      const codes = Int32Array.from(text, (character) => character.codePointAt(0) ?? 0);
      word = { id: this.#words.size, text, codes, bag: codes.slice().sort() };
      this.#words.set(text, word);
    }
    return word;
  }

  #wordList(split: Split): WordList {
    const words = split.words.map((text) => this.#word(text));
    const combinations: Combination[] = [];
    const fewest = words.length - split.joinable.filter(Boolean).length;
    if (fewest < words.length) {
      for (let start = 0; start < words.length; start++) {
        let text = split.words[start] as string;
        for (let length = 2; length <= MAX_COMBINED_WORDS; length++) {
          const next = split.words[start + length - 1];
          if (next === undefined || split.joinable[start + length - 2] !== true) break;
          text += next;
          combinations.push({ start, length, word: this.#word(text) });
        }
      }
      combinations.sort((x, y) => y.length - x.length || x.start - y.start);
    }
    return { words, texts: new Set(split.words), combinations, fewest };
  }

  /**
   * The similarity of two keys' columns (unfloored). A result below `cutoff` may be given as 0:
   * pairs that cannot reach it are not computed in full.
   */
  #similarity(
    left: readonly (WordList | null)[],
    right: readonly (WordList | null)[],
    cutoff: number,
  ): number {
    if (left.length === 1) {
      const a = left[0] ?? null;
      const b = right[0] ?? null;
      if (a === null || b === null) return a === b ? 1 : 0;
      return this.#columnSimilarity(a, b, cutoff);
    }
    let sum = 0;
    let size = 0;
    left.forEach((a, index) => {
      const b = right[index] ?? null;
      if (a === null || b === null) {
        size += (a ?? b)?.words.length ?? 0;
        return;
      }
      const overlap = this.#overlap(a, b);
      sum += overlap.sum;
      size += overlap.size;
    });
    return size === 0 ? 1 : sum / size;
  }

  #columnSimilarity(a: WordList, b: WordList, cutoff: number): number {
    const first = a.words[0];
    const second = b.words[0];
    if (first === undefined || second === undefined) return first === second ? 1 : 0;
    if (a.words.length === 1 && b.words.length === 1) {
      return this.#wordSimilarityAbove(first, second, cutoff);
    }
    if (countBound(a, b) < cutoff) return 0;
    const overlap = this.#overlap(a, b);
    return overlap.sum / overlap.size;
  }

  /** The overlap of two columns' words, combining runs with `IgnoreSpace` when that scores more. */
  #overlap(a: WordList, b: WordList): Overlap {
    const plain = this.#softOverlap(a.words, b.words);
    if (a.combinations.length === 0 && b.combinations.length === 0) return plain;
    const left = combined(a, b.texts);
    const right = combined(b, a.texts);
    if (left === a.words && right === b.words) return plain;
    const joined = this.#softOverlap(left, right);
    return joined.sum * plain.size > plain.sum * joined.size ? joined : plain;
  }

  /** Greedy pairing of two word lists, most similar pairs first (then by position). */
  #softOverlap(left: readonly Word[], right: readonly Word[]): Overlap {
    const n = left.length;
    const m = right.length;
    if (n === 0 || m === 0) return { sum: 0, size: n + m };
    if (n === 1 && m === 1) {
      const similarity = this.#wordSimilarity(left[0] as Word, right[0] as Word);
      return similarity > 0 ? { sum: similarity, size: 1 } : { sum: 0, size: 2 };
    }
    if (n * m > MAX_SCANNED_PAIRS) return this.#sortedOverlap(left, right);
    // Scan for the most similar pair left (the first in row order on ties), take it, and strike
    // out its row and column, until no pair with a positive similarity is left.
    const matrix = this.#matrix;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        matrix[i * m + j] = this.#wordSimilarity(left[i] as Word, right[j] as Word);
      }
    }
    let sum = 0;
    let pairs = 0;
    for (;;) {
      let best = 0;
      let bestIndex = -1;
      for (let index = 0; index < n * m; index++) {
        const similarity = matrix[index] as number;
        if (similarity > best) {
          best = similarity;
          bestIndex = index;
        }
      }
      if (bestIndex < 0) break;
      const row = Math.floor(bestIndex / m);
      const col = bestIndex - row * m;
      for (let j = 0; j < m; j++) matrix[row * m + j] = -1;
      for (let i = 0; i < n; i++) matrix[i * m + col] = -1;
      sum += best;
      pairs++;
    }
    return { sum, size: n + m - pairs };
  }

  /** The greedy pairing of long word lists: every pair sorted by similarity, then by position. */
  #sortedOverlap(left: readonly Word[], right: readonly Word[]): Overlap {
    const n = left.length;
    const m = right.length;
    const candidates: { similarity: number; i: number; j: number }[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const similarity = this.#wordSimilarity(left[i] as Word, right[j] as Word);
        if (similarity > 0) candidates.push({ similarity, i, j });
      }
    }
    candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
    const usedLeft = new Uint8Array(n);
    const usedRight = new Uint8Array(m);
    let sum = 0;
    let pairs = 0;
    for (const { similarity, i, j } of candidates) {
      if (usedLeft[i] === 1 || usedRight[j] === 1) continue;
      usedLeft[i] = 1;
      usedRight[j] = 1;
      sum += similarity;
      pairs++;
    }
    return { sum, size: n + m - pairs };
  }

  /** `1 - distance / longer length`, remembered per pair of words while memory allows. */
  #wordSimilarity(a: Word, b: Word): number {
    if (a === b) return 1;
    const low = a.id < b.id ? a : b;
    const high = low === a ? b : a;
    let row = this.#remembered[low.id];
    if (row === undefined || high.id >= row.length) {
      // Rows grow to every word known so far, and at least double, as words keep coming.
      const length = row?.length ?? 0;
      const size = Math.max(this.#words.size, 2 * length);
      if (this.#rememberedCount + size - length > MAX_REMEMBERED) {
        return this.#computeSimilarity(a, b);
      }
      const grown = new Float64Array(size).fill(-1);
      if (row !== undefined) grown.set(row);
      this.#rememberedCount += size - length;
      this.#remembered[low.id] = grown;
      row = grown;
    }
    const known = row[high.id] as number;
    if (known >= 0) return known;
    const similarity = this.#computeSimilarity(a, b);
    row[high.id] = similarity;
    return similarity;
  }

  #computeSimilarity(a: Word, b: Word): number {
    const longer = Math.max(a.codes.length, b.codes.length);
    return 1 - this.#distance(a.codes, b.codes, longer) / longer;
  }

  /** The similarity of two words when it is at least `cutoff`, else 0 (without the full distance). */
  #wordSimilarityAbove(a: Word, b: Word, cutoff: number): number {
    if (a === b) return 1;
    const longer = Math.max(a.codes.length, b.codes.length);
    const limit = Math.floor((1 - cutoff) * longer + 1e-9);
    if (limit < 0 || Math.abs(a.codes.length - b.codes.length) > limit) return 0;
    if (longer - commonCount(a.bag, b.bag) > limit) return 0;
    const distance = this.#distance(a.codes, b.codes, limit);
    return distance > limit ? 0 : 1 - distance / longer;
  }

  /** The Levenshtein distance of two code point lists, or `limit + 1` once it must exceed `limit`. */
  #distance(a: Int32Array, b: Int32Array, limit: number): number {
    const m = b.length;
    if (a.length === 0) return m;
    if (m === 0) return a.length;
    if (this.#previousRow.length <= m) {
      this.#previousRow = new Int32Array(m + 1);
      this.#currentRow = new Int32Array(m + 1);
    }
    let previous = this.#previousRow;
    let current = this.#currentRow;
    for (let j = 0; j <= m; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      const code = a[i - 1] as number;
      current[0] = i;
      let lowest = i;
      for (let j = 1; j <= m; j++) {
        const substitution = (previous[j - 1] as number) + (code === b[j - 1] ? 0 : 1);
        const deletion = (previous[j] as number) + 1;
        const insertion = (current[j - 1] as number) + 1;
        const value = Math.min(substitution, deletion, insertion);
        current[j] = value;
        if (value < lowest) lowest = value;
      }
      if (lowest > limit) return limit + 1;
      const swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m] as number;
  }
}

/** A matcher for one evaluation of a fuzzy operation (reads the transformation table's rows). */
export function createMatcher(ctx: Context, options: FuzzyOptions): FuzzyMatcher {
  return new FuzzyMatcher(options, transformationsOf(ctx, options.transformationTable));
}

/** The key of a row: the cells of its key columns. */
export function rowKey(matcher: FuzzyMatcher, row: Slot[], indexes: readonly number[]): FuzzyKey {
  return matcher.key(indexes.map((index) => cell(row, index)));
}
