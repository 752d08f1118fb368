import {
  STANDARD_LIBRARY,
  type Arguments,
  type Context,
  type LibraryEntry,
  type Value,
} from '@pqsdk/m-evaluator';

/**
 * Standard library entries by name, so that the data access functions reuse the library's own
 * conversions (`#date`, `Text.FromBinary`, the number facet types) rather than copies of them.
 */
const BY_NAME: ReadonlyMap<string, LibraryEntry> = new Map(
  STANDARD_LIBRARY.map((entry): [string, LibraryEntry] => [entry.name, entry]),
);

function entry(name: string): LibraryEntry {
  const found = BY_NAME.get(name);
  if (found === undefined) throw new Error(`the standard library has no ${name}`);
  return found;
}

/**
 * Calls a standard library function's implementation directly (the caller passes arguments of the
 * declared types; omitted optional arguments are null).
 */
export function callLibrary(ctx: Context, name: string, args: readonly Value[]): Value {
  const found = entry(name);
  if (found.kind !== 'function') throw new Error(`${name} is not a library function`);
  return found.implementation(ctx, args as Arguments);
}

/** A standard library constant, such as `Int64.Type`. */
export function libraryConstant(name: string): Value {
  const found = entry(name);
  if (found.kind !== 'constant') throw new Error(`${name} is not a library constant`);
  return typeof found.value === 'function' ? found.value() : found.value;
}
