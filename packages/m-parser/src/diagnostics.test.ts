import { describe, expect, it } from 'vitest';
import { parse, type ParseMode } from './parse.js';

/** The diagnostics of `text`, one `line:column code message` per line. */
function report(text: string, mode: ParseMode = 'auto'): string {
  const result = parse(text, { mode });
  expect(result.ok).toBe(false);
  return result.diagnostics
    .map((d) => `${String(d.span.line)}:${String(d.span.column)} ${d.code} ${d.message}`)
    .join('\n');
}

describe('diagnostics name the construct that is left open', () => {
  it('let without in', () => {
    expect(report('let\n  a = 1,\n  b = 2\n c')).toMatchInlineSnapshot(
      `"4:2 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`in\` to close \`let\` at 1:1, found identifier \`c\`"`,
    );
  });

  it('let with a trailing comma', () => {
    expect(report('let a = 1, in a')).toMatchInlineSnapshot(
      `"1:12 PQSDK_PARSE_UNEXPECTED_TOKEN expected a name, found \`in\`; remove the trailing \`,\`"`,
    );
  });

  it('unclosed brackets', () => {
    expect(report('f(1, 2')).toMatchInlineSnapshot(
      `"1:7 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`)\` to close \`(\` at 1:2, found the end of the input"`,
    );
    expect(report('{1, 2')).toMatchInlineSnapshot(
      `"1:6 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`}\` to close \`{\` at 1:1, found the end of the input"`,
    );
    expect(report('[a = 1')).toMatchInlineSnapshot(
      `"1:7 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`]\` to close \`[\` at 1:1, found the end of the input"`,
    );
    expect(report('x{0')).toMatchInlineSnapshot(
      `"1:4 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`}\` to close \`{\` at 1:2, found the end of the input"`,
    );
    expect(report('(1 + 2')).toMatchInlineSnapshot(
      `"1:7 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`)\` to close \`(\` at 1:1, found the end of the input"`,
    );
  });

  it('if without then or else', () => {
    expect(report('if x 1 else 2')).toMatchInlineSnapshot(
      `"1:6 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`then\` after the condition of \`if\` at 1:1, found number \`1\`"`,
    );
    expect(report('if x then 1')).toMatchInlineSnapshot(
      `"1:12 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`else\` to complete \`if\` at 1:1, found the end of the input"`,
    );
  });

  it('section members', () => {
    expect(report('section A;\nshared x = 1\nshared y = 2;')).toMatchInlineSnapshot(
      `"3:1 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`;\` to end the member \`x\` defined at 2:8, found \`shared\`"`,
    );
    expect(report('section A;\nshared x 1;')).toMatchInlineSnapshot(
      `"2:10 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`=\` after the member name \`x\` at 2:8, found number \`1\`"`,
    );
    expect(report('section A\nx = 1;')).toMatchInlineSnapshot(
      `"2:1 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`;\` after the section name at 1:1, found identifier \`x\`"`,
    );
    expect(report('section A; x = 1; junk')).toMatchInlineSnapshot(
      `"1:23 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`=\` after the member name \`junk\` at 1:19, found the end of the input"`,
    );
  });

  it('functions', () => {
    expect(report('(x, y) 1')).toMatchInlineSnapshot(
      `"1:8 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`=>\` after the parameters of the function at 1:1, found number \`1\`"`,
    );
    expect(report('(x, optional y, z) => 1')).toMatchInlineSnapshot(
      `"1:17 PQSDK_PARSE_PARAMETER_ORDER the required parameter \`z\` cannot follow an optional parameter; make it optional or move it before them"`,
    );
    expect(report('(x, x) => 1')).toMatchInlineSnapshot(
      `"1:5 PQSDK_PARSE_DUPLICATE_NAME the parameter name \`x\` is defined more than once in this function"`,
    );
    expect(report('(x as Foo) => 1')).toMatchInlineSnapshot(
      `"1:7 PQSDK_PARSE_INVALID_TYPE \`Foo\` is not a primitive type; expected one of any, anynonnull, binary, date, datetime, datetimezone, duration, function, list, logical, none, null, number, record, table, text, time or type"`,
    );
  });
});

describe('diagnostics for expressions', () => {
  it('a missing operand', () => {
    expect(report('1 +')).toMatchInlineSnapshot(
      `"1:4 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found the end of the input"`,
    );
    expect(report('f(1,)')).toMatchInlineSnapshot(
      `"1:5 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found \`)\`; remove the trailing \`,\`"`,
    );
    expect(report('{1,}')).toMatchInlineSnapshot(
      `"1:4 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found \`}\`; remove the trailing \`,\`"`,
    );
  });

  it('input after the end', () => {
    expect(report('1 2')).toMatchInlineSnapshot(
      `"1:3 PQSDK_PARSE_EXTRA_INPUT unexpected number \`2\` after the end of the expression"`,
    );
    expect(report('x)')).toMatchInlineSnapshot(
      `"1:2 PQSDK_PARSE_EXTRA_INPUT unexpected \`)\` after the end of the expression"`,
    );
  });

  it('an empty text', () => {
    expect(report('')).toMatchInlineSnapshot(
      `"1:1 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found the end of the input"`,
    );
    expect(report('  // only a comment')).toMatchInlineSnapshot(
      `"1:20 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found the end of the input"`,
    );
  });

  it('types after as and is', () => {
    expect(report('x as Foo')).toMatchInlineSnapshot(
      `"1:6 PQSDK_PARSE_INVALID_TYPE \`Foo\` is not a primitive type; expected one of any, anynonnull, binary, date, datetime, datetimezone, duration, function, list, logical, none, null, number, record, table, text, time or type"`,
    );
    expect(report('x as number + 1')).toMatchInlineSnapshot(
      `"1:13 PQSDK_PARSE_OPERATOR_AFTER_TYPE \`+\` cannot follow the type \`number\` of an \`as\` or \`is\` expression; put the \`as\` or \`is\` expression in parentheses"`,
    );
    expect(report('x is number as text')).toMatchInlineSnapshot(
      `"1:13 PQSDK_PARSE_OPERATOR_AFTER_TYPE \`as\` cannot follow the type \`number\` of an \`as\` or \`is\` expression; put the \`as\` or \`is\` expression in parentheses"`,
    );
    expect(report('type Foo')).toMatchInlineSnapshot(
      `"1:6 PQSDK_PARSE_INVALID_TYPE \`Foo\` is not a primitive type; expected one of any, anynonnull, binary, date, datetime, datetimezone, duration, function, list, logical, none, null, number, record, table, text, time or type"`,
    );
    expect(report('type table [a = number, ...]')).toMatchInlineSnapshot(
      `"1:12 PQSDK_PARSE_INVALID_TYPE the row type of a table type cannot be open: remove the \`...\`"`,
    );
  });

  it('duplicate names', () => {
    expect(report('[a = 1, a = 2]')).toMatchInlineSnapshot(
      `"1:9 PQSDK_PARSE_DUPLICATE_NAME the field name \`a\` is defined more than once in this record"`,
    );
    expect(report('let a = 1, a = 2 in a')).toMatchInlineSnapshot(
      `"1:12 PQSDK_PARSE_DUPLICATE_NAME the variable name \`a\` is defined more than once in this let expression"`,
    );
    expect(report('section A; x = 1; x = 2;')).toMatchInlineSnapshot(
      `"1:19 PQSDK_PARSE_DUPLICATE_NAME the member name \`x\` is defined more than once in this section"`,
    );
    expect(report('type [a, a = number]')).toMatchInlineSnapshot(
      `"1:10 PQSDK_PARSE_DUPLICATE_NAME the field name \`a\` is defined more than once in this record type"`,
    );
  });

  it('field names with other than blanks between words', () => {
    expect(report('[a\n b = 1]')).toMatchInlineSnapshot(
      `"1:3 PQSDK_PARSE_INVALID_FIELD_NAME only blanks may separate the words of a field name (no line breaks, tabs or comments); write the name as a quoted identifier #"…" instead"`,
    );
    expect(report('[a /* c */ b]')).toMatchInlineSnapshot(
      `"1:3 PQSDK_PARSE_INVALID_FIELD_NAME only blanks may separate the words of a field name (no line breaks, tabs or comments); write the name as a quoted identifier #"…" instead"`,
    );
  });

  it('attributes that are not literals', () => {
    expect(report('section A; [a = 1 + 1] x = 1;')).toMatchInlineSnapshot(
      `"1:19 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`]\` to close \`[\` at 1:12, found \`+\`"`,
    );
  });
});

describe('several independent errors in one pass', () => {
  it('reports each', () => {
    const text = [
      'let',
      '  a = 1 +,',
      '  b = (2,',
      '  c = [x = ],',
      '  d = {1 2}',
      'in',
      '  a',
    ].join('\n');
    expect(report(text)).toMatchInlineSnapshot(`
      "2:10 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found \`,\`
      3:9 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`)\` to close \`(\` at 3:7, found \`,\`
      4:12 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found \`]\`
      5:10 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`}\` to close \`{\` at 5:7, found number \`2\`"
    `);
  });

  it('reports errors in several members of a section', () => {
    const text = [
      'section S;',
      'shared a = 1 +;',
      'shared b = if x then 1;',
      'shared c = (y;',
      'shared d = 4;',
    ].join('\n');
    expect(report(text)).toMatchInlineSnapshot(`
      "2:15 PQSDK_PARSE_UNEXPECTED_TOKEN expected an expression, found \`;\`
      3:23 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`else\` to complete \`if\` at 3:12, found \`;\`
      4:14 PQSDK_PARSE_UNEXPECTED_TOKEN expected \`)\` to close \`(\` at 4:12, found \`;\`"
    `);
  });
});

describe('lexical diagnostics', () => {
  it('bad characters, escapes, text and comments', () => {
    expect(report('1 $ 2')).toMatchInlineSnapshot(`
      "1:3 PQSDK_LEX_UNEXPECTED_CHARACTER unexpected character \`$\` (U+0024)
      1:5 PQSDK_PARSE_EXTRA_INPUT unexpected number \`2\` after the end of the expression"
    `);
    expect(report('"a#(bad)b"')).toMatchInlineSnapshot(
      `"1:3 PQSDK_LEX_INVALID_ESCAPE invalid escape sequence \`#(bad)\`; use cr, lf, tab, #, or 4 or 8 hex digits"`,
    );
    expect(report('"never closed')).toMatchInlineSnapshot(
      `"1:1 PQSDK_LEX_UNTERMINATED_TEXT unterminated text literal: the \`"\` that starts here has no closing \`"\`"`,
    );
    expect(report('1 /* never closed')).toMatchInlineSnapshot(
      `"1:3 PQSDK_LEX_UNTERMINATED_COMMENT unterminated comment: \`/*\` has no closing \`*/\`"`,
    );
    expect(report('#dates(2020, 1, 1)')).toMatchInlineSnapshot(
      `"1:1 PQSDK_LEX_UNKNOWN_KEYWORD \`#dates\` is not a keyword; to use it as a name, write #"#dates""`,
    );
  });
});
