import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Engine } from '@pqsdk/m-evaluator';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { readArguments } from '../read-arguments.js';
import { decodeUtf8, readAllText, standardInput } from '../read-stdin.js';
import { UsageError } from '../usage-error.js';
import { EVAL_HELP } from './eval-help.js';
import { runJsonl } from './eval-jsonl.js';
import { evaluationOptions, JSONL_DEFAULT_TIMEOUT_MS, readEvalSettings } from './eval-options.js';
import { evaluateToOutcome, formatEvalError } from './eval-outcome.js';

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  jsonl: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  now: { type: 'string' },
  seed: { type: 'string' },
  culture: { type: 'string' },
  multiline: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk eval --help';

/**
 * Runs `pqsdk eval <expression>`, `pqsdk eval -f <file|->` or `pqsdk eval --jsonl`.
 *
 * One expression: prints its value as an M literal and returns 0, or prints the M error (or the
 * timeout) on standard error and returns 1. `--jsonl`: see {@link runJsonl}.
 *
 * @param engine - The engine to evaluate with; every `--jsonl` request shares it. Default: a new
 *   engine with the standard library.
 * @throws {@link UsageError} for bad arguments, or a file or standard input that cannot be read.
 */
export async function runEval(
  argv: readonly string[],
  io: CliIo,
  engine: Engine = new Engine(),
): Promise<number> {
  const { options: optionArguments, expressions } = setAsideNegativeExpressions(argv);
  const { options, positionals: named } = readArguments(optionArguments, OPTIONS, HELP_COMMAND);
  const positionals = [...named, ...expressions];
  if (options.help) {
    io.stdout(EVAL_HELP);
    return EXIT_OK;
  }
  const settings = readEvalSettings(options, options.jsonl ? JSONL_DEFAULT_TIMEOUT_MS : undefined);

  if (options.jsonl) {
    if (positionals.length > 0 || options.file !== undefined) {
      throw new UsageError(
        'PQSDK_BAD_OPTION_VALUE',
        `--jsonl reads its requests from standard input and takes no expression or --file; run ${HELP_COMMAND}`,
      );
    }
    return runJsonl(engine, standardInput(io), io, settings);
  }

  const text = await readExpression(positionals, options.file, io);
  const outcome = evaluateToOutcome(engine, text, evaluationOptions(settings), {
    multiline: settings.multiline,
  });
  if (outcome.ok) {
    io.stdout(`${outcome.value}\n`);
    return EXIT_OK;
  }
  io.stderr(formatEvalError(outcome.error));
  return EXIT_FAILED;
}

/** The options that take a value, so that the argument after them is that value. */
const TAKES_VALUE = new Set(
  Object.entries(OPTIONS).flatMap(([name, spec]) =>
    spec.type === 'string' ? [`--${name}`, ...('short' in spec ? [`-${spec.short}`] : [])] : [],
  ),
);

/**
 * Takes out of `argv` the arguments that start with `-` but cannot be options, because no letter
 * or dash follows it (`-1`, `-(2 * 3)`, `- x`), so that `pqsdk eval -1` evaluates -1. The value
 * of an option (`--seed -1`) stays, and so does everything after `--`.
 */
function setAsideNegativeExpressions(argv: readonly string[]): {
  readonly options: readonly string[];
  readonly expressions: readonly string[];
} {
  const options: string[] = [];
  const expressions: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--') {
      options.push(...argv.slice(index));
      break;
    }
    if (/^-[^A-Za-z-]/.test(argument)) {
      expressions.push(argument);
      continue;
    }
    options.push(argument);
    if (TAKES_VALUE.has(argument) && index + 1 < argv.length) {
      options.push(argv[++index] as string);
    }
  }
  return { options, expressions };
}

/** The expression text: the one argument, or the contents of `--file` (`-`: standard input). */
async function readExpression(
  positionals: readonly string[],
  file: string | undefined,
  io: CliIo,
): Promise<string> {
  if (file !== undefined) {
    if (positionals.length > 0) {
      throw new UsageError(
        'PQSDK_BAD_OPTION_VALUE',
        `give the expression as an argument or with --file, not both; run ${HELP_COMMAND}`,
      );
    }
    if (file === '-') {
      try {
        return await readAllText(standardInput(io));
      } catch (error) {
        throw pathError(error, 'standard input');
      }
    }
    try {
      return decodeUtf8(readFileSync(resolve(io.cwd, file)));
    } catch (error) {
      throw pathError(error, file);
    }
  }
  const [expression, ...rest] = positionals;
  if (expression === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `no expression given: pass one, --file <path>, or --jsonl; run ${HELP_COMMAND}`,
    );
  }
  if (rest.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give the expression as one argument, in quotes: pqsdk eval '1 + 2'; run ${HELP_COMMAND}`,
    );
  }
  return expression;
}
