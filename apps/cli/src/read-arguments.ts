import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** One option a command accepts. */
export interface OptionSpec {
  /** A flag (`--json`) or an option with a value (`--file path`, `--file=path`). */
  readonly type: 'boolean' | 'string';
  /** A one-letter alias, without the dash. */
  readonly short?: string;
}

/** The options a command accepts, by long name (without the dashes). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The values read for {@link OptionSpecs}: flags are booleans, string options may be absent. */
export type OptionValues<S extends OptionSpecs> = {
  readonly [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

/** What {@link readArguments} returns. */
export interface Arguments<S extends OptionSpecs> {
  readonly options: OptionValues<S>;
  /** The other arguments, in order; everything after `--` is one of them. */
  readonly positionals: readonly string[];
}

/**
 * Reads a command's arguments with `node:util` `parseArgs`, and turns every mistake into a
 * one-line {@link UsageError} that points at the command's help.
 *
 * @param argv - The arguments after the command's name.
 * @param specs - The options the command accepts.
 * @param helpCommand - What to suggest, such as `pqsdk parse --help`.
 *
 * @example
 * ```ts
 * const { options, positionals } = readArguments(['--json', 'a.pq'], { json: { type: 'boolean' } }, 'pqsdk parse --help');
 * // options.json === true, positionals = ['a.pq']
 * ```
 */
export function readArguments<const S extends OptionSpecs>(
  argv: readonly string[],
  specs: S,
  helpCommand: string,
): Arguments<S> {
  // Not strict: unknown options come back as tokens, so the messages below can be ours.
  const { tokens } = parseArgs({
    args: [...argv],
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string | boolean>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) {
      throw new UsageError(
        'PQSDK_UNKNOWN_OPTION',
        `unknown option "${token.rawName}"; run ${helpCommand}`,
      );
    }
    if (spec.type === 'boolean') {
      if (token.inlineValue === true) {
        throw new UsageError(
          'PQSDK_BAD_OPTION_VALUE',
          `option "${token.rawName}" takes no value; run ${helpCommand}`,
        );
      }
      values.set(token.name, true);
    } else {
      if (token.value === undefined) {
        throw new UsageError(
          'PQSDK_BAD_OPTION_VALUE',
          `option "${token.rawName}" needs a value; run ${helpCommand}`,
        );
      }
      values.set(token.name, token.value);
    }
  }
  const options: Record<string, string | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = values.get(name) ?? (spec.type === 'boolean' ? false : undefined);
  }
  return { options: options as OptionValues<S>, positionals };
}
