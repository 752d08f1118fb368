import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../test/corpus.js';
import { spanProblems, withoutSpans } from '../test/invariants.js';
import { parse } from './parse.js';
import { print } from './printer.js';

const files = corpusFiles();

describe('the corpus (examples/ and test/fixtures/valid/)', () => {
  it('has connector projects and fixtures to read', () => {
    expect(files.filter((file) => file.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(
      5,
    );
    expect(
      files.filter((file) => file.name.includes('/fixtures/valid/')).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((file) => [file.name, file.text] as const))(
    '%s parses without diagnostics',
    (_name, text) => {
      const result = parse(text);
      expect(
        result.diagnostics.map(
          (d) => `${String(d.span.line)}:${String(d.span.column)} ${d.message}`,
        ),
      ).toEqual([]);
      expect(spanProblems(text, result)).toEqual([]);
    },
  );

  it.each(files.map((file) => [file.name, file.text] as const))(
    '%s prints back to the same tree',
    (_name, text) => {
      const first = parse(text);
      const printed = print(first.ast!);
      const second = parse(printed);
      expect(second.diagnostics.map((d) => d.message)).toEqual([]);
      expect(withoutSpans(second.ast)).toEqual(withoutSpans(first.ast));
    },
  );

  it('reads the connectors as section documents and the queries as expressions', () => {
    for (const file of files.filter((f) => f.name.startsWith('examples/'))) {
      const kind = parse(file.text).ast?.kind;
      if (file.name.endsWith('.query.pq')) expect(kind, file.name).toBe('ExpressionDocument');
      else if (file.name.endsWith('.pq')) expect(kind, file.name).toBe('SectionDocument');
    }
  });
});
