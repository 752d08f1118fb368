/**
 * Problems found in credential JSON given by a user (set-credential input) or returned by a
 * connector (`FinishLogin`, `Refresh`). Each names the place in the JSON and never quotes a value,
 * so a secret typed in the wrong place is not echoed.
 */

/** One problem in credential JSON. */
export interface CredentialInputProblem {
  /** Where: a JSON path such as `$.AuthenticationProperties.Password`. */
  readonly path: string;
  /** What is wrong and what to do, in one line, without quoting any value. */
  readonly message: string;
}

/** The outcome of reading credential JSON: the value, or every problem found. */
export type CredentialInputResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly CredentialInputProblem[] };

/**
 * One line for a problem: `<path>: <message>`.
 *
 * @example
 * ```ts
 * formatCredentialInputProblem({ path: '$.AuthenticationKind', message: 'is missing' });
 * // '$.AuthenticationKind: is missing'
 * ```
 */
export function formatCredentialInputProblem(problem: CredentialInputProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** The JSON path of a member: `$.a.b`, or `$.a["odd name"]` when the name is not an identifier. */
export function memberPath(parent: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/u.test(name)
    ? `${parent}.${name}`
    : `${parent}[${JSON.stringify(name)}]`;
}

/** How a JSON value is described in a problem: its type, never its contents. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A name quoted for a message, cut short so that a pasted blob does not fill the line. */
export function quoteName(name: string): string {
  const shown = name.length > 40 ? `${name.slice(0, 37)}...` : name;
  return JSON.stringify(shown);
}

/** A kind name with its indefinite article: `a Key`, `an OAuth`, `a UsernamePassword`. */
export function withArticle(word: string): string {
  return /^[AEIO]/iu.test(word) ? `an ${word}` : `a ${word}`;
}
