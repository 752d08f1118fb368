import {
  asRecord,
  BinaryValue,
  defineFunction,
  MError,
  strip,
  type LibraryEntry,
} from '@pqsdk/m-evaluator';
import { decodeText, readResx } from '@pqsdk/packager';
import type { ConnectorPackage } from '../connector/connector-package.js';
import type { EvaluationServices } from './services.js';

/**
 * The resource files to read a string from for a culture, most specific first:
 * `resources.de-DE.resx`, then `resources.de.resx`, then `resources.resx` (the .NET fallback
 * order). File names are compared without regard to case.
 */
export function resourceFilesFor(culture: string): string[] {
  const names: string[] = [];
  const parts = culture.split('-').filter((part) => part !== '');
  for (let length = parts.length; length > 0; length--) {
    names.push(`resources.${parts.slice(0, length).join('-')}.resx`);
  }
  names.push('resources.resx');
  return names;
}

/**
 * The strings of a connector's resource files, read on first use: `Extension.LoadString` looks a
 * name up in the culture's file, then in its parent culture's, then in `resources.resx`.
 */
export class ResourceStrings {
  readonly #files = new Map<string, Uint8Array>();
  readonly #parsed = new Map<string, ReadonlyMap<string, string>>();

  constructor(connector: ConnectorPackage) {
    for (const [name, data] of Object.entries(connector.files)) {
      this.#files.set(name.toLowerCase(), data);
    }
  }

  /** The string named `name` for `culture`, or undefined when no resource file has it. */
  lookup(name: string, culture: string): string | undefined {
    for (const file of resourceFilesFor(culture)) {
      const value = this.#strings(file)?.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  #strings(file: string): ReadonlyMap<string, string> | undefined {
    const key = file.toLowerCase();
    const known = this.#parsed.get(key);
    if (known !== undefined) return known;
    const data = this.#files.get(key);
    if (data === undefined) return undefined;
    const strings = readResx(data).entries;
    this.#parsed.set(key, strings);
    return strings;
  }
}

/**
 * `Extension.Contents`, `Extension.LoadString` and `Extension.Module`, bound to the connector's
 * package.
 */
export function packageFunctions(services: EvaluationServices): LibraryEntry[] {
  const { connector } = services;
  const resources = new ResourceStrings(connector);
  return [
    defineFunction('Extension.Contents', '(name as text) as binary', (_ctx, [name]) => {
      const file = name as string;
      const data = connector.files[file];
      if (data === undefined) {
        throw MError.expression(
          `The file '${file}' wasn't found in the ${connector.name} connector's package.`,
          file,
        );
      }
      return new BinaryValue(data);
    }),
    defineFunction('Extension.LoadString', '(name as text) as text', (ctx, [name]) => {
      const key = name as string;
      const value = resources.lookup(key, ctx.culture);
      if (value === undefined) {
        throw MError.expression(
          `The string '${key}' wasn't found in the ${connector.name} connector's resources.resx.`,
          key,
        );
      }
      return value;
    }),
    // Not in the function reference; pqsdk's reading (mashup-engine README): the value of a module
    // of the package, the `.pqm` loading pattern of the SDK samples as one call.
    defineFunction(
      'Extension.Module',
      '(name as text, optional environment as nullable record) as any',
      (ctx, [name, environment]) => {
        const given = name as string;
        const file = given in connector.files ? given : `${given}.pqm`;
        const data = connector.files[file];
        if (data === undefined) {
          throw MError.expression(
            `The module '${given}' wasn't found in the ${connector.name} connector's package.`,
            given,
          );
        }
        const text = decodeText(data);
        if (text === undefined) {
          throw MError.expression(`The module '${file}' is not UTF-8 text.`, given);
        }
        const host = ctx.host;
        if (host === undefined) throw MError.expression('Extension.Module needs an engine.');
        const names = strip(environment) === null ? null : asRecord(environment);
        return host.evaluateText(ctx, text, names);
      },
    ),
  ];
}
