/**
 * Where JSON text goes wrong, without quoting it. `JSON.parse` reports some errors with a
 * position and others with a snippet of the input; input to `set-credential` holds secrets, so
 * the position is found here instead and the parser's message is never shown.
 */

/** A place in a text: 1-based line and column. */
export interface TextLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * The location of the first JSON syntax error in `text` (RFC 8259), or `undefined` when the text
 * is valid JSON.
 */
export function findJsonSyntaxError(text: string): TextLocation | undefined {
  const scanner = new Scanner(text);
  const offset = scanner.document();
  return offset === undefined ? undefined : locate(text, offset);
}

function locate(text: string, offset: number): TextLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** A recursive-descent checker; each method returns the offset of an error, or `undefined`. */
class Scanner {
  private index = 0;

  constructor(private readonly text: string) {}

  document(): number | undefined {
    const error = this.value(0);
    if (error !== undefined) return error;
    this.skipSpace();
    return this.index < this.text.length ? this.index : undefined;
  }

  private value(depth: number): number | undefined {
    this.skipSpace();
    if (depth > 512) return this.index;
    const char = this.text[this.index];
    switch (char) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true');
      case 'f':
        return this.literal('false');
      case 'n':
        return this.literal('null');
      default:
        return this.number();
    }
  }

  private object(depth: number): number | undefined {
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return undefined;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] !== '"') return this.index;
      const keyError = this.string();
      if (keyError !== undefined) return keyError;
      this.skipSpace();
      if (this.text[this.index] !== ':') return this.index;
      this.index += 1;
      const valueError = this.value(depth + 1);
      if (valueError !== undefined) return valueError;
      this.skipSpace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === '}') return undefined;
      if (next !== ',') return this.index - 1;
    }
  }

  private array(depth: number): number | undefined {
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return undefined;
    }
    for (;;) {
      const error = this.value(depth + 1);
      if (error !== undefined) return error;
      this.skipSpace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === ']') return undefined;
      if (next !== ',') return this.index - 1;
    }
  }

  private string(): number | undefined {
    this.index += 1;
    while (this.index < this.text.length) {
      const code = this.text.charCodeAt(this.index);
      if (code === 0x22) {
        this.index += 1;
        return undefined;
      }
      if (code < 0x20) return this.index;
      if (code === 0x5c) {
        const escape = this.text[this.index + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/u.test(this.text.slice(this.index + 2, this.index + 6))) {
            return this.index;
          }
          this.index += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') return this.index;
        this.index += 2;
        continue;
      }
      this.index += 1;
    }
    return this.index;
  }

  private literal(word: string): number | undefined {
    if (!this.text.startsWith(word, this.index)) return this.index;
    this.index += word.length;
    return undefined;
  }

  private number(): number | undefined {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/u.exec(this.text.slice(this.index));
    if (match === null) return this.index;
    this.index += match[0].length;
    return undefined;
  }

  private skipSpace(): void {
    while (' \t\n\r'.includes(this.text[this.index] ?? 'x')) this.index += 1;
  }
}
