import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../http/client.js';
import { MashupEngine, type EvaluationResult } from '../index.js';
import {
  GREENHOUSE_ROOT,
  startGreenhouseService,
  type GreenhouseService,
} from '../../test/examples/greenhouse-service.js';
import { LoopbackHosts } from '../../test/examples/loopback-hosts.js';
import { startServer } from '../../test/helpers.js';
import { ODATA_FEED_OPTIONS } from './odata-options.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;
const ROOT = GREENHOUSE_ROOT;
const BARE_ROOT = 'https://south-farm.greenhouse.example/odata/';
const PLAIN_ROOT = 'https://plain.greenhouse.example/';

let service: GreenhouseService;
let bare: GreenhouseService;
let plain: Awaited<ReturnType<typeof startServer>>;
let engine: MashupEngine;

beforeAll(async () => {
  [service, bare, plain] = await Promise.all([
    startGreenhouseService({ pageSize: 4 }),
    startGreenhouseService({ pageSize: 4, metadata: false, root: BARE_ROOT }),
    startServer((request) =>
      request.url === '/html'
        ? { headers: { 'content-type': 'text/html' }, body: '<html></html>' }
        : { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom' },
    ),
  ]);
  const hosts = new LoopbackHosts()
    .map(ROOT, service.origin)
    .map(BARE_ROOT, bare.origin)
    .map(PLAIN_ROOT, plain.url);
  engine = await MashupEngine.open(PROBE, {
    http: new HttpClient({ cache: false, sleep: () => Promise.resolve(), transport: hosts }),
  });
});

afterAll(async () => {
  await engine.close();
  await Promise.all([service.close(), bare.close(), plain.close()]);
});

beforeEach(() => {
  service.requests.length = 0;
  bare.requests.length = 0;
});

function literal(result: EvaluationResult): string {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.literal;
}

function json(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

function failure(result: EvaluationResult): { reason: string | null; message: string | null } {
  if (result.ok) throw new Error(`expected an error, got ${result.value.literal}`);
  return { reason: result.error.reason, message: result.error.message };
}

const feed = (path = '', options = ''): string =>
  `OData.Feed("${ROOT}${path}"${options === '' ? '' : `, null, ${options}`})`;
const entitySet = (name: string, options = ''): string =>
  `${feed('', options)}{[Name = "${name}"]}[Data]`;

describe('OData.Feed: the service document', () => {
  it('is a navigation table of entity sets, singletons and function imports', async () => {
    const result = await engine.evaluate(
      `let nav = ${feed()} in Table.SelectColumns(nav, {"Name", "Signature", "ItemKind", "ItemName", "IsLeaf"})`,
    );
    expect(json(result)).toEqual([
      { Name: 'Zones', Signature: 'table', ItemKind: 'Table', ItemName: 'Table', IsLeaf: true },
      { Name: 'Sensors', Signature: 'table', ItemKind: 'Table', ItemName: 'Table', IsLeaf: true },
      { Name: 'Readings', Signature: 'table', ItemKind: 'Table', ItemName: 'Table', IsLeaf: true },
      { Name: 'Alarms', Signature: 'table', ItemKind: 'Table', ItemName: 'Table', IsLeaf: true },
      {
        Name: 'FirmwareImages',
        Signature: 'table',
        ItemKind: 'Table',
        ItemName: 'Table',
        IsLeaf: true,
      },
      {
        Name: 'Controller',
        Signature: 'record',
        ItemKind: 'Record',
        ItemName: 'Record',
        IsLeaf: true,
      },
      {
        Name: 'ReadingsOfSensor',
        Signature: 'function (sensorId as text, optional limit as nullable number) as table',
        ItemKind: 'Function',
        ItemName: 'Function',
        IsLeaf: true,
      },
    ]);
  });

  it('is keyed on Name and carries the navigation table metadata', async () => {
    const result = await engine.evaluate(
      `let nav = ${feed()} in [Keys = Table.Keys(nav), Meta = Value.Metadata(Value.Type(nav))]`,
    );
    expect(json(result)).toEqual({
      Keys: [{ Columns: ['Name'], Primary: true }],
      Meta: {
        'NavigationTable.NameColumn': 'Name',
        'NavigationTable.DataColumn': 'Data',
        'NavigationTable.ItemKindColumn': 'ItemKind',
        'NavigationTable.IsLeafColumn': 'IsLeaf',
        'Preview.DelayColumn': 'ItemName',
      },
    });
  });

  it('reads only the service document until a Data cell is read', async () => {
    expect(json(await engine.evaluate(`${feed()}[Name]`))).toHaveLength(7);
    expect(service.paths()).toEqual(['']);
  });

  it('types an entity set from $metadata without reading it', async () => {
    const result = await engine.evaluate(`Value.Type(${entitySet('Sensors')})`);
    expect(literal(result)).toBe(
      'type table [SensorId = text, ZoneId = text, Kind = text, Model = nullable text, InstalledOn = nullable date, Active = logical, FirmwareVersion = nullable text]',
    );
    expect(json(await engine.evaluate(`Table.Keys(${entitySet('Sensors')})`))).toEqual([
      { Columns: ['SensorId'], Primary: true },
    ]);
    expect(service.paths()).toEqual(['', '$metadata', '', '$metadata']);
  });

  it('reads a singleton as a record and calls a function import', async () => {
    expect(literal(await engine.evaluate(entitySet('Controller')))).toBe(
      '[Version = "4.2.1", Released = #date(2024, 1, 15)]',
    );
    const result = await engine.evaluate(
      `Table.ToRows(Table.SelectColumns(${entitySet('ReadingsOfSensor')}("Z2-H", 2), {"ReadingId", "SensorId"}))`,
    );
    expect(json(result)).toEqual([
      [145, 'Z2-H'],
      [146, 'Z2-H'],
    ]);
    expect(service.paths()).toContain("ReadingsOfSensor(sensorId='Z2-H',limit=2)");
  });

  it('adds More Columns with the properties $metadata does not declare', async () => {
    const result = await engine.evaluate(entitySet('FirmwareImages', '[MoreColumns = true]'));
    expect(literal(result)).toBe(
      '#table(type table [Version = text, Released = nullable date, More Columns = record], {{"4.2.1", #date(2024, 1, 15), [Channel = "stable"]}})',
    );
  });
});

describe('OData.Feed: collections', () => {
  it('reads the pages of a collection as its rows are read', async () => {
    const result = await engine.evaluate(`List.FirstN(${feed('Readings')}[ReadingId], 6)`);
    expect(json(result)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(service.paths()).toEqual(['Readings', '$metadata', 'Readings?$skiptoken=4']);
  });

  it('passes $select, $filter and $top of the URL through', async () => {
    const result = await engine.evaluate(
      feed("Sensors?$select=SensorId,Model&$filter=Kind eq 'humidity'&$top=2"),
    );
    expect(literal(result)).toBe(
      '#table(type table [SensorId = text, Model = nullable text], {{"Z1-H", "HY-7"}, {"Z2-H", "HY-7"}})',
    );
  });

  it('gives a list for a collection of primitive values and a value for a primitive', async () => {
    const server = await startServer((request) => ({
      body: JSON.stringify(
        request.url === '/list'
          ? { '@odata.context': 'x/$metadata#Collection(Edm.String)', value: ['a', 'b'] }
          : { '@odata.context': 'x/$metadata#Edm.Int32', value: 7 },
      ),
    }));
    try {
      expect(json(await engine.evaluate(`OData.Feed("${server.url}/list")`))).toEqual(['a', 'b']);
      expect(json(await engine.evaluate(`OData.Feed("${server.url}/one")`))).toBe(7);
    } finally {
      await server.close();
    }
  });

  it('types the columns from the first page when the service has no $metadata', async () => {
    const result = await engine.evaluate(
      `let t = OData.Feed("${BARE_ROOT}"){[Name = "Alarms"]}[Data] in [Type = Value.Type(t), Rows = Table.RowCount(t)]`,
    );
    expect(literal(result)).toBe(
      '[Type = type table [AlarmId = number, ZoneId = text, Raised = text, Cleared = nullable text, Severity = text, Message = text, Duration = text], Rows = 2]',
    );
    // $metadata is asked for once per OData.Feed call; its 404 is remembered.
    expect(bare.paths()).toEqual(['', '$metadata', 'Alarms', 'Alarms?$top=0&$count=true']);
  });
});

describe('OData.Feed: folding', () => {
  it.each([
    [`Table.FirstN(${entitySet('Zones')}, 2)[ZoneId]`, ['Z1', 'Z2'], 'Zones?$top=2'],
    [`Table.Skip(${entitySet('Zones')}, 2)[ZoneId]`, ['Z3'], 'Zones?$skip=2'],
    [
      `Table.FirstN(Table.Skip(${entitySet('Zones')}, 1), 1)[ZoneId]`,
      ['Z2'],
      'Zones?$skip=1&$top=1',
    ],
    [
      `Table.Sort(${entitySet('Zones')}, {{"AreaSquareMeters", Order.Descending}})[ZoneId]`,
      ['Z1', 'Z2', 'Z3'],
      'Zones?$orderby=AreaSquareMeters%20desc',
    ],
    [
      `Table.SelectColumns(${entitySet('Zones')}, {"Name", "ZoneId"})`,
      [
        { Name: 'Tomato house', ZoneId: 'Z1' },
        { Name: 'Herb tunnel', ZoneId: 'Z2' },
        { Name: 'Nursery', ZoneId: 'Z3' },
      ],
      'Zones?$select=Name%2CZoneId',
    ],
    [
      `Table.RemoveColumns(${entitySet('Zones')}, {"Notes", "Crop", "TargetTemperature", "AreaSquareMeters", "Name"})[ZoneId]`,
      ['Z1', 'Z2', 'Z3'],
      'Zones?$select=ZoneId',
    ],
    [`Table.RowCount(${entitySet('Readings')})`, 288, 'Readings?$top=0&$count=true'],
    [
      `Table.RowCount(Table.FirstN(Table.Skip(${entitySet('Readings')}, 280), 5))`,
      5,
      'Readings?$top=0&$count=true',
    ],
  ])('%s', async (query, expected, request) => {
    expect(json(await engine.evaluate(query))).toEqual(expected);
    expect(service.requests.map((received) => received.url.replace(/^\/odata\//, ''))).toContain(
      request,
    );
  });

  it('folds Table.SelectRows into $filter (through RowExpression.From)', async () => {
    const result = await engine.evaluate(
      `Table.SelectRows(${entitySet('Zones')}, each [AreaSquareMeters] > 100 and Text.StartsWith([Name], "T"))[ZoneId]`,
    );
    expect(json(result)).toEqual(['Z1']);
    expect(service.paths()).toContain(
      "Zones?$filter=(AreaSquareMeters gt 100) and (startswith(Name,'T'))",
    );
  });

  it('filters locally what it cannot translate, with the same rows', async () => {
    const result = await engine.evaluate(
      `Table.SelectRows(${entitySet('Zones')}, each Text.Upper([Name]) = "NURSERY")[ZoneId]`,
    );
    expect(json(result)).toEqual(['Z3']);
    expect(service.paths().at(-1)).toBe('Zones');
  });

  it('sorts locally after $top (OData applies $orderby first)', async () => {
    const result = await engine.evaluate(
      `Table.Sort(Table.FirstN(${entitySet('Zones')}, 2), {{"ZoneId", Order.Descending}})[ZoneId]`,
    );
    expect(json(result)).toEqual(['Z2', 'Z1']);
    expect(service.paths().at(-1)).toBe('Zones?$top=2');
  });

  it('asks for the page after $top only when the service ignores $top', async () => {
    const result = await engine.evaluate(
      `List.Count(Table.FirstN(${entitySet('Readings')}, 5)[ReadingId])`,
    );
    expect(json(result)).toBe(5);
    expect(service.paths().filter((path) => path.startsWith('Readings'))).toEqual([
      'Readings?$top=5',
      'Readings?$top=5&$skiptoken=4',
    ]);
  });
});

describe('OData.Feed: options and headers', () => {
  it('sends the OData headers, the headers argument and the Headers option', async () => {
    await engine.evaluate(
      `Table.RowCount(OData.Feed("${ROOT}Zones", [#"X-Trace" = "a", #"X-Both" = "argument"], [Headers = [#"X-Both" = "option"], ODataVersion = 4, OmitValues = ODataOmitValues.Nulls, IncludeAnnotations = "Core.*", Implementation = "2.0", Concurrent = false, Timeout = #duration(0, 0, 0, 30)]))`,
    );
    expect(service.requests[0]?.headers).toMatchObject({
      accept: 'application/json;odata.metadata=minimal',
      'odata-version': '4.0',
      'odata-maxversion': '4.0',
      prefer: 'odata.include-annotations="Core.*", omit-values=nulls',
      'x-trace': 'a',
      'x-both': 'option',
    });
    expect(service.requests[1]?.headers).toMatchObject({ accept: 'application/xml' });
    expect(service.requests[1]?.headers['prefer']).toBe('odata.include-annotations="Core.*"');
  });

  it('adds the Query option to every request, nextLinks and $metadata included', async () => {
    const result = await engine.evaluate(
      `List.FirstN(${feed('Readings', '[Query = [#"api-version" = "2"]]')}[ReadingId], 5)`,
    );
    expect(json(result)).toEqual([1, 2, 3, 4, 5]);
    expect(service.paths()).toEqual([
      'Readings?api-version=2',
      '$metadata?api-version=2',
      'Readings?api-version=2&$skiptoken=4',
    ]);
  });

  it('takes a logical as the options (Concurrent)', async () => {
    expect(
      json(await engine.evaluate(`Table.RowCount(OData.Feed("${ROOT}Zones", null, true))`)),
    ).toBe(3);
  });

  it.each([
    [
      '[Method = "POST"]',
      `'Method' isn't a valid OData.Feed option. Valid options are: ${ODATA_FEED_OPTIONS.join(', ')}.`,
    ],
    ['[Timeout = 30]', 'The OData.Feed option Timeout must be a positive duration.'],
    ['[Implementation = "1.0"]', 'The OData.Feed option Implementation must be "2.0" or null.'],
    ['[OmitValues = "all"]', 'The OData.Feed option OmitValues must be ODataOmitValues.Nulls.'],
    [
      '[ODataVersion = 3]',
      'OData.Feed in pqsdk reads OData v4 services only; ODataVersion = 3 is not supported.',
    ],
    ['[Headers = [A = 1]]', 'The OData.Feed option Headers must be a record of texts.'],
    ['"x"', 'The OData.Feed options must be a record or a logical.'],
  ])('refuses the options %s', async (options, message) => {
    expect(failure(await engine.evaluate(feed('Zones', options)))).toEqual({
      reason: 'Expression.Error',
      message,
    });
    expect(service.requests).toHaveLength(0);
  });

  it('keeps request URLs within MaxUriLength', async () => {
    expect(failure(await engine.evaluate(feed('Zones', '[MaxUriLength = 20]')))).toEqual({
      reason: 'DataSource.Error',
      message: `OData: the request URL is ${String(`${ROOT}Zones`.length)} characters long, more than MaxUriLength (20).`,
    });
  });
});

describe('OData.Feed: errors', () => {
  it('raises the message of an OData error payload as DataSource.Error', async () => {
    const result = await engine.evaluate(feed('Greenhouses'));
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'DataSource.Error',
      message: "OData: Request failed (404): Resource not found for the segment 'Greenhouses'.",
      detailJson: {
        DataSourceKind: 'OData',
        Url: `${ROOT}Greenhouses`,
        Status: 404,
        ODataErrorCode: 'NotFound',
      },
    });
  });

  it('raises the service message of a refused $filter', async () => {
    const result = await engine.evaluate(feed('Zones?$filter=Area wider 3'));
    expect(failure(result).message).toBe(
      "OData: Request failed (400): unexpected 'wider' in $filter",
    );
  });

  it('falls back to the Web.Contents error without an OData payload', async () => {
    expect(failure(await engine.evaluate(`OData.Feed("${PLAIN_ROOT}x")`))).toEqual({
      reason: 'DataSource.Error',
      message: `Web.Contents failed to get contents from '${PLAIN_ROOT}x' (500): Internal Server Error`,
    });
  });

  it('refuses a response that is not JSON', async () => {
    expect(failure(await engine.evaluate(`OData.Feed("${PLAIN_ROOT}html")`))).toEqual({
      reason: 'DataFormat.Error',
      message: `OData: the response from '${PLAIN_ROOT}html' is not JSON (content type text/html); pqsdk reads OData v4 JSON only.`,
    });
  });

  it('refuses a URL that is not http or https', async () => {
    expect(failure(await engine.evaluate('OData.Feed("ftp://h/odata")'))).toEqual({
      reason: 'DataSource.Error',
      message: "OData.Feed needs an absolute http or https URL; 'ftp://h/odata' is not one.",
    });
  });

  it('has the documented function type and the ODataOmitValues enumeration', async () => {
    expect(
      literal(await engine.evaluate('[T = Value.Type(OData.Feed), N = ODataOmitValues.Nulls]')),
    ).toBe(
      '[T = type function (serviceUri as text, optional headers as nullable record, optional options as any) as any, N = "nulls"]',
    );
  });
});
