import { cpus } from 'node:os';

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** The median of each key's values, for `keys` (in their order). */
export function medianOfEach<K extends string>(
  values: Readonly<Record<K, readonly number[]>>,
  keys: readonly K[],
): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, median(values[key])])) as Record<K, number>;
}

/** Throughput in MiB/s of `bytes` read in `milliseconds`. */
export function mibPerSecond(bytes: number, milliseconds: number): number {
  return bytes / (1024 * 1024) / (milliseconds / 1000);
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMib(): number {
  // `maxRSS` is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** Current resident set size of this process, in MiB. */
export function currentRssMib(): number {
  return process.memoryUsage.rss() / (1024 * 1024);
}

/** The machine a benchmark ran on, for reports. */
export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown CPU',
  };
}

/** Rounds to `digits` decimals, for JSON reports. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
