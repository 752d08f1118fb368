import { MError } from '../errors.js';
import { ArrayList } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import type { Slot } from '../values/thunk.js';
import type { Value } from '../values/value.js';

/**
 * Reads JSON text into M values: objects become records (fields in document order), arrays lists,
 * strings text, numbers numbers, and `true`, `false` and `null` themselves. Malformed input raises a
 * `DataFormat.Error` that says where.
 */

function unexpected(text: string, position: number): MError {
  if (position >= text.length) {
    return MError.dataFormat(
      'We reached the end of the JSON input before the value was complete.',
      RecordValue.of([['Position', position]]),
    );
  }
  return MError.dataFormat(
    'We found an unexpected character in the JSON input.',
    RecordValue.of([
      ['Value', text[position] as string],
      ['Position', position],
    ]),
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class JsonReader {
  position = 0;
  /** A JSON number, matched at `lastIndex` (sticky; one per reader, as `lastIndex` changes). */
  readonly #number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  constructor(readonly text: string) {}

  skipWhitespace(): void {
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      this.position++;
    }
  }

  value(): Value {
    this.skipWhitespace();
    const text = this.text;
    const character = text[this.position];
    switch (character) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  literal(word: string, value: Value): Value {
    if (!this.text.startsWith(word, this.position)) throw unexpected(this.text, this.position);
    this.position += word.length;
    return value;
  }

  number(): number {
    this.#number.lastIndex = this.position;
    const match = this.#number.exec(this.text);
    if (match === null) throw unexpected(this.text, this.position);
    this.position += match[0].length;
    return Number(match[0]);
  }

  string(): string {
    const text = this.text;
    let index = this.position + 1;
    let out = '';
    let start = index;
    for (;;) {
      if (index >= text.length) throw unexpected(text, index);
      const code = text.charCodeAt(index);
      if (code === 0x22) break;
      if (code < 0x20) throw unexpected(text, index);
      if (code !== 0x5c) {
        index++;
        continue;
      }
      out += text.slice(start, index);
      const escape = text[index + 1];
      if (escape === 'u') {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw unexpected(text, index + 2);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        index += 6;
      } else {
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) throw unexpected(text, index + 1);
        out += decoded;
        index += 2;
      }
      start = index;
    }
    out += text.slice(start, index);
    this.position = index + 1;
    return out;
  }

  array(): ArrayList {
    this.position++;
    const items: Value[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return ArrayList.of(items);
    }
    for (;;) {
      items.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.position];
      this.position++;
      if (next === ']') return ArrayList.of(items);
      if (next !== ',') throw unexpected(this.text, this.position - 1);
    }
  }

  object(): RecordValue {
    this.position++;
    const names: string[] = [];
    const slots: Slot[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return RecordValue.EMPTY;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') throw unexpected(this.text, this.position);
      names.push(this.string());
      this.skipWhitespace();
      if (this.text[this.position] !== ':') throw unexpected(this.text, this.position);
      this.position++;
      slots.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.position];
      this.position++;
      if (next === '}') return new RecordValue(RecordLayout.of(names), slots);
      if (next !== ',') throw unexpected(this.text, this.position - 1);
    }
  }
}

/** Parses a JSON document (a byte order mark and surrounding whitespace are allowed). */
export function parseJson(source: string): Value {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const reader = new JsonReader(text);
  const value = reader.value();
  reader.skipWhitespace();
  if (reader.position < text.length) {
    throw MError.dataFormat(
      'We found extra characters at the end of the JSON input.',
      RecordValue.of([
        ['Value', text[reader.position] as string],
        ['Position', reader.position],
      ]),
    );
  }
  return value;
}
