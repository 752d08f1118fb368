/**
 * examples/TableViewFolding (the TideGauge connector) end to end: its `Table.View` handlers fold
 * filters, computed columns, renames, column selection, sorting, paging, counting, grouping and
 * distinct into one request to a local Tide Gauge service; steps they cannot express run locally
 * with the same results; the folding trace says which is which; and `failOnFoldingFailure` turns a
 * step that runs locally into the engine's folding error.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  credentialListProvider,
  describeFolding,
  FOLDING_FAILURE_MESSAGE,
  HttpClient,
  MashupEngine,
  type EvaluationResult,
  type FoldingEvent,
  type HttpSender,
} from '../../src/index.js';
import { credential, EXAMPLES } from '../helpers.js';
import {
  OBSERVATIONS,
  startTideGaugeService,
  type Observation,
  type TideGaugeService,
} from './tide-gauge-service.js';

const CONNECTOR = `${EXAMPLES}TableViewFolding`;
const QUERY = readFileSync(`${CONNECTOR}/TideGauge.query.pq`, 'utf8');
/** The connector's base URL; the tests send its requests to the local service instead. */
const API = 'https://api.tidegauge.example/';
const STATIONS = 'BRST,NWLN,ABDN';

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

function literalOf(result: EvaluationResult): string {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.literal;
}

const folds = (result: EvaluationResult): string[] =>
  result.folding.map((event) => `${event.handler} ${event.outcome}`);

/** An HTTP client that sends the connector's requests to the local service. */
function towards(service: TideGaugeService): HttpSender {
  const client = new HttpClient({ cache: false });
  return {
    send: (request) =>
      client.send({
        ...request,
        url: request.url.startsWith(API)
          ? service.url + request.url.slice(API.length)
          : request.url,
      }),
  };
}

// What the example query computes, worked out here from the service's data.
const requested = (row: Observation): boolean => STATIONS.split(',').includes(row.station);
const high = OBSERVATIONS.filter(
  (row) => requested(row) && row.level > 2.5 && row.quality_flag >= 1,
);
const bStations = high.filter((row) => row.station.startsWith('B'));
const pageRows = Math.min(25, Math.max(0, bStations.length - 10));
const datums = [...new Set(OBSERVATIONS.filter(requested).map((row) => row.datum))];
const evenDays = OBSERVATIONS.filter(
  (row) => requested(row) && Number(row.time.slice(8, 10)) % 2 === 0,
);

describe('examples/TableViewFolding (TideGauge) against a local Tide Gauge service', () => {
  let service: TideGaugeService;
  let engine: MashupEngine;
  const live: FoldingEvent[] = [];

  beforeAll(async () => {
    service = await startTideGaugeService();
    engine = await MashupEngine.open(CONNECTOR, {
      credentials: credentialListProvider([credential.anonymous('TideGauge', 'TideGauge')]),
      http: towards(service),
      folding: (event) => live.push(event),
      now: new Date('2024-03-05T12:00:00Z'),
      timeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
  });

  it('evaluates the example query, folding every step the API can express', async () => {
    const before = service.requests.length;
    const result = await engine.evaluate(QUERY);

    expect(valueOf(result)).toEqual({
      PageRows: pageRows,
      PageColumns: ['Station', 'ObservedAt', 'Level', 'LevelFeet'],
      HighCount: high.length,
      Stations: 3,
      Datums: datums,
      Resorted: pageRows,
      Custom: Math.min(100, evenDays.length),
    });
    expect(pageRows).toBe(25);

    // The folding trace, in the order the steps ran.
    expect(describeFolding(result.folding)).toEqual([
      'OnSelectRows folded (selectRows)',
      'OnSelectRows folded (selectRows)',
      'OnAddColumns folded (addColumns LevelFeet)',
      'OnRenameColumns folded (renameColumns Time -> ObservedAt)',
      'OnSelectColumns folded (selectColumns Station, ObservedAt, Level, LevelFeet)',
      'OnSort folded (sort ObservedAt desc, Station)',
      'OnSkip folded (skip 10)',
      'OnTake folded (take 25)',
      'GetRowCount declined: TideGauge: cannot count a page (rowCount)',
      'GetRowCount folded (rowCount)',
      'OnGroup folded (group by Station into Mean, N)',
      'GetRowCount folded (rowCount)',
      'OnSelectColumns folded (selectColumns Datum)',
      'OnDistinct folded (distinct Datum)',
      'OnSort declined: TideGauge: cannot sort after paging or distinct (sort Level)',
      'OnSelectRows declined: This expression cannot be sent to the Tide Gauge API (selectRows)',
    ]);

    // One request per query the handlers built; each step the API took is in it.
    expect(service.requests.slice(before).map((request) => request.query)).toEqual([
      {
        station: STATIONS,
        fields: 'station,time,level,levelfeet',
        where: "((level gt 2.5) and (quality_flag ge 1)) and startswith(station,'B')",
        sort: '-time,station',
        compute: 'levelfeet:(level mul 3.28084)',
        offset: '10',
        limit: '25',
      },
      {
        station: STATIONS,
        where: '((level gt 2.5) and (quality_flag ge 1))',
        count: 'true',
        limit: '0',
      },
      {
        station: STATIONS,
        group_by: 'station',
        aggregate: 'mean:avg(level),n:count()',
        count: 'true',
        limit: '0',
      },
      { station: STATIONS, fields: 'datum', distinct: 'datum', offset: '0', limit: '5000' },
      { station: STATIONS, offset: '0', limit: '5000' },
    ]);
    expect(
      service.requests.slice(before).every((request) => request.path === '/v1/observations'),
    ).toBe(true);

    // The connector traces each request it makes, with the URL it built.
    expect(result.traces.map((trace) => trace.message)).toContain(
      `TideGauge request: ${API}v1/observations?station=BRST%2CNWLN%2CABDN&offset=0&limit=5000`,
    );
  });

  it('passes the folding trace to the folding option as it happens', async () => {
    live.length = 0;
    const result = await engine.evaluate('Table.FirstN(TideGauge.Observations(), 3)');
    expect(folds(result)).toEqual(['OnTake folded']);
    expect(live.map((event) => event.handler)).toEqual(['OnTake']);
    expect(live[0]).toMatchObject({
      operation: 'take',
      description: 'take 3',
      outcome: 'folded',
      timestamp: '2024-03-05T12:00:00.000Z',
    });
    expect(Date.parse(live[0]?.receivedAt ?? '')).not.toBeNaN();
  });

  it.each([
    ['Table.FirstN(SOURCE, 5)', ['OnTake folded'], { offset: '0', limit: '5' }],
    [
      'Table.SelectColumns(Table.Skip(SOURCE, 90), {"Time", "Level"})',
      ['OnSkip folded', 'OnSelectColumns folded'],
      { fields: 'time,level', offset: '90', limit: '5000' },
    ],
    [
      'Table.FirstN(Table.Sort(SOURCE, {{"Level", Order.Descending}, "Time"}), 4)',
      ['OnSort folded', 'OnTake folded'],
      { sort: '-level,time', offset: '0', limit: '4' },
    ],
    [
      'Table.SelectRows(SOURCE, each [Residual] = null and not ([Quality] = 0))',
      ['OnSelectRows folded'],
      { where: '((residual eq null) and not ((quality_flag eq 0)))', offset: '0', limit: '5000' },
    ],
    [
      'Table.SelectRows(SOURCE, each [Time] >= #datetimezone(2024, 3, 3, 12, 0, 0, 0, 0) and Text.EndsWith([Datum], "D"))',
      ['OnSelectRows folded'],
      {
        where: "((time ge 2024-03-03T12:00:00+00:00) and endswith(datum,'D'))",
        offset: '0',
        limit: '5000',
      },
    ],
    [
      'Table.AddColumn(SOURCE, "Surge", each if [Residual] = null then 0 else Number.Abs([Residual]) * -2, type number)',
      ['OnAddColumns folded'],
      {
        compute: 'surge:iif((residual eq null),0,(abs(residual) mul -2))',
        offset: '0',
        limit: '5000',
      },
    ],
    [
      'Table.Group(SOURCE, {"Datum"}, {{"Top", each List.Max([Level]), type number}, {"Rows", each List.Count([Level]), Int64.Type}})',
      ['OnGroup folded'],
      {
        group_by: 'datum',
        aggregate: 'top:max(level),rows:count(level)',
        offset: '0',
        limit: '5000',
      },
    ],
  ])('folds %s into one request', async (pipeline, expectedFolds, query) => {
    const before = service.requests.length;
    const folded = await engine.evaluate(
      pipeline.replace('SOURCE', 'TideGauge.Observations({"NWLN"})'),
    );
    expect(folds(folded)).toEqual(expectedFolds);
    expect(service.requests.slice(before).map((request) => request.query)).toEqual([
      { station: 'NWLN', ...query },
    ]);
    // The same steps run locally over every row give the same table.
    const local = await engine.evaluate(
      pipeline.replace('SOURCE', 'Table.StopFolding(TideGauge.Observations({"NWLN"}))'),
    );
    expect(folds(local)).toEqual([]);
    expect(literalOf(folded)).toBe(literalOf(local));
  });

  it.each([
    [
      'a sort after paging',
      'Table.Sort(Table.FirstN(SOURCE, 6), {{"Level", Order.Descending}})',
      ['OnTake folded', 'OnSort declined-error'],
    ],
    [
      'a filter the API cannot express',
      'Table.SelectRows(SOURCE, each Number.Mod(Number.Round([Level] * 100), 3) = 0)',
      ['OnSelectRows declined-error'],
    ],
    [
      'a filter after a filter it could not express',
      'Table.SelectRows(Table.SelectRows(SOURCE, each ([Residual] ?? 0) > 0), each [Level] < 4)',
      ['OnSelectRows declined-error'],
    ],
    [
      'an aggregate the API does not have',
      'Table.Group(SOURCE, "Station", {"Spread", each List.Max([Level]) - List.Min([Level])})',
      ['OnGroup declined-error'],
    ],
    [
      'a count of a page',
      'Table.RowCount(Table.Skip(SOURCE, 50))',
      ['OnSkip folded', 'GetRowCount declined-error'],
    ],
    [
      'a distinct of a page',
      'Table.Distinct(Table.SelectColumns(Table.FirstN(SOURCE, 40), "Quality"))',
      ['OnTake folded', 'OnSelectColumns folded', 'OnDistinct declined-error'],
    ],
    [
      'a step without a handler',
      'Table.ReverseRows(Table.SelectColumns(Table.FirstN(SOURCE, 3), {"Station", "Level"}))',
      ['OnTake folded', 'OnSelectColumns folded'],
    ],
  ])('runs %s locally, with the same result', async (_name, pipeline, expectedFolds) => {
    const folded = await engine.evaluate(
      pipeline.replaceAll('SOURCE', 'TideGauge.Observations({"NWLN", "ABDN"})'),
    );
    expect(folds(folded)).toEqual(expectedFolds);
    const local = await engine.evaluate(
      pipeline.replaceAll('SOURCE', 'Table.StopFolding(TideGauge.Observations({"NWLN", "ABDN"}))'),
    );
    expect(literalOf(folded)).toBe(literalOf(local));
  });

  it('lists the columns of a view without asking the service for rows', async () => {
    const before = service.requests.length;
    const result = await engine.evaluate(
      'Table.ColumnNames(Table.RenameColumns(Table.SelectColumns(TideGauge.Observations(), {"Station", "Level"}), {"Level", "Height"}))',
    );
    expect(valueOf(result)).toEqual(['Station', 'Height']);
    expect(service.requests.length).toBe(before);
  });

  describe('with failOnFoldingFailure', () => {
    const failure = `[Expression.Error] ${FOLDING_FAILURE_MESSAGE}`;

    it('fails each value of the example query that needs a step to run locally', async () => {
      const result = await engine.evaluate(QUERY, { failOnFoldingFailure: true });
      expect(valueOf(result)).toEqual({
        PageRows: failure,
        PageColumns: ['Station', 'ObservedAt', 'Level', 'LevelFeet'],
        HighCount: high.length,
        Stations: 3,
        Datums: datums,
        Resorted: failure,
        Custom: failure,
      });
      expect(result.folding.filter((event) => event.outcome.startsWith('declined')).length).toBe(3);
    });

    it('fails a query with the engine error, naming the handler and why it declined', async () => {
      const result = await engine.evaluate(
        'Table.Sort(Table.FirstN(TideGauge.Observations({"ABDN"}), 2), "Level")',
        { failOnFoldingFailure: true },
      );
      expect(result.ok ? null : result.error).toMatchObject({
        reason: 'Expression.Error',
        message: FOLDING_FAILURE_MESSAGE,
        detail:
          '[Handler = "OnSort", Operation = "sort Level", Error = "TideGauge: cannot sort after paging or distinct"]',
      });
      expect(folds(result)).toEqual(['OnTake folded', 'OnSort declined-error']);
    });

    it('lets a query that folds completely through', async () => {
      const result = await engine.evaluate(
        'Table.FirstN(Table.SelectRows(TideGauge.Observations({"BRST"}), each [Level] > 3), 5)',
        { failOnFoldingFailure: true },
      );
      expect(folds(result)).toEqual(['OnSelectRows folded', 'OnTake folded']);
      expect(valueOf(result)).toHaveLength(5);
    });

    it('can be set for the whole engine, and a try sees the error', async () => {
      const strict = await MashupEngine.open(CONNECTOR, {
        credentials: credentialListProvider([credential.anonymous('TideGauge', 'TideGauge')]),
        http: towards(service),
        failOnFoldingFailure: true,
        timeoutMs: 30_000,
      });
      try {
        const result = await strict.evaluate(
          'try Table.Sort(Table.FirstN(TideGauge.Observations(), 2), "Level") catch (e) => e[Message]',
        );
        expect(valueOf(result)).toBe(FOLDING_FAILURE_MESSAGE);
        const relaxed = await strict.evaluate(
          'Table.RowCount(Table.Sort(Table.FirstN(TideGauge.Observations(), 2), "Level"))',
          { failOnFoldingFailure: false },
        );
        expect(valueOf(relaxed)).toBe(2);
      } finally {
        await strict.close();
      }
    });
  });
});
