import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { HELLO_WORLD, workspace } from '../../test/engine-fixtures.js';
import type { InfoEntry } from './info-report.js';

afterEach(removeTempDirectories);

describe('pqsdk info', { timeout: 120_000 }, () => {
  it('describes the data sources, functions, parameters and their documentation', async () => {
    const result = await runCli(['info', '-e', HELLO_WORLD]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.stdout) as [InfoEntry];
    expect(entry.Source).toBe(HELLO_WORLD);
    expect(entry.Name).toBe('HelloWorld');
    expect(entry.Version).toBe('1.0.0');
    expect(entry.DataSources).toEqual([
      {
        DataSourceKind: 'HelloWorld',
        Label: 'Hello World',
        AuthenticationInfos: [{ Kind: 'Anonymous' }],
        SupportsEncryption: false,
        TestConnection: true,
      },
    ]);
    expect(entry.Members.map((member) => member.Name)).toEqual(['HelloWorld.Contents']);
    const [contents] = entry.Members;
    expect({ ...contents, Publish: undefined }).toEqual({
      Name: 'HelloWorld.Contents',
      Type: 'function',
      IsDataSource: true,
      DataSourceKind: 'HelloWorld',
      Publish: undefined,
      Documentation: {
        Name: 'Hello World greetings',
        LongDescription:
          'Returns one row per greeting, built from your message in the language you choose.',
        Examples: [
          {
            Description: 'Greets three times in English.',
            Code: 'HelloWorld.Contents("Hello", 3)',
            Result:
              '#table({"Index", "Greeting"}, {{1, "Hello (1)"}, {2, "Hello (2)"}, {3, "Hello (3)"}})',
          },
          {
            Description: 'Greets once, in German, using the default repeat count of one.',
            Code: 'HelloWorld.Contents("Welt", null, "de")',
            Result: '#table({"Index", "Greeting"}, {{1, "Hallo, Welt (1)"}})',
          },
        ],
      },
      FunctionParameters: [
        {
          Name: 'message',
          ParameterType: 'text',
          IsRequired: true,
          IsNullable: false,
          InDataSourcePath: true,
          Caption: 'Message',
          Description: 'The text to put in every greeting.',
          SampleValues: ['Hello, world', 'Good morning'],
        },
        {
          Name: 'repeat',
          ParameterType: 'number',
          IsRequired: false,
          IsNullable: true,
          InDataSourcePath: false,
          Caption: 'Repeat count',
          Description: 'How many rows to return (default 1).',
          AllowedValues: [1, 2, 3, 5, 8, 13],
        },
        {
          Name: 'language',
          ParameterType: 'text',
          IsRequired: false,
          IsNullable: true,
          InDataSourcePath: false,
          Caption: 'Language',
          Description: 'Two-letter code of the language to greet in.',
          AllowedValues: ['en', 'de', 'fr', 'es', 'ja'],
        },
      ],
      DataTypeOrReturnType: 'table',
      DataSourcePath: 'json',
    });
    expect(contents?.Publish).toMatchObject({
      Beta: true,
      Category: 'Other',
      ButtonText: [
        'Hello World',
        'Build a small table of greetings, without connecting to anything.',
      ],
      LearnMoreUrl: 'https://example.com/pqsdk/hello-world',
    });
  });

  it('prints a summary on a terminal', async () => {
    const { cwd } = workspace();
    const result = await runCli(['info', '-e', HELLO_WORLD], { cwd, stdoutIsTTY: true });
    expect(result.stdout.replace(HELLO_WORLD, '<HelloWorld>')).toMatchInlineSnapshot(`
      "HelloWorld 1.0.0  (<HelloWorld>)

      Data source kinds:
        HelloWorld "Hello World": Anonymous; TestConnection

      Shared members:
        HelloWorld.Contents(message as text, optional repeat as number, optional language as text) as table
          data source HelloWorld (path: json), published
          Hello World greetings: Returns one row per greeting, built from your message in the language you choose.
          2 example(s)
          message: Message: The text to put in every greeting.; samples "Hello, world", "Good morning"
          repeat: Repeat count: How many rows to return (default 1).; allowed 1, 2, 3, 5, 8, 13
          language: Language: Two-letter code of the language to greet in.; allowed "en", "de", "fr", "es", "ja"
      "
    `);
  });

  it('needs a connector', async () => {
    expect(await runCli(['info'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pqsdk info: no connector given: use -e <project folder, .pq, .mez or .pqx>; run pqsdk info --help\n',
    });
  });
});
