/** Options of {@link formatTextTable}. */
export interface TextTableOptions {
  /** The width to fit in, in columns. */
  readonly width: number;
  /** Columns whose cells are aligned to the right (numbers), by index. */
  readonly rightAligned?: ReadonlySet<number>;
}

/** The narrowest a column is cut to before columns are left out. */
const MIN_COLUMN_WIDTH = 4;
const GAP = '  ';
const ELLIPSIS = '…';

/**
 * Lays out a table as plain text: a header, a rule, and one line per row, with the columns
 * aligned. When the table is wider than `width`, the widest columns are cut first (their cells end
 * with `…`); when even narrow columns do not fit, the last columns are left out and the last line
 * says how many. Control characters in cells are shown as spaces; East Asian wide characters
 * count as two columns.
 *
 * @returns The lines, each without a newline.
 *
 * @example
 * ```ts
 * formatTextTable(['A', 'B'], [['1', 'x']], { width: 80 });
 * // ['A  B', '-  -', '1  x']
 * ```
 */
export function formatTextTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions,
): string[] {
  const clean = (text: string): string => text.replace(/\p{Cc}/gu, ' ');
  const header = headers.map(clean);
  const body = rows.map((row) => row.map(clean));
  const widths = header.map((name, index) =>
    Math.max(displayWidth(name), ...body.map((row) => displayWidth(row[index] ?? ''))),
  );
  const total = (count: number): number =>
    widths.slice(0, count).reduce((sum, width) => sum + width, 0) + GAP.length * (count - 1);

  let shown = widths.length;
  while (total(shown) > options.width) {
    let widest = -1;
    for (let index = 0; index < shown; index++) {
      const width = widths[index] ?? 0;
      if (width > MIN_COLUMN_WIDTH && (widest === -1 || width > (widths[widest] ?? 0))) {
        widest = index;
      }
    }
    if (widest === -1) {
      if (shown <= 1) break;
      shown--;
      continue;
    }
    widths[widest] = Math.max(MIN_COLUMN_WIDTH, (widths[widest] ?? 0) - 1);
  }

  const line = (cells: readonly string[], isHeader: boolean): string =>
    cells
      .slice(0, shown)
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        const fitted = truncate(cell, width);
        const right = !isHeader && options.rightAligned?.has(index) === true;
        return right ? padStart(fitted, width) : padEnd(fitted, width);
      })
      .join(GAP)
      .trimEnd();
  const lines = [
    line(header, true),
    widths
      .slice(0, shown)
      .map((width) => '-'.repeat(width))
      .join(GAP),
    ...body.map((row) => line(row, false)),
  ];
  const hidden = widths.length - shown;
  if (hidden > 0) {
    lines.push(
      `(${String(hidden)} more column${hidden === 1 ? '' : 's'} not shown: ${header.slice(shown).join(', ')})`,
    );
  }
  return lines;
}

/** The number of terminal columns a text takes: East Asian wide characters count as two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return width;
}

function characterWidth(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (/\p{Mn}|\p{Me}/u.test(character)) return 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Cuts a text to `width` columns, ending it with `…` when it was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let result = '';
  let used = 0;
  for (const character of text) {
    const next = characterWidth(character);
    if (used + next > width - 1) break;
    result += character;
    used += next;
  }
  return `${result}${ELLIPSIS}`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
