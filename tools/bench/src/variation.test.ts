import type { Document } from '@pqsdk/m-ast';
import { parse } from '@pqsdk/m-parser';
import { describe, expect, it } from 'vitest';
import { varyDocument } from './variation.js';

function tree(text: string): Document {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return result.ast!;
}

function vary(text: string, tag: number): string {
  return varyDocument(text, tree(text), tag);
}

describe('varyDocument', () => {
  it('suffixes let variables and function parameters, and every reference to them', () => {
    expect(vary('let f = (x, optional y) => x + y, z = f(1, 2) in z', 3)).toBe(
      'let f_3 = (x_3, optional y_3) => x_3 + y_3, z_3 = f_3(4, 5) in z_3',
    );
  });

  it('suffixes section members, shared or not, and section access to them', () => {
    expect(vary('section S; shared A.Contents = B; B = S!B;', 2)).toBe(
      'section S; shared A.Contents_2 = B_2; B_2 = S!B_2;',
    );
  });

  it('puts the suffix of a quoted name inside its quotes, and keeps inclusive references', () => {
    expect(
      vary('let #"My Step" = 1, fib = (n) => if n < 2 then n else @fib(n - 1) in #"My Step"', 1),
    ).toBe(
      'let #"My Step_1" = 2, fib_1 = (n_1) => if n_1 < 3 then n_1 else @fib_1(n_1 - 2) in #"My Step_1"',
    );
  });

  it('keeps record field names, field access, library names and non-integer numbers', () => {
    expect(vary('let r = [a = 1.5, b = 0x10] in Record.Field(r, "a") & r[b]', 7)).toBe(
      'let r_7 = [a = 1.5, b = 0x10] in Record.Field(r_7, "a v7") & r_7[b]',
    );
  });

  it('changes text literals before their closing quote, escapes and all', () => {
    expect(vary('"say ""hi""#(lf)"', 4)).toBe('"say ""hi""#(lf) v4"');
  });

  it('makes copies that still parse and differ from each other', () => {
    const text = `[Version = "1.0.0"]
section Demo;
[DataSource.Kind = "Demo"]
shared Demo.Contents = (url as text, optional options as record) as table =>
    let
        source = Web.Contents(url, [Headers = [Accept = "application/json"], Timeout = #duration(0, 0, 30, 0)]),
        json = Json.Document(source),
        rows = try Table.FromRecords(json[value]) catch (e) => error e
    in
        Table.SelectRows(rows, each [Id] > 10);
`;
    const copies = [1, 2, 3].map((tag) => vary(text, tag));
    for (const copy of copies) expect(parse(copy).diagnostics).toEqual([]);
    expect(new Set([text, ...copies]).size).toBe(4);
    expect(copies[1]).toContain(
      'shared Demo.Contents_2 = (url_2 as text, optional options_2 as record)',
    );
    expect(copies[1]).toContain('catch (e_2) => error e_2');
  });
});
