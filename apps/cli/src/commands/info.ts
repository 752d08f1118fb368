import { functionDocumentation } from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { INFO_HELP } from './info-help.js';
import { formatInfoForPeople, infoEntry } from './info-report.js';
import {
  EXTENSION_OPTION,
  noPositionals,
  OUTPUT_OPTIONS,
  printJson,
  readEngineSettings,
  requireConnector,
  userFacingError,
} from './pqtest-options.js';
import { MashupEngine } from '@pqsdk/mashup-engine';

const OPTIONS = {
  ...EXTENSION_OPTION,
  ...OUTPUT_OPTIONS,
  'timeout-ms': { type: 'string' },
  culture: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk info --help';

/**
 * Runs `pqsdk info -e <connector>`: loads the connector, describes it (`MashupEngine.info` and
 * the documentation metadata of its shared functions) and prints the JSON, or a summary on a
 * terminal.
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the connector does not load.
 */
export async function runInfo(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(INFO_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const extension = requireConnector(options.extension, io, HELP_COMMAND);
  const settings = readEngineSettings(
    {
      'timeout-ms': options['timeout-ms'],
      now: undefined,
      seed: undefined,
      culture: options.culture,
    },
    HELP_COMMAND,
  );
  let engine: MashupEngine;
  try {
    engine = await MashupEngine.open(extension.path, settings);
  } catch (error) {
    throw userFacingError(error, extension.given);
  }
  let entry;
  try {
    const info = await engine.info();
    const functions = info.members
      .filter((member) => member.shared && member.valueKind === 'function')
      .map((member) => member.name);
    entry = infoEntry(extension.given, info, await functionDocumentation(engine, functions));
  } finally {
    await engine.close();
  }
  if (io.stdoutIsTTY === true && !options.json && !options.prettyPrint) {
    io.stdout(formatInfoForPeople(entry));
  } else {
    printJson([entry], options.prettyPrint, io);
  }
  return EXIT_OK;
}
