/**
 * A stand-in for a Greenhouse controller (examples/ODataFeed), for tests: an OData v4 JSON service
 * on 127.0.0.1 with a service document, `$metadata` (CSDL XML), the entity sets `Zones`,
 * `Sensors`, `Readings`, `Alarms` and `FirmwareImages`, server-driven paging (`@odata.nextLink`
 * with `$skiptoken`), `$top`, `$skip`, `$select`, `$orderby`, `$count` and a `$filter` subset
 * (comparisons, `and`, `or`, `not`, parentheses, `startswith`, `endswith`, `contains`), OData
 * error payloads, and optional Basic authentication. Links are written with the public base URL
 * the test maps to it (`LoopbackHosts`).
 */
import { startServer, type ReceivedRequest } from '../helpers.js';

/** The public service root the tests use (the example's sample URL). */
export const GREENHOUSE_ROOT = 'https://north-farm.greenhouse.example/odata/';

type Primitive = string | number | boolean | null;
type Entity = Record<string, Primitive>;

const METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Greenhouse.Controller" Alias="GH" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Zone">
        <Key><PropertyRef Name="ZoneId"/></Key>
        <Property Name="ZoneId" Type="Edm.String" Nullable="false"/>
        <Property Name="Name" Type="Edm.String" Nullable="false"/>
        <Property Name="AreaSquareMeters" Type="Edm.Double"/>
        <Property Name="Crop" Type="Edm.String"/>
        <Property Name="TargetTemperature" Type="Edm.Decimal"/>
        <Property Name="Notes" Type="Edm.String"/>
      </EntityType>
      <EntityType Name="Sensor">
        <Key><PropertyRef Name="SensorId"/></Key>
        <Property Name="SensorId" Type="Edm.String" Nullable="false"/>
        <Property Name="ZoneId" Type="Edm.String" Nullable="false"/>
        <Property Name="Kind" Type="Edm.String" Nullable="false"/>
        <Property Name="Model" Type="Edm.String"/>
        <Property Name="InstalledOn" Type="Edm.Date"/>
        <Property Name="Active" Type="Edm.Boolean" Nullable="false"/>
        <Property Name="FirmwareVersion" Type="Edm.String"/>
      </EntityType>
      <EntityType Name="Reading">
        <Key><PropertyRef Name="ReadingId"/></Key>
        <Property Name="ReadingId" Type="Edm.Int64" Nullable="false"/>
        <Property Name="SensorId" Type="Edm.String" Nullable="false"/>
        <Property Name="Timestamp" Type="Edm.DateTimeOffset" Nullable="false"/>
        <Property Name="Value" Type="Edm.String"/>
        <Property Name="Unit" Type="Edm.String"/>
        <Property Name="Quality" Type="Edm.String"/>
      </EntityType>
      <EntityType Name="Alarm">
        <Key><PropertyRef Name="AlarmId"/></Key>
        <Property Name="AlarmId" Type="Edm.Int32" Nullable="false"/>
        <Property Name="ZoneId" Type="Edm.String" Nullable="false"/>
        <Property Name="Raised" Type="Edm.DateTimeOffset" Nullable="false"/>
        <Property Name="Cleared" Type="Edm.DateTimeOffset"/>
        <Property Name="Severity" Type="GH.Severity"/>
        <Property Name="Message" Type="Edm.String"/>
        <Property Name="Duration" Type="Edm.Duration"/>
      </EntityType>
      <EntityType Name="FirmwareImage" OpenType="true">
        <Key><PropertyRef Name="Version"/></Key>
        <Property Name="Version" Type="Edm.String" Nullable="false"/>
        <Property Name="Released" Type="Edm.Date"/>
      </EntityType>
      <EnumType Name="Severity">
        <Member Name="Info"/><Member Name="Warning"/><Member Name="Critical"/>
      </EnumType>
      <Function Name="ReadingsOfSensor">
        <Parameter Name="sensorId" Type="Edm.String" Nullable="false"/>
        <Parameter Name="limit" Type="Edm.Int32"/>
        <ReturnType Type="Collection(GH.Reading)"/>
      </Function>
      <EntityContainer Name="Controller">
        <EntitySet Name="Zones" EntityType="GH.Zone"/>
        <EntitySet Name="Sensors" EntityType="GH.Sensor"/>
        <EntitySet Name="Readings" EntityType="GH.Reading"/>
        <EntitySet Name="Alarms" EntityType="GH.Alarm"/>
        <EntitySet Name="FirmwareImages" EntityType="GH.FirmwareImage"/>
        <Singleton Name="Controller" Type="GH.FirmwareImage"/>
        <FunctionImport Name="ReadingsOfSensor" Function="GH.ReadingsOfSensor"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The data of the north farm: 3 zones, 2 sensors each, hourly readings over two days. */
function farm(): Record<string, Entity[]> {
  const zones: Entity[] = [
    {
      ZoneId: 'Z1',
      Name: 'Tomato house',
      AreaSquareMeters: 420.5,
      Crop: 'tomato',
      TargetTemperature: 22.5,
      Notes: 'south',
    },
    {
      ZoneId: 'Z2',
      Name: 'Herb tunnel',
      AreaSquareMeters: 180,
      Crop: 'basil',
      TargetTemperature: 20,
      Notes: null,
    },
    {
      ZoneId: 'Z3',
      Name: 'Nursery',
      AreaSquareMeters: 95.25,
      Crop: null,
      TargetTemperature: 24,
      Notes: 'seedlings',
    },
  ];
  const sensors: Entity[] = [];
  const readings: Entity[] = [];
  let readingId = 1;
  zones.forEach((zone, zoneIndex) => {
    for (const kind of ['temperature', 'humidity']) {
      const sensorId = `${String(zone['ZoneId'])}-${kind === 'temperature' ? 'T' : 'H'}`;
      sensors.push({
        SensorId: sensorId,
        ZoneId: zone['ZoneId'] ?? null,
        Kind: kind,
        Model: kind === 'temperature' ? 'TX-20' : 'HY-7',
        InstalledOn: `2023-0${String(zoneIndex + 3)}-1${String(zoneIndex)}`,
        Active: true,
        FirmwareVersion: '4.2.1',
      });
      for (let hour = 0; hour < 48; hour++) {
        const day = 21 + Math.floor(hour / 24);
        const value =
          kind === 'temperature'
            ? 18 + zoneIndex + (hour % 24) / 4
            : 60 + zoneIndex * 5 + (hour % 6);
        readings.push({
          ReadingId: readingId++,
          SensorId: sensorId,
          Timestamp: `2024-06-${String(day)}T${pad(hour % 24)}:00:00Z`,
          Value: value.toFixed(2),
          Unit: kind === 'temperature' ? '°C' : null,
          Quality: hour % 10 === 7 ? '0' : '2',
        });
      }
    }
  });
  const alarms: Entity[] = [
    {
      AlarmId: 1,
      ZoneId: 'Z1',
      Raised: '2024-06-21T03:15:00.1234567+02:00',
      Cleared: null,
      Severity: 'Warning',
      Message: 'Vent stuck',
      Duration: 'PT1H30M',
    },
    {
      AlarmId: 2,
      ZoneId: 'Z3',
      Raised: '2024-06-22T11:00:00Z',
      Cleared: '2024-06-22T11:45:00Z',
      Severity: 'Critical',
      Message: "Heater's fuse",
      Duration: 'P1DT2H',
    },
  ];
  // `Channel` is not declared in $metadata (an open property, for `MoreColumns`).
  const firmware: Entity[] = [{ Version: '4.2.1', Released: '2024-01-15', Channel: 'stable' }];
  return {
    Zones: zones,
    Sensors: sensors,
    Readings: readings,
    Alarms: alarms,
    FirmwareImages: firmware,
  };
}

// ---------------------------------------------------------------------------------------------
// A small $filter evaluator (OData v4 URL conventions §5.1.1), enough for the tests.

type Token = { kind: 'name' | 'string' | 'number' | 'punct' | 'datetime' | 'date'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))|(\d{4}-\d{2}-\d{2})|('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([(),]))/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match === null) {
      if (text.slice(index).trim() === '') break;
      throw new Error(`bad $filter near '${text.slice(index)}'`);
    }
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'datetime', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'date', text: match[2] });
    else if (match[3] !== undefined)
      tokens.push({ kind: 'string', text: match[3].slice(1, -1).replace(/''/g, "'") });
    else if (match[4] !== undefined) tokens.push({ kind: 'number', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'name', text: match[5] });
    else if (match[6] !== undefined) tokens.push({ kind: 'punct', text: match[6] });
  }
  return tokens;
}

type Predicate = (entity: Entity) => Primitive;

/** Values in a comparable form: instants as milliseconds (only compared, never used for dates). */
function comparable(value: Primitive, asInstant: boolean): Primitive {
  if (asInstant && typeof value === 'string') return Date.parse(value);
  return value;
}

function parseFilter(text: string): Predicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const take = (): Token => {
    const token = tokens[position++];
    if (token === undefined) throw new Error('unexpected end of $filter');
    return token;
  };
  const expect = (text: string): void => {
    const token = take();
    if (token.text !== text) throw new Error(`expected ${text} in $filter`);
  };
  const primary = (): { fn: Predicate; instant: boolean } => {
    const token = take();
    if (token.kind === 'punct' && token.text === '(') {
      const inner = or();
      expect(')');
      return { fn: inner, instant: false };
    }
    if (token.kind === 'name' && token.text === 'not') {
      const operand = primary().fn;
      return { fn: (entity) => !(operand(entity) === true), instant: false };
    }
    if (token.kind === 'name' && ['startswith', 'endswith', 'contains'].includes(token.text)) {
      expect('(');
      const subject = primary().fn;
      expect(',');
      const needle = primary().fn;
      expect(')');
      return {
        fn: (entity) => {
          const a = subject(entity);
          const b = needle(entity);
          if (typeof a !== 'string' || typeof b !== 'string') return false;
          return token.text === 'startswith'
            ? a.startsWith(b)
            : token.text === 'endswith'
              ? a.endsWith(b)
              : a.includes(b);
        },
        instant: false,
      };
    }
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false') {
        const value = token.text === 'true';
        return { fn: () => value, instant: false };
      }
      if (token.text === 'null') return { fn: () => null, instant: false };
      const name = token.text;
      return { fn: (entity) => entity[name] ?? null, instant: false };
    }
    if (token.kind === 'number') {
      const value = Number(token.text);
      return { fn: () => value, instant: false };
    }
    const value = token.text;
    return { fn: () => value, instant: token.kind === 'datetime' };
  };
  const comparison = (): Predicate => {
    const left = primary();
    const operator = peek();
    if (
      operator?.kind !== 'name' ||
      !['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(operator.text)
    ) {
      return left.fn;
    }
    position++;
    const right = primary();
    const instant = left.instant || right.instant;
    return (entity) => {
      const a = comparable(left.fn(entity), instant);
      const b = comparable(right.fn(entity), instant);
      switch (operator.text) {
        case 'eq':
          return a === b;
        case 'ne':
          return a !== b;
        default: {
          if (a === null || b === null) return false;
          if (operator.text === 'lt') return a < b;
          if (operator.text === 'le') return a <= b;
          if (operator.text === 'gt') return a > b;
          return a >= b;
        }
      }
    };
  };
  const and = (): Predicate => {
    let left = comparison();
    while (peek()?.text === 'and') {
      position++;
      const right = comparison();
      const previous = left;
      left = (entity) => previous(entity) === true && right(entity) === true;
    }
    return left;
  };
  function or(): Predicate {
    let left = and();
    while (peek()?.text === 'or') {
      position++;
      const right = and();
      const previous = left;
      left = (entity) => previous(entity) === true || right(entity) === true;
    }
    return left;
  }
  const predicate = or();
  if (position !== tokens.length)
    throw new Error(`unexpected '${String(peek()?.text)}' in $filter`);
  return predicate;
}

// ---------------------------------------------------------------------------------------------

/** Options of the stand-in. */
export interface GreenhouseServiceOptions {
  /** The public service root its links are written with. Default {@link GREENHOUSE_ROOT}. */
  readonly root?: string;
  /** Rows per page (server-driven paging). Default 100. */
  readonly pageSize?: number;
  /** When set, requests need `Authorization: Basic base64(user:password)`. */
  readonly basic?: { readonly user: string; readonly password: string };
  /** Whether `$metadata` is served. Default true. */
  readonly metadata?: boolean;
}

/** A running stand-in. */
export interface GreenhouseService {
  /** The loopback origin to map {@link GREENHOUSE_ROOT}'s origin to. */
  readonly origin: string;
  /** Every request, in order. */
  readonly requests: ReceivedRequest[];
  /** The requests' paths and queries, decoded, without the `/odata/` prefix. */
  paths(): string[];
  close(): Promise<void>;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** Starts the stand-in. */
export async function startGreenhouseService(
  options: GreenhouseServiceOptions = {},
): Promise<GreenhouseService> {
  const data = farm();
  const root = options.root ?? GREENHOUSE_ROOT;
  const pageSize = options.pageSize ?? 100;
  const expectedAuthorization =
    options.basic === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64')}`;
  const json = (
    body: unknown,
    status = 200,
  ): { status: number; headers: Record<string, string>; body: string } => ({
    status,
    headers: { 'content-type': 'application/json;odata.metadata=minimal', 'odata-version': '4.0' },
    body: JSON.stringify(body),
  });
  const server = await startServer((request) => {
    if (
      expectedAuthorization !== undefined &&
      request.headers['authorization'] !== expectedAuthorization
    ) {
      return json(
        JSON.parse(errorBody('Unauthorized', 'Sign in with an operator name and PIN.')),
        401,
      );
    }
    const url = new URL(request.url, root);
    if (!url.pathname.startsWith('/odata/')) {
      return json(JSON.parse(errorBody('NotFound', `No service at ${url.pathname}.`)), 404);
    }
    const resource = decodeURIComponent(url.pathname.slice('/odata/'.length));
    const parameters = url.searchParams;
    if (resource === '') {
      return json({
        '@odata.context': `${root}$metadata`,
        value: [
          ...Object.keys(data).map((name) => ({ name, kind: 'EntitySet', url: name })),
          { name: 'Controller', kind: 'Singleton', url: 'Controller' },
          { name: 'ReadingsOfSensor', kind: 'FunctionImport', url: 'ReadingsOfSensor' },
        ],
      });
    }
    if (resource === '$metadata') {
      if (options.metadata === false) {
        return json(
          JSON.parse(errorBody('NotFound', 'This controller publishes no $metadata.')),
          404,
        );
      }
      return { headers: { 'content-type': 'application/xml' }, body: METADATA };
    }
    if (resource === 'Controller') {
      return json({
        '@odata.context': `${root}$metadata#Controller`,
        Version: '4.2.1',
        Released: '2024-01-15',
      });
    }
    const call = /^ReadingsOfSensor\((.*)\)$/.exec(resource);
    let set: string;
    let rows: Entity[];
    if (call !== null) {
      const args = new Map(
        (call[1] ?? '')
          .split(',')
          .filter((part) => part !== '')
          .map((part) => {
            const [name, value] = part.split('=');
            return [name ?? '', (value ?? '').replace(/^'|'$/g, '')];
          }),
      );
      set = 'Readings';
      rows = (data['Readings'] ?? []).filter((row) => row['SensorId'] === args.get('sensorId'));
      const limit = args.get('limit');
      if (limit !== undefined) rows = rows.slice(0, Number(limit));
    } else {
      const found = data[resource];
      if (found === undefined) {
        return json(
          JSON.parse(errorBody('NotFound', `Resource not found for the segment '${resource}'.`)),
          404,
        );
      }
      set = resource;
      rows = found;
    }
    try {
      const filter = parameters.get('$filter');
      if (filter !== null) {
        const predicate = parseFilter(filter);
        rows = rows.filter((row) => predicate(row) === true);
      }
    } catch (error) {
      return json(JSON.parse(errorBody('BadRequest', (error as Error).message)), 400);
    }
    const orderby = parameters.get('$orderby');
    if (orderby !== null) {
      const levels = orderby.split(',').map((level) => level.trim().split(/\s+/));
      rows = [...rows].sort((a, b) => {
        for (const [name = '', direction = 'asc'] of levels) {
          const x = a[name] ?? null;
          const y = b[name] ?? null;
          if (x === y) continue;
          const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
          return direction === 'desc' ? -order : order;
        }
        return 0;
      });
    }
    const count = rows.length;
    const skip = Number(parameters.get('$skip') ?? 0);
    const top = parameters.get('$top');
    rows = rows.slice(skip, top === null ? undefined : skip + Number(top));
    const token = Number(parameters.get('$skiptoken') ?? 0);
    const page = rows.slice(token, token + pageSize);
    const select = parameters.get('$select');
    const selected = select === null ? undefined : select.split(',');
    const omitNulls = /omit-values=nulls/.test(String(request.headers['prefer'] ?? ''));
    const value = page.map((row) =>
      Object.fromEntries(
        Object.entries(row).filter(
          ([name, item]) =>
            (selected === undefined || selected.includes(name)) && !(omitNulls && item === null),
        ),
      ),
    );
    const body: Record<string, unknown> = {
      '@odata.context': `${root}$metadata#${set}${selected === undefined ? '' : `(${selected.join(',')})`}`,
    };
    if (parameters.get('$count') === 'true') body['@odata.count'] = count;
    body['value'] = value;
    if (token + pageSize < rows.length) {
      const next = new URL(url.href);
      next.searchParams.set('$skiptoken', String(token + pageSize));
      body['@odata.nextLink'] =
        `${root}${url.pathname.slice('/odata/'.length)}${next.search.replace(/\+/g, '%20')}`;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json;odata.metadata=minimal',
      'odata-version': '4.0',
    };
    if (omitNulls) headers['preference-applied'] = 'omit-values=nulls';
    return { headers, body: JSON.stringify(body) };
  });
  return {
    origin: server.url,
    requests: server.requests,
    paths: () =>
      server.requests.map((request) => decodeURIComponent(request.url).replace(/^\/odata\//, '')),
    close: () => server.close(),
  };
}
