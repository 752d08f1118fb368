import { isWhiteSpace } from '../text/unicode.js';

/**
 * The words of the fuzzy functions' key texts (see `fuzzy-similarity.ts`): a text splits into runs
 * of letters, marks and digits, and neighbours separated only by white space between two letters
 * may be combined (`IgnoreSpace`). A transformation table replaces sequences of words.
 */

/** The most words of a run that `IgnoreSpace` combines into one word. */
export const MAX_COMBINED_WORDS = 4;

const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;
const ENDS_WITH_LETTER = /[\p{L}\p{M}]$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** A word of a key text: its text, its code points, and its code points sorted (its letters). */
export interface Word {
  readonly id: number;
  readonly text: string;
  readonly codes: Int32Array;
  readonly bag: Int32Array;
}

/** A text split into words; `joinable[i]` says whether words `i` and `i + 1` may be combined. */
export interface Split {
  readonly words: readonly string[];
  readonly joinable: readonly boolean[];
}

/** Consecutive words that `IgnoreSpace` may combine, and the word they make. */
export interface Combination {
  readonly start: number;
  readonly length: number;
  readonly word: Word;
}

/** The words of one key column's text. */
export interface WordList {
  readonly words: readonly Word[];
  readonly texts: ReadonlySet<string>;
  /** The combinable runs, longest first, then leftmost first. */
  readonly combinations: readonly Combination[];
  /** How many words are left when every combinable run is one word. */
  readonly fewest: number;
}

/** A transformation table row as words. */
export interface Rule {
  readonly from: readonly string[];
  readonly to: Split;
}

/** Whether `text[from..to)` is white space only, between a letter and a letter. */
function combinable(
  text: string,
  from: number,
  to: number,
  previous: string,
  next: string,
): boolean {
  if (!ENDS_WITH_LETTER.test(previous) || !STARTS_WITH_LETTER.test(next)) return false;
  for (let index = from; index < to; index++) {
    if (!isWhiteSpace(text.charCodeAt(index))) return false;
  }
  return true;
}

/** The words of a text, and which neighbours are separated only by white space between letters. */
export function splitWords(text: string, ignoreSpace: boolean): Split {
  const words: string[] = [];
  const joinable: boolean[] = [];
  let end = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const word = match[0];
    const previous = words[words.length - 1];
    if (previous !== undefined) {
      joinable.push(ignoreSpace && combinable(text, end, match.index, previous, word));
    }
    words.push(word);
    end = match.index + word.length;
  }
  return { words, joinable };
}

/** The rule whose `From` words start at `index`: the longest, then the first. */
function ruleAt(words: readonly string[], index: number, rules: readonly Rule[]): Rule | undefined {
  let found: Rule | undefined;
  for (const rule of rules) {
    if (found !== undefined && rule.from.length <= found.from.length) continue;
    if (index + rule.from.length > words.length) continue;
    if (rule.from.every((word, offset) => words[index + offset] === word)) found = rule;
  }
  return found;
}

/** The words with every occurrence of a rule's `From` replaced (one pass), or null if none occurs. */
export function transform(split: Split, rules: readonly Rule[]): Split | null {
  const words: string[] = [];
  const joinable: boolean[] = [];
  const push = (word: string, join: boolean): void => {
    if (words.length > 0) joinable.push(join);
    words.push(word);
  };
  let before = false;
  let changed = false;
  let index = 0;
  while (index < split.words.length) {
    const rule = ruleAt(split.words, index, rules);
    if (rule === undefined) {
      push(split.words[index] as string, before);
      before = split.joinable[index] ?? false;
      index++;
      continue;
    }
    changed = true;
    rule.to.words.forEach((word, offset) => {
      push(word, offset === 0 ? before : (rule.to.joinable[offset - 1] ?? false));
    });
    const last = index + rule.from.length - 1;
    const after = split.joinable[last] ?? false;
    before = rule.to.words.length === 0 ? before && after : after;
    index = last + 1;
  }
  return changed ? { words, joinable } : null;
}

/** How many code points two sorted code point lists share (as multisets). */
export function commonCount(left: Int32Array, right: Int32Array): number {
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as number;
    const b = right[j] as number;
    if (a === b) {
      count++;
      i++;
      j++;
    } else if (a < b) {
      i++;
    } else {
      j++;
    }
  }
  return count;
}

/** The words of a list with the runs whose concatenation is one of `texts` combined. */
export function combined(list: WordList, texts: ReadonlySet<string>): readonly Word[] {
  let chosen: Map<number, Combination> | undefined;
  let taken: Uint8Array | undefined;
  for (const combination of list.combinations) {
    if (!texts.has(combination.word.text)) continue;
    chosen ??= new Map();
    taken ??= new Uint8Array(list.words.length);
    const end = combination.start + combination.length;
    let free = true;
    for (let index = combination.start; index < end && free; index++) free = taken[index] === 0;
    if (!free) continue;
    taken.fill(1, combination.start, end);
    chosen.set(combination.start, combination);
  }
  if (chosen === undefined) return list.words;
  const out: Word[] = [];
  for (let index = 0; index < list.words.length;) {
    const combination = chosen.get(index);
    if (combination === undefined) {
      out.push(list.words[index] as Word);
      index++;
    } else {
      out.push(combination.word);
      index += combination.length;
    }
  }
  return out;
}

/**
 * The highest `fewer / more` of the two lists' word counts, each count between its list's fewest
 * (every combinable run combined) and its number of words: no overlap can score more.
 */
export function countBound(a: WordList, b: WordList): number {
  const highA = a.words.length;
  const highB = b.words.length;
  if (a.fewest > highB) return highB / a.fewest;
  if (b.fewest > highA) return highA / b.fewest;
  return 1;
}
