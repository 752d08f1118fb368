import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, examplePath, exampleFileNames } from '../test/fixtures.js';
import { extractConnectorMetadata } from './connector-metadata.js';
import { fileRole } from './connector-files.js';
import { readResx } from './resx.js';
import { staticValueOf } from './static-value.js';
import { parse } from '@pqsdk/m-parser';

function exampleMetadata(example: string) {
  const directory = examplePath(example);
  const section = exampleFileNames(example).find((name) => fileRole(name) === 'section')!;
  const strings = readResx(readFileSync(join(directory, 'resources.resx'))).entries;
  return extractConnectorMetadata(readFileSync(join(directory, section), 'utf8'), { strings });
}

describe('extractConnectorMetadata', () => {
  it('reads HelloWorld', () => {
    const { metadata, diagnostics } = exampleMetadata('HelloWorld');
    expect(diagnostics).toEqual([]);
    expect(metadata).toMatchInlineSnapshot(`
      {
        "dataSourceKinds": [
          {
            "authenticationKinds": [
              "Anonymous",
            ],
            "functions": [
              "HelloWorld.Contents",
            ],
            "label": "Hello World",
            "name": "HelloWorld",
          },
        ],
        "name": "HelloWorld",
        "publish": [
          {
            "fields": {
              "Beta": true,
              "ButtonText": [
                "Hello World",
                "Build a small table of greetings, without connecting to anything.",
              ],
              "Category": "Other",
              "LearnMoreUrl": "https://example.com/pqsdk/hello-world",
            },
            "functions": [
              "HelloWorld.Contents",
            ],
            "member": "HelloWorld.Publish",
          },
        ],
        "version": "1.0.0",
      }
    `);
  });

  it.each(EXAMPLES)('reads the name, version, kinds and publish records of %s', (example) => {
    const { metadata } = exampleMetadata(example);
    expect(metadata?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(metadata?.dataSourceKinds.map((kind) => kind.name)).toEqual([metadata?.name]);
    expect(metadata?.dataSourceKinds[0]?.authenticationKinds?.length).toBeGreaterThan(0);
    expect(metadata?.publish.map((record) => record.member)).toEqual([
      `${metadata?.name ?? ''}.Publish`,
    ]);
  });

  it('reads the authentication kinds of every example', () => {
    expect(
      Object.fromEntries(
        EXAMPLES.map((example) => [
          example,
          exampleMetadata(example).metadata?.dataSourceKinds[0]?.authenticationKinds,
        ]),
      ),
    ).toEqual({
      HelloWorld: ['Anonymous'],
      RestApi: ['Key'],
      OAuthPkce: ['OAuth'],
      ODataFeed: ['Anonymous', 'UsernamePassword'],
      TableViewFolding: ['Anonymous', 'Key'],
    });
  });

  it('leaves out what cannot be read without evaluating M', () => {
    const text = `[Version = 2]
section Odd;
[DataSource.Kind = "Odd", Publish = "Odd.Publish"]
shared Odd.Contents = 1;
[DataSource.Kind = "Odd"]
shared Odd.More = 2;
[DataSource.Kind = "Missing", Publish = "Nowhere"]
shared Odd.Lost = 3;
Odd = [Authentication = Auth, Label = "Odd " & "label"];
Auth = [Key = []];
Odd.Publish = ([
    Beta = false,
    Category = Text.Upper("other"),
    ButtonText = {Extension.LoadString("Title"), Extension.LoadString("Unknown")},
    Order = -3,
    Nested = [A = {1, null, true}]
]) meta [Private = true];
`;
    expect(extractConnectorMetadata(text, { strings: new Map([['Title', 'Odd']]) }))
      .toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "metadata": {
          "dataSourceKinds": [
            {
              "authenticationKinds": null,
              "functions": [
                "Odd.Contents",
                "Odd.More",
              ],
              "label": null,
              "name": "Odd",
            },
            {
              "authenticationKinds": null,
              "functions": [
                "Odd.Lost",
              ],
              "label": null,
              "name": "Missing",
            },
          ],
          "name": "Odd",
          "publish": [
            {
              "fields": {
                "Beta": false,
                "Nested": {
                  "A": [
                    1,
                    null,
                    true,
                  ],
                },
                "Order": -3,
              },
              "functions": [
                "Odd.Contents",
              ],
              "member": "Odd.Publish",
            },
            {
              "fields": {},
              "functions": [
                "Odd.Lost",
              ],
              "member": "Nowhere",
            },
          ],
          "version": null,
        },
      }
    `);
  });

  it('reads the best it can of a document with syntax errors, and nothing of an expression', () => {
    const broken = extractConnectorMetadata(
      'section Broken;\n[DataSource.Kind = "Broken"]\nshared a = (;\nBroken = [Authentication = [Key = []]];',
    );
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    expect(broken.metadata?.dataSourceKinds).toEqual([
      { name: 'Broken', label: null, authenticationKinds: ['Key'], functions: ['a'] },
    ]);
    expect(extractConnectorMetadata('1 + 1').metadata).toBeUndefined();
  });
});

describe('staticValueOf', () => {
  const valueOf = (expression: string, strings?: ReadonlyMap<string, string>) => {
    const document = parse(expression, { mode: 'expression' }).ast;
    if (document?.kind !== 'ExpressionDocument') throw new Error('not an expression');
    return staticValueOf(document.expression, strings);
  };

  it.each([
    ['"text"', 'text'],
    ['42', 42],
    ['-1.5', -1.5],
    ['+7', 7],
    ['0xff', 255],
    ['true', true],
    ['null', null],
    ['{1, "a", {false}}', [1, 'a', [false]]],
    ['[a = 1, #"b c" = [d = "e"]]', { a: 1, 'b c': { d: 'e' } }],
    ['("x") meta [y = 1]', 'x'],
    ['Extension.LoadString("k")', 'value'],
  ])('%s is %j', (expression, value) => {
    expect(valueOf(expression, new Map([['k', 'value']]))).toEqual(value);
  });

  it.each([
    ['#nan'],
    ['-#infinity'],
    ['not true'],
    ['1 + 1'],
    ['{1..3}'],
    ['x'],
    ['Extension.LoadString("missing")'],
    ['Extension.LoadString(key)'],
    ['Text.From(1)'],
    ['[a = x]'],
  ])('%s is not static', (expression) => {
    expect(valueOf(expression)).toBeUndefined();
  });
});
