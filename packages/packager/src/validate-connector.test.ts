import { describe, expect, it } from 'vitest';
import { resx, text } from '../test/fixtures.js';
import { formatBuildProblem } from './build-problem.js';
import type { ConnectorFile } from './connector-files.js';
import { validateConnectorFiles } from './validate-connector.js';

/** The files of a connector, from texts. */
function files(contents: Readonly<Record<string, string | Uint8Array>>): ConnectorFile[] {
  return Object.entries(contents).map(([name, content]) => ({
    name,
    data: typeof content === 'string' ? text(content) : content,
  }));
}

/** The problems of a connector, each formatted as `file:line:column message`. */
function problemsOf(contents: Readonly<Record<string, string | Uint8Array>>): string[] {
  return validateConnectorFiles(files(contents)).map((problem) => formatBuildProblem(problem));
}

/** The codes of the problems of a connector. */
function codesOf(contents: Readonly<Record<string, string | Uint8Array>>): string[] {
  return validateConnectorFiles(files(contents)).map((problem) => problem.code);
}

const GOOD_SECTION = `[Version = "1.0.0"]
section Good;

[DataSource.Kind = "Good", Publish = "Good.Publish"]
shared Good.Contents = () => Extension.LoadString("Hello");

Good = [Authentication = [Anonymous = []], Label = Extension.LoadString("Label")];

Good.Publish = [
    Category = "Other",
    SourceImage = [Icon16 = {Extension.Contents("Good16.png")}]
];
`;

const GOOD = {
  'Good.pq': GOOD_SECTION,
  'Good16.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  'resources.resx': resx({ Hello: 'Hello', Label: 'Good' }),
};

describe('validateConnectorFiles', () => {
  it('accepts a good connector', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  describe('the section document', () => {
    it('needs exactly one, and lists those found', () => {
      expect(problemsOf({ 'resources.resx': resx({}) })).toMatchInlineSnapshot(`
        [
          "a connector has exactly one section document (.pq or .m, other than *.query.pq), found none",
        ]
      `);
      expect(
        problemsOf({ ...GOOD, 'Other.m': 'section Other;', 'Good.query.pq': 'Good.Contents()' }),
      ).toMatchInlineSnapshot(`
        [
          "a connector has exactly one section document (.pq or .m, other than *.query.pq), found 2: Good.pq, Other.m",
        ]
      `);
    });

    it('does not count query files as section documents', () => {
      expect(
        problemsOf({ ...GOOD, 'Good.query.pq': 'Good.Contents()', 'P.parameterquery.pq': '1' }),
      ).toEqual([]);
    });

    it('reports every syntax error with its position', () => {
      expect(
        problemsOf({
          ...GOOD,
          'Good.pq': 'section Good;\n\nshared a = (1 + ;\nshared b = let x = 1 x;\n',
        }),
      ).toMatchInlineSnapshot(`
        [
          "Good.pq:3:17 expected an expression, found \`;\`",
          "Good.pq:4:22 expected \`in\` to close \`let\` at 4:12, found identifier \`x\`",
        ]
      `);
    });

    it('must be a section document', () => {
      expect(problemsOf({ ...GOOD, 'Good.pq': 'let x = 1 in x' })).toMatchInlineSnapshot(`
        [
          "Good.pq:1:1 expected \`section\`, found \`let\`",
        ]
      `);
    });

    it('must be UTF-8 text', () => {
      expect(problemsOf({ ...GOOD, 'Good.pq': new Uint8Array([0x73, 0xff, 0xfe, 0x00]) }))
        .toMatchInlineSnapshot(`
        [
          "Good.pq: the file is not valid UTF-8 text; save it as UTF-8",
        ]
      `);
    });
  });

  describe('modules', () => {
    it('must parse as expressions', () => {
      expect(problemsOf({ ...GOOD, 'Helpers.pqm': '(x) =>\n  x +' })).toMatchInlineSnapshot(`
        [
          "Helpers.pqm:2:6 expected an expression, found the end of the input",
        ]
      `);
      expect(problemsOf({ ...GOOD, 'Helpers.pqm': '(x) => x + 1' })).toEqual([]);
    });

    it('are checked for Extension.Contents and Extension.LoadString too', () => {
      expect(
        problemsOf({
          ...GOOD,
          'Helpers.pqm':
            'let\n  icon = Extension.Contents("Missing.png"),\n  label = Extension.LoadString("Nope")\nin\n  icon',
        }),
      ).toMatchInlineSnapshot(`
        [
          "Helpers.pqm:2:29 Extension.Contents("Missing.png") names no file of the package; add Missing.png to the project folder",
          "Helpers.pqm:3:32 resources.resx has no string named "Nope"; add <data name="Nope"><value>…</value></data>",
        ]
      `);
    });
  });

  describe('DataSource.Kind', () => {
    it('must name a member of the section', () => {
      const section = GOOD_SECTION.replace(
        '[DataSource.Kind = "Good"',
        '[DataSource.Kind = "Goood"',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:4:20 DataSource.Kind "Goood" of Good.Contents names no member of section Good; add the data source record: Goood = [Authentication = […]];",
        ]
      `);
    });

    it('must be a text literal', () => {
      const section = GOOD_SECTION.replace('[DataSource.Kind = "Good"', '[DataSource.Kind = 42');
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:4:20 DataSource.Kind of Good.Contents must be a text literal naming the data source record, such as "Good"",
        ]
      `);
    });

    it('is checked on every member that has it', () => {
      const section = `${GOOD_SECTION}\n[DataSource.Kind = "Good"]\nshared Good.Other = 1;\n[DataSource.Kind = "Bad"]\nshared Bad.Other = 2;\n`;
      expect(codesOf({ ...GOOD, 'Good.pq': section })).toEqual([
        'PQSDK_BUILD_UNKNOWN_DATA_SOURCE_KIND',
      ]);
    });
  });

  describe('Publish', () => {
    it('must name a member of the section', () => {
      const section = GOOD_SECTION.replace('Publish = "Good.Publish"', 'Publish = "Good.Pub"');
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:4:38 Publish "Good.Pub" of Good.Contents names no member of section Good; add the publish record: Good.Pub = [Category = "Other", ButtonText = {…}];",
        ]
      `);
    });

    it('must name a member that is a record expression', () => {
      const section = GOOD_SECTION.replace(
        'Good.Publish = [',
        'Good.Publish = Record.Combine({[a = 1], [',
      );
      const fixed = section.replace('}]\n];', '}]\n]});');
      expect(problemsOf({ ...GOOD, 'Good.pq': fixed })).toMatchInlineSnapshot(`
        [
          "Good.pq:4:38 Publish "Good.Publish" of Good.Contents names a member that is not a record expression (at 9:1); write it as [ … ]",
        ]
      `);
    });

    it('accepts a record in parentheses or with metadata', () => {
      const section = GOOD_SECTION.replace('Good.Publish = [', 'Good.Publish = ([').replace(
        '}]\n];',
        '}]\n]) meta [Note = "x"];',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toEqual([]);
    });

    it('must be a text literal', () => {
      const section = GOOD_SECTION.replace('Publish = "Good.Publish"', 'Publish = true');
      expect(codesOf({ ...GOOD, 'Good.pq': section })).toEqual(['PQSDK_BUILD_BAD_ATTRIBUTE']);
    });
  });

  describe('Extension.Contents', () => {
    it('must name a file of the package', () => {
      const section = GOOD_SECTION.replace(
        'Extension.Contents("Good16.png")',
        'Extension.Contents("Good32.png")',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:11:49 Extension.Contents("Good32.png") names no file of the package; add Good32.png to the project folder",
        ]
      `);
    });

    it('names files exactly, and says so when only the case differs', () => {
      const section = GOOD_SECTION.replace(
        'Extension.Contents("Good16.png")',
        'Extension.Contents("good16.PNG")',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:11:49 Extension.Contents("good16.PNG") names no file of the package, which has "Good16.png"; names must match exactly",
        ]
      `);
    });

    it('says when the file named is one that is never packaged', () => {
      const section = GOOD_SECTION.replace(
        'Extension.Contents("Good16.png")',
        'Extension.Contents("Good.query.pq")',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:11:49 Extension.Contents("Good.query.pq") names a file that is never packaged (only .pq/.m, .pqm, .png and resources*.resx are, and the files a .proj lists as <MezContent>)",
        ]
      `);
    });

    it('accepts any file of the package, and cannot check a computed name', () => {
      const section = GOOD_SECTION.replace(
        'Extension.Contents("Good16.png")',
        'Extension.Contents("resources.resx"), Extension.Contents("Good" & "16.png"), Extension.Contents(("Good.pq"))',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toEqual([]);
    });
  });

  describe('Extension.LoadString', () => {
    it('must name a string of resources.resx', () => {
      const section = GOOD_SECTION.replace(
        'Extension.LoadString("Hello")',
        'Extension.LoadString("Bye")',
      );
      expect(problemsOf({ ...GOOD, 'Good.pq': section })).toMatchInlineSnapshot(`
        [
          "Good.pq:5:51 resources.resx has no string named "Bye"; add <data name="Bye"><value>…</value></data>",
        ]
      `);
    });

    it('needs a resources.resx', () => {
      const withoutResources = { 'Good.pq': GOOD['Good.pq'], 'Good16.png': GOOD['Good16.png'] };
      expect(problemsOf(withoutResources)).toMatchInlineSnapshot(`
        [
          "Good.pq:5:51 Extension.LoadString("Hello") needs a resources.resx with a <data name="Hello">, and the connector has no resources.resx",
          "Good.pq:7:73 Extension.LoadString("Label") needs a resources.resx with a <data name="Label">, and the connector has no resources.resx",
        ]
      `);
      expect(
        codesOf({
          ...withoutResources,
          'resources.de-DE.resx': resx({ Hello: 'Hallo', Label: 'Gut' }),
        }),
      ).toEqual(['PQSDK_BUILD_MISSING_STRING', 'PQSDK_BUILD_MISSING_STRING']);
    });
  });

  describe('resources', () => {
    it('must be well-formed XML', () => {
      const broken =
        '<?xml version="1.0"?>\n<root>\n  <data name="Hello"><value>Hi</valeu></data>\n</root>\n';
      // Only the broken file is reported: its strings cannot be known, so calls are not checked.
      expect(problemsOf({ ...GOOD, 'resources.resx': broken })).toMatchInlineSnapshot(`
        [
          "resources.resx:3:29 not well-formed XML: Opening and ending tag mismatch: "value" != "valeu"",
        ]
      `);
    });

    it('must have a <root>, and named, unique <data> elements', () => {
      expect(problemsOf({ ...GOOD, 'resources.resx': '<strings/>' })).toMatchInlineSnapshot(`
        [
          "resources.resx:1:1 the top element must be <root>, as in every .resx file, not <strings>",
        ]
      `);
      const resources = resx({ Hello: 'Hello', Label: 'Good' }).replace(
        '</root>',
        '  <data><value>no name</value></data>\n  <data name="Hello"><value>again</value></data>\n</root>',
      );
      expect(problemsOf({ ...GOOD, 'resources.resx': resources })).toMatchInlineSnapshot(`
        [
          "resources.resx:9:3 <data> without a name attribute",
          "resources.resx:10:3 a second <data> named "Hello"",
        ]
      `);
    });

    it('checks translations too', () => {
      expect(problemsOf({ ...GOOD, 'resources.fr-FR.resx': '<root><data name="x">' }))
        .toMatchInlineSnapshot(`
        [
          "resources.fr-FR.resx:1:18 not well-formed XML: unclosed xml tag(s): root, data",
        ]
      `);
    });
  });

  it('reports all problems at once, ordered by file and position', () => {
    const section = GOOD_SECTION.replace('[DataSource.Kind = "Good"', '[DataSource.Kind = "Goood"')
      .replace('Extension.LoadString("Hello")', 'Extension.LoadString("Bye")')
      .replace('Extension.Contents("Good16.png")', 'Extension.Contents("Good32.png")');
    expect(
      problemsOf({
        ...GOOD,
        'Good.pq': section,
        'A.pqm': '1 +',
        'resources.resx': resx({ Label: 'x' }),
      }),
    ).toMatchInlineSnapshot(`
      [
        "A.pqm:1:4 expected an expression, found the end of the input",
        "Good.pq:4:20 DataSource.Kind "Goood" of Good.Contents names no member of section Good; add the data source record: Goood = [Authentication = […]];",
        "Good.pq:5:51 resources.resx has no string named "Bye"; add <data name="Bye"><value>…</value></data>",
        "Good.pq:11:49 Extension.Contents("Good32.png") names no file of the package; add Good32.png to the project folder",
      ]
    `);
  });
});
