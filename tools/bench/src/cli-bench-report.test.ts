import { describe, expect, it } from 'vitest';
import {
  cliBenchJson,
  type CliBenchReport,
  meetsTarget,
  phaseMedians,
  renderCliBench,
  subjectMedians,
} from './cli-bench-report.js';

const PHASES = {
  boot: 40,
  importEngine: 500,
  open: 600,
  evaluate: 25,
  close: 10,
  workerImports: 450,
};

function report(built: number[], bundled: number[]): CliBenchReport {
  return {
    machine: { node: 'v20.20.2', platform: 'linux x64', cpus: 2, cpuModel: 'Test CPU' },
    commands: {
      anchor: 'node -e ""',
      built: 'node apps/cli/dist/main.js run-test -e HelloWorld -q q.pq',
      bundled: 'node /tmp/b/bin/pqsdk.js run-test -e HelloWorld -q q.pq',
    },
    runs: { anchor: [50, 40, 60], built, bundled },
    peakRssMib: { anchor: 40, built: 150, bundled: 140 },
    entryOnly: [60, 70, 65],
    phases: [PHASES, { ...PHASES, open: 700 }, { ...PHASES, open: 500 }],
    bundle: { bytes: 2_500_000, buildMilliseconds: 800 },
  };
}

describe('the CLI benchmark report', () => {
  it('takes the median of each process and of each phase', () => {
    const slow = report([1800, 1600, 2000], [400, 380, 420]);
    expect(subjectMedians(slow)).toEqual({ anchor: 50, built: 1800, bundled: 400 });
    expect(phaseMedians(slow)).toEqual(PHASES);
  });

  it('judges the target on the pqsdk bin, the bundled CLI', () => {
    expect(meetsTarget(report([1800, 1600, 2000], [300, 310, 320]))).toBe(true);
    expect(meetsTarget(report([390, 380, 399], [400, 410, 420]))).toBe(false);
  });

  it('renders the table, the phases and the verdict', () => {
    expect(renderCliBench(report([1800, 1600, 2000], [400, 380, 420]))).toMatchInlineSnapshot(`
      "CLI cold-start benchmark: v20.20.2, linux x64, 2 × Test CPU
      each run is a new process; median of 3 runs each, interleaved; ratio = median / the anchor's
        anchor: node -e ""
        built: node apps/cli/dist/main.js run-test -e HelloWorld -q q.pq
        bundled: node /tmp/b/bin/pqsdk.js run-test -e HelloWorld -q q.pq

      process                                  median      min  ratio  over anchor  peak RSS
      --------------------------------------  -------  -------  -----  -----------  --------
      anchor: node -e ""                        50 ms    40 ms   1.0×                 40 MiB
      pqsdk run-test (tsc output, unbundled)  1800 ms  1600 ms  36.0×     +1750 ms   150 MiB
      pqsdk run-test (the bin, bundled)        400 ms   380 ms   8.0×      +350 ms   140 MiB

      where the time of the unbundled CLI goes (medians, one fresh process a run):
      phase                                                      median
      ---------------------------------------------------------  ------
      Node start and the phases script                            40 ms
      import @pqsdk/mashup-engine (main thread)                  500 ms
      MashupEngine.open: worker start, its imports, the section  600 ms
        of which importing m-parser and m-evaluator in a worker  450 ms
      evaluate HelloWorld.query.pq                                25 ms
      close (stop the worker)                                     10 ms
      pqsdk --version (the CLI entry, no verb loaded)             65 ms

      bundle: 2441 KiB of JavaScript, built in 800 ms
      target: the pqsdk bin < 400 ms: MISSED (400 ms); unbundled: over it (1800 ms)
      "
    `);
  });

  it('gives the same figures as JSON', () => {
    const json = cliBenchJson(report([390, 380, 399], [300, 310, 320])) as Record<string, unknown>;
    expect(json['medianMilliseconds']).toEqual({ anchor: 50, built: 390, bundled: 310 });
    expect(json['ratios']).toEqual({ anchor: 1, built: 7.8, bundled: 6.2 });
    expect(json['pass']).toBe(true);
    expect(json['entryOnlyMedianMilliseconds']).toBe(65);
  });
});
