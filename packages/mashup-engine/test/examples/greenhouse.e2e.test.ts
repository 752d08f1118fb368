/**
 * examples/ODataFeed (the Greenhouse connector, `OData.Feed`) end to end: its test query and its
 * functions against an OData v4 service on 127.0.0.1 (`greenhouse-service.ts`), through real
 * `MashupEngine` workers and real HTTP. The connector's site URL stays
 * `https://north-farm.greenhouse.example/odata/`; `LoopbackHosts` serves that origin from the
 * loopback server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  credentialListProvider,
  HttpClient,
  MashupEngine,
  type EvaluationResult,
} from '../../src/index.js';
import { credential, EXAMPLES } from '../helpers.js';
import {
  GREENHOUSE_ROOT,
  startGreenhouseService,
  type GreenhouseService,
} from './greenhouse-service.js';
import { LoopbackHosts } from './loopback-hosts.js';

const CONNECTOR = `${EXAMPLES}ODataFeed`;
const QUERY = readFileSync(`${CONNECTOR}/Greenhouse.query.pq`, 'utf8');
const NOW = new Date('2024-06-23T00:00:00Z');

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

function literalOf(result: EvaluationResult): string {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.literal;
}

describe('examples/ODataFeed (Greenhouse) against an OData v4 service', () => {
  let service: GreenhouseService;
  let engine: MashupEngine;

  beforeAll(async () => {
    service = await startGreenhouseService({ pageSize: 50 });
    engine = await MashupEngine.open(CONNECTOR, {
      http: new HttpClient({
        cache: false,
        transport: new LoopbackHosts().map(GREENHOUSE_ROOT, service.origin),
      }),
      credentials: credentialListProvider([credential.anonymous('Greenhouse', GREENHOUSE_ROOT)]),
      now: NOW,
    });
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
  });

  beforeEach(() => {
    service.requests.length = 0;
  });

  it('runs Greenhouse.query.pq', async () => {
    const result = await engine.evaluate(QUERY);
    expect(valueOf(result)).toEqual({
      EntitySets: ['Zones', 'Sensors', 'Readings', 'Alarms'],
      SensorColumns: ['SensorId', 'ZoneId', 'Kind', 'Model', 'InstalledOn', 'Active'],
      // 3 temperature sensors × 24 hourly readings, less the 2 a day each flags with Quality "0".
      ReadingCount: 66,
      ReadingTypes: [
        'Timestamp: datetimezone',
        'Zone: text',
        'Kind: text',
        'SensorId: text',
        'Value: number',
        'Unit: text',
        'Quality: number',
      ],
      ZoneMeans: [
        { Zone: 'Herb tunnel', Mean: 21.863636363636363, Readings: 22 },
        { Zone: 'Nursery', Mean: 22.863636363636363, Readings: 22 },
        { Zone: 'Tomato house', Mean: 20.863636363636363, Readings: 22 },
      ],
      InvertedWindow: 'The end of the time window must be later than its start.',
      InsecureUrl: true,
    });
    expect(result.dataSources.map((use) => [use.kind, use.path])).toContainEqual([
      'Greenhouse',
      GREENHOUSE_ROOT,
    ]);
  });

  it('folds the readings filters into $filter and the projections into $select', async () => {
    valueOf(
      await engine.evaluate(
        `Table.RowCount(Greenhouse.Readings("${GREENHOUSE_ROOT}", #datetime(2024, 6, 21, 0, 0, 0), #datetime(2024, 6, 22, 0, 0, 0), {"temperature"}))`,
      ),
    );
    const paths = service.paths();
    expect(paths).toContain("Sensors?$filter=Kind eq 'temperature'&$select=SensorId,ZoneId,Kind");
    expect(paths).toContain('Zones?$select=ZoneId,Name');
    expect(paths).toContain(
      "Readings?$filter=((Timestamp ge 2024-06-21T00:00:00Z) and (Timestamp lt 2024-06-22T00:00:00Z)) and (Quality ne '0')",
    );
    // The window holds 132 good readings of all six sensors (the kind filter applies to the
    // sensors, which are joined locally): pages of 50, so the nextLink is followed twice.
    expect(paths.filter((path) => path.startsWith('Readings?'))).toHaveLength(3);
    expect(paths.some((path) => path.startsWith('FirmwareImages'))).toBe(false);
  });

  it('lists the navigation table from one service document and $metadata, without reading any entity set', async () => {
    const result = await engine.evaluate(
      `let nav = Greenhouse.Feed("${GREENHOUSE_ROOT}") in [Names = nav[Name], Kinds = nav[ItemKind], Columns = Table.ColumnNames(nav{[Name = "Readings"]}[Data])]`,
    );
    expect(valueOf(result)).toEqual({
      Names: ['Zones', 'Sensors', 'Readings', 'Alarms'],
      Kinds: ['Table', 'Table', 'Table', 'Table'],
      Columns: ['ReadingId', 'SensorId', 'Timestamp', 'Value', 'Unit', 'Quality'],
    });
    expect(service.paths()).toEqual(['', '$metadata']);
  });

  it('keeps the navigation metadata of OData.Feed on the connector navigation table', async () => {
    const result = await engine.evaluate(
      `Value.Metadata(Value.Type(Greenhouse.Feed("${GREENHOUSE_ROOT}")))`,
    );
    expect(valueOf(result)).toEqual({
      'NavigationTable.NameColumn': 'Name',
      'NavigationTable.DataColumn': 'Data',
      'NavigationTable.ItemKindColumn': 'ItemKind',
      'NavigationTable.IsLeafColumn': 'IsLeaf',
      'Preview.DelayColumn': 'ItemName',
    });
  });

  it('reads pages only as far as the rows asked for', async () => {
    const result = await engine.evaluate(
      `let readings = Greenhouse.Feed("${GREENHOUSE_ROOT}"){[Name = "Readings"]}[Data] in List.Sum(List.FirstN(readings[ReadingId], 60))`,
    );
    expect(valueOf(result)).toBe((60 * 61) / 2);
    expect(service.paths()).toEqual([
      '',
      '$metadata',
      'Readings?$select=ReadingId,SensorId,Timestamp,Value,Unit,Quality',
      'Readings?$select=ReadingId,SensorId,Timestamp,Value,Unit,Quality&$skiptoken=50',
    ]);
  });

  it('folds Table.FirstN into $top', async () => {
    const result = await engine.evaluate(
      `Table.FirstN(Greenhouse.Feed("${GREENHOUSE_ROOT}"){[Name = "Alarms"]}[Data], 1)`,
    );
    expect(literalOf(result)).toBe(
      '#table(type table [AlarmId = Int32.Type, ZoneId = text, Raised = datetimezone, Cleared = nullable datetimezone, Severity = nullable text, Message = nullable text], {{1, "Z1", #datetimezone(2024, 6, 21, 3, 15, 0.1234567, 2, 0), null, "Warning", "Vent stuck"}})',
    );
    expect(service.paths().at(-1)).toBe(
      'Alarms?$select=AlarmId,ZoneId,Raised,Cleared,Severity,Message&$top=1',
    );
  });

  it('runs TestConnection with the site URL', async () => {
    const result = await engine.testConnection({ kind: 'Greenhouse', path: GREENHOUSE_ROOT });
    expect(result).toMatchObject({
      ok: true,
      invocation: `Greenhouse.Feed("${GREENHOUSE_ROOT}")`,
      valueKind: 'table',
    });
  });

  it('refuses plain http before any request', async () => {
    const result = await engine.evaluate(
      'Greenhouse.Feed("http://north-farm.greenhouse.example/odata/")',
    );
    expect(result.ok ? null : result.error.reason).toBe('Credential.Error');
    expect(service.requests).toHaveLength(0);
  });
});

describe('examples/ODataFeed (Greenhouse) with operator sign-in', () => {
  let service: GreenhouseService;
  const engines: MashupEngine[] = [];

  beforeAll(async () => {
    service = await startGreenhouseService({ basic: { user: 'ops', password: '4711' } });
  });

  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.close()));
    await service.close();
  });

  const open = async (password: string): Promise<MashupEngine> => {
    const engine = await MashupEngine.open(CONNECTOR, {
      http: new HttpClient({
        cache: false,
        transport: new LoopbackHosts().map(GREENHOUSE_ROOT, service.origin),
      }),
      credentials: credentialListProvider([
        credential.usernamePassword('Greenhouse', GREENHOUSE_ROOT, 'ops', password),
      ]),
      now: NOW,
    });
    engines.push(engine);
    return engine;
  };

  it('sends the operator credential to the site, with the OData headers', async () => {
    const engine = await open('4711');
    const result = await engine.evaluate(
      `Table.RowCount(Greenhouse.Feed("${GREENHOUSE_ROOT}"){[Name = "Zones"]}[Data])`,
    );
    expect(valueOf(result)).toBe(3);
    const last = service.requests.at(-1);
    expect(last?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('ops:4711').toString('base64')}`,
      accept: 'application/json;odata.metadata=minimal',
      'odata-version': '4.0',
      'odata-maxversion': '4.0',
      prefer:
        'odata.include-annotations="Org.OData.Core.V1.*,Greenhouse.Units.*", omit-values=nulls',
      'x-client': 'pqsdk-greenhouse/1.4',
      'accept-language': 'en',
    });
  });

  it('reports a refused PIN as a credential error', async () => {
    const engine = await open('0000');
    const result = await engine.evaluate(`Greenhouse.Feed("${GREENHOUSE_ROOT}")`);
    expect(result.ok ? null : result.error.reason).toBe('Credential.AccessDenied');
  });
});
