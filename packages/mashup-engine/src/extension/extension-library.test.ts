import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MashupEngine, resourceFilesFor, type EvaluationResult } from '../index.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;

let engine: MashupEngine;
let german: MashupEngine;

beforeAll(async () => {
  const options = {
    environmentConfiguration: { Cloud: 'global', Port: 8080 },
    variables: { Region: 'north' },
    application: { Name: 'pqsdk-test', Version: '1.2.3' },
    proxyUri: 'http://proxy.example:3128',
  };
  [engine, german] = await Promise.all([
    MashupEngine.open(PROBE, options),
    MashupEngine.open(PROBE, { culture: 'de-AT' }),
  ]);
});

afterAll(async () => {
  await Promise.all([engine.close(), german.close()]);
});

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

function errorOf(result: EvaluationResult): { reason: string | null; message: string | null } {
  if (result.ok) throw new Error(`expected an error, got ${result.value.literal}`);
  return result.error;
}

describe('Extension.Contents', () => {
  it('returns the bytes of a package file', async () => {
    expect(
      valueOf(await engine.evaluate('Text.FromBinary(Extension.Contents("Double.pqm"))')),
    ).toBe('(x as number) as number => x * 2\n');
  });

  it('loads a module that a shared member evaluates', async () => {
    expect(valueOf(await engine.evaluate('Probe.Module(21)'))).toBe(42);
  });

  it('raises an error for a file that is not in the package', async () => {
    expect(errorOf(await engine.evaluate('Extension.Contents("Probe.query.pq")'))).toEqual({
      reason: 'Expression.Error',
      message: "The file 'Probe.query.pq' wasn't found in the Probe connector's package.",
      detail: '"Probe.query.pq"',
      detailJson: 'Probe.query.pq',
      messageFormat: null,
      messageParameters: null,
    });
  });
});

describe('Extension.Module', () => {
  it('evaluates a module of the package, with or without its .pqm', async () => {
    expect(
      valueOf(
        await engine.evaluate(
          '[a = Extension.Module("Double.pqm")(4), b = Extension.Module("Double")(5)]',
        ),
      ),
    ).toEqual({ a: 8, b: 10 });
  });

  it('evaluates in the environment given instead of the global one', async () => {
    expect(valueOf(await engine.evaluate('Extension.Module("Shout")("hey")'))).toBe('HEY');
    expect(
      valueOf(await engine.evaluate('Extension.Module("Shout", [Text.Upper = Text.Lower])("HeY")')),
    ).toBe('hey');
    expect(errorOf(await engine.evaluate('Extension.Module("Shout", [])("hey")')).message).toBe(
      "The name 'Text.Upper' wasn't recognized. Make sure it's spelled correctly.",
    );
  });

  it('raises an error for a module that is not in the package', async () => {
    expect(errorOf(await engine.evaluate('Extension.Module("Missing")'))).toMatchObject({
      reason: 'Expression.Error',
      message: "The module 'Missing' wasn't found in the Probe connector's package.",
    });
  });
});

describe('Extension.LoadString', () => {
  it('lists the resource files of a culture, most specific first', () => {
    expect(resourceFilesFor('de-AT')).toEqual([
      'resources.de-AT.resx',
      'resources.de.resx',
      'resources.resx',
    ]);
  });

  it('reads resources.resx for en-US', async () => {
    expect(valueOf(await engine.evaluate('Probe.Strings'))).toEqual({
      Hello: 'Hello',
      Region: 'neutral',
      NeutralOnly: 'only in resources.resx',
    });
  });

  it('falls back from de-AT to de to the neutral file, string by string', async () => {
    expect(valueOf(await german.evaluate('Probe.Strings'))).toEqual({
      Hello: 'Hallo',
      Region: 'österreichisch',
      NeutralOnly: 'only in resources.resx',
    });
  });

  it('raises an error for a missing string', async () => {
    expect(errorOf(await engine.evaluate('Extension.LoadString("Nope")')).message).toBe(
      "The string 'Nope' wasn't found in the Probe connector's resources.resx.",
    );
  });
});

describe('Extension.CredentialError', () => {
  it('returns the error record to raise, with the Credential.* reason', async () => {
    const result = await engine.evaluate(
      'try error Extension.CredentialError(Credential.AccessDenied, "bad key") catch (e) => [Reason = e[Reason], Message = e[Message]]',
    );
    expect(valueOf(result)).toEqual({ Reason: 'Credential.AccessDenied', Message: 'bad key' });
  });

  it('defines the four documented reasons', async () => {
    const result = await engine.evaluate(
      '{Credential.AccessDenied, Credential.AccessForbidden, Credential.EncryptionNotSupported, Credential.NativeQueryPermission}',
    );
    expect(valueOf(result)).toEqual([
      'Credential.AccessDenied',
      'Credential.AccessForbidden',
      'Credential.EncryptionNotSupported',
      'Credential.NativeQueryPermission',
    ]);
  });
});

describe('the environment', () => {
  it('returns the environment configuration, variables, application and proxy from the settings', async () => {
    const result = await engine.evaluate(`[
      Configuration = Environment.Configuration(),
      Region = Variable.ValueOrDefault("Region", "south"),
      Missing = Variable.ValueOrDefault("Missing", "default"),
      Application = Extension.CurrentApplication(),
      Proxy = Web.DefaultProxy("https://api.example")
    ]`);
    expect(valueOf(result)).toEqual({
      Configuration: { Cloud: 'global', Port: 8080 },
      Region: 'north',
      Missing: 'default',
      Application: { Name: 'pqsdk-test', Version: '1.2.3' },
      Proxy: { ProxyUri: 'http://proxy.example:3128' },
    });
  });

  it('gives a variable with Variable.Value, and raises an error for one that is not defined', async () => {
    expect(valueOf(await engine.evaluate('Variable.Value("Region")'))).toBe('north');
    expect(errorOf(await engine.evaluate('Variable.Value("Missing")'))).toMatchObject({
      reason: 'Expression.Error',
      message: "The variable 'Missing' is not defined in this environment.",
    });
  });

  it('reports no proxy as an empty record', async () => {
    expect(valueOf(await german.evaluate('Web.DefaultProxy("https://api.example")'))).toEqual({});
  });
});

describe('Uri.Type', () => {
  it('is a text type that keeps its name through a function type', async () => {
    const result = await engine.evaluate(`[
      IsText = Type.Is(Uri.Type, type text),
      Conforms = Value.Is("https://a.example", Uri.Type),
      Printed = Value.Type(Probe.Get)
    ]`);
    expect(result.ok ? result.value.literal : result.error.message).toBe(
      '[IsText = true, Conforms = true, Printed = type function (url as Uri.Type, optional options as record) as any]',
    );
  });
});

describe('ODBC', () => {
  it.each([
    ['Odbc.DataSource("dsn=Warehouse")', "the driver 'Warehouse'"],
    [
      'Odbc.Query([Driver = "Snowflake ODBC", Server = "x"], "select 1", [CommandTimeout = #duration(0, 0, 1, 0)])',
      "the driver 'Snowflake ODBC'",
    ],
    ['Odbc.InferOptions("Driver={SQL Server};Server=db")', "the driver 'SQL Server'"],
    ['Odbc.DataSource("Server=db")', 'the data source'],
  ])('%s fails as on a machine without the driver', async (expression, which) => {
    const error = errorOf(await engine.evaluate(expression));
    expect(error.reason).toBe('DataSource.Error');
    expect(error.message).toMatch(/^ODBC: ERROR \[IM002\] Data source name not found/);
    expect(error.message).toContain(`connect to ${which}, because pqsdk runs no ODBC drivers.`);
  });

  it('can be caught, so the code around the call still runs', async () => {
    const result = await engine.evaluate(
      'try Odbc.DataSource("dsn=x") catch (e) => e[Detail][DataSourceKind]',
    );
    expect(valueOf(result)).toBe('Odbc');
  });
});
