import { describe, expect, it } from 'vitest';
import {
  engineBenchJson,
  type EngineBenchReport,
  meetsTarget,
  ratios,
  renderEngineBench,
  sessionMedians,
  subjectMedians,
  thousands,
} from './engine-bench-report.js';

function report(count: number[], rows: number[], table: number[]): EngineBenchReport {
  return {
    machine: { node: 'v20.20.2', platform: 'linux x64', cpus: 2, cpuModel: 'Test CPU' },
    api: { rows: 100_000, pageSize: 1_000, pages: 100, bytes: 10_000_000 },
    queries: { count: 'Table.RowCount(B())', rows: 'Table.Buffer(B())', table: 'B()' },
    runs: { anchor: [200, 250, 150], count, rows, table },
    sessions: [
      { open: 500, evaluate: 900, close: 20 },
      { open: 700, evaluate: 800, close: 10 },
      { open: 600, evaluate: 1000, close: 30 },
    ],
    rssMib: { before: 160, peak: 700.4 },
  };
}

describe('the engine benchmark report', () => {
  it('takes the median of each subject and divides by the anchor', () => {
    const measured = report([400, 600, 500], [1000, 800, 900], [2000, 1500, 1800]);
    expect(subjectMedians(measured)).toEqual({ anchor: 200, count: 500, rows: 900, table: 1800 });
    expect(ratios(measured)).toEqual({ anchor: 1, count: 2.5, rows: 4.5, table: 9 });
  });

  it('takes the median of each phase of the fresh engines, and of their totals', () => {
    // Totals 1420, 1510, 1630: the median total is not the sum of the phases' medians (1420).
    expect(sessionMedians(report([1], [1], [1]))).toEqual({
      open: 600,
      evaluate: 900,
      close: 20,
      total: 1510,
    });
  });

  it('meets the target only when every query is under 3 s', () => {
    expect(meetsTarget(report([500], [900], [2999]))).toBe(true);
    expect(meetsTarget(report([500], [900], [3000]))).toBe(false);
    expect(meetsTarget(report([3100, 3200, 100], [900], [1000]))).toBe(false);
  });

  it('writes thousands with separators', () => {
    expect(thousands(100_000)).toBe('100,000');
    expect(thousands(999.6)).toBe('1,000');
    expect(thousands(12)).toBe('12');
    expect(thousands(1_234_567)).toBe('1,234,567');
  });

  it('renders the table, the fresh engines and the verdict', () => {
    expect(renderEngineBench(report([400, 600, 500], [1000, 800, 900], [3500, 3000, 3200])))
      .toMatchInlineSnapshot(`
        "Engine benchmark: v20.20.2, linux x64, 2 × Test CPU
        a paged JSON API on 127.0.0.1: 100,000 rows, 100 pages of 1,000, 9.5 MiB of JSON
        median of 3 runs each, interleaved, the engine already open; ratio = median / the anchor's
          count: Table.RowCount(B())
          rows: Table.Buffer(B())
          table: B()

        subject                                        median       min       max  ratio   rows/s
        -------------------------------------------  --------  --------  --------  -----  -------
        anchor: fetch + JSON.parse, page after page    200 ms    150 ms    250 ms   1.0×  500,000
        engine: count the rows                         500 ms    400 ms    600 ms   2.5×  200,000
        engine: buffer every row, sum two columns      900 ms    800 ms  1,000 ms   4.5×  111,111
        engine: the table itself, sent to the host   3,200 ms  3,000 ms  3,500 ms  16.0×   31,250

        a fresh engine for each of 3 runs (medians):
        phase                                                       median
        --------------------------------------------------------  --------
        MashupEngine.open (read the connector, start the worker)    600 ms
        evaluate the rows query (the first in a new worker)         900 ms
        close (stop the worker)                                      20 ms
        open + evaluate + close (median of the totals)            1,510 ms

        RSS of the process (server, anchor, engine and its worker): 160 MiB before the engine ran, 700 MiB peak
        target: each query's median evaluation < 3,000 ms: MISSED (count 500 ms, rows 900 ms, table 3,200 ms)
        "
      `);
  });

  it('gives the same figures as JSON', () => {
    const json = engineBenchJson(report([400, 600, 500], [1000, 800, 900], [2000, 1500, 1800]));
    expect(json).toMatchObject({
      medianMilliseconds: { anchor: 200, count: 500, rows: 900, table: 1800 },
      ratios: { anchor: 1, count: 2.5, rows: 4.5, table: 9 },
      freshEngineMedianMilliseconds: { open: 600, evaluate: 900, close: 20, total: 1510 },
      rssMib: { before: 160, peak: 700 },
      targetMilliseconds: 3000,
      pass: true,
    });
  });
});
