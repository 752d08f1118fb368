/**
 * Credentials as PQTest's JSON: what `set-credential` reads on standard input (the template of
 * `credential-template`, filled in) and what the store persists (the same object with its
 * `DataSource`).
 *
 * ```json
 * {
 *   "AuthenticationKind": "UsernamePassword",
 *   "AuthenticationProperties": { "Username": "me", "Password": "..." },
 *   "PrivacySetting": "None",
 *   "Permissions": []
 * }
 * ```
 */

import { parseAuthenticationKind } from './authentication-kind.js';
import { normalizeDataSourcePath } from './data-source-path.js';
import {
  type CredentialInputProblem,
  type CredentialInputResult,
  describeJsonType,
  memberPath,
  quoteName,
  withArticle,
} from './input-problems.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { oauthTokenFields, parseOAuthToken } from './oauth-token.js';
import {
  AUTHENTICATION_KINDS,
  type AuthenticationKind,
  type Credential,
  type CredentialCommon,
  type DataSource,
  type JsonObject,
  type JsonValue,
  PRIVACY_SETTINGS,
  type PrivacySetting,
} from './types.js';

/** A credential in PQTest's JSON shape. `DataSource` is absent in set-credential input. */
export interface CredentialJson {
  /** The data source (`kind`, `path`); PQTest takes it from the command line instead. */
  readonly DataSource?: { readonly kind: string; readonly path: string };
  /** The authentication kind's name. */
  readonly AuthenticationKind: AuthenticationKind;
  /** The kind's fields: `Key`; `Username` and `Password`; `access_token`, `refresh_token`, ... */
  readonly AuthenticationProperties: JsonObject;
  /** The privacy level. */
  readonly PrivacySetting: PrivacySetting;
  /** PQTest's permissions, kept as given. */
  readonly Permissions: readonly JsonValue[];
}

/** Options of {@link parseSetCredentialInput} and {@link parseCredentialJson}. */
export interface ParseCredentialOptions {
  /**
   * The data source the credential is for, as PQTest takes it from `--extension`/`--queryFile` or
   * `--dataSourceKind`/`--dataSourcePath`. Required unless the JSON has a `DataSource`; when both
   * are given they must name the same data source.
   */
  readonly dataSource?: DataSource;
  /** When an OAuth token without `obtained_at` was obtained. Default: now. */
  readonly now?: Date;
}

const TOP_LEVEL_FIELDS = [
  'DataSource',
  'AuthenticationKind',
  'AuthenticationProperties',
  'PrivacySetting',
  'Permissions',
] as const;

/** The fields of `AuthenticationProperties` per kind, besides `EncryptConnection`. */
const PROPERTY_FIELDS: Readonly<
  Record<Exclude<AuthenticationKind, 'OAuth' | 'Aad'>, readonly string[]>
> = {
  Anonymous: [],
  Key: ['Key'],
  UsernamePassword: ['Username', 'Password'],
  Windows: ['Username', 'Password'],
};

const PLACEHOLDER = /^\$\$[A-Z0-9_]+\$\$$/u;

/**
 * Reads the JSON `set-credential` takes on standard input: PQTest's credential object, as
 * `credential-template` prints it with its placeholders replaced. Never throws on user input;
 * every problem names its JSON path and none quotes a value, so a misplaced secret is not echoed.
 *
 * @param text - The JSON text (a leading byte order mark is ignored).
 * @param options - The data source from the command line, and the clock.
 *
 * @example
 * ```ts
 * const result = parseSetCredentialInput(stdin, { dataSource: { kind: 'MyConnector', path: 'MyConnector' } });
 * if (!result.ok) for (const p of result.problems) console.error(formatCredentialInputProblem(p));
 * ```
 */
export function parseSetCredentialInput(
  text: string,
  options: ParseCredentialOptions = {},
): CredentialInputResult<Credential> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: 'is empty; pipe the JSON of credential-template into set-credential',
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    // The parser's own message may quote the input (and its secrets), so it is never shown.
    return { ok: false, problems: [{ path: '$', message: jsonSyntaxMessage(source) }] };
  }
  return parseCredentialJson(value, options);
}

/**
 * Reads a credential from an already parsed JSON value in PQTest's shape ({@link CredentialJson}).
 * The rules are those of {@link parseSetCredentialInput}.
 */
export function parseCredentialJson(
  value: unknown,
  options: ParseCredentialOptions = {},
): CredentialInputResult<Credential> {
  const problems: CredentialInputProblem[] = [];
  if (!isObject(value)) {
    return {
      ok: false,
      problems: [{ path: '$', message: `must be a JSON object, not ${describeJsonType(value)}` }],
    };
  }
  for (const name of Object.keys(value)) {
    if (!(TOP_LEVEL_FIELDS as readonly string[]).includes(name)) {
      problems.push(unknownField('$', name, TOP_LEVEL_FIELDS));
    }
  }

  const dataSource = readDataSource(value, options.dataSource, problems);
  const authenticationKind = readAuthenticationKind(value, problems);
  const privacySetting = readPrivacySetting(value, problems);
  const permissions = readPermissions(value, problems);
  const properties = readProperties(value, problems);

  let credential: Credential | undefined;
  if (dataSource !== undefined && authenticationKind !== undefined && properties !== undefined) {
    const encryptConnection = readEncryptConnection(properties, problems);
    const common: CredentialCommon = {
      dataSource,
      privacySetting: privacySetting ?? 'None',
      permissions: permissions ?? [],
      ...(encryptConnection === undefined ? {} : { encryptConnection }),
    };
    credential = readKindProperties(authenticationKind, properties, common, options, problems);
  }
  if (problems.length > 0 || credential === undefined) return { ok: false, problems };
  return { ok: true, value: credential };
}

/**
 * A credential in PQTest's JSON shape, with its `DataSource`: what the store persists and what
 * {@link parseCredentialJson} reads back. **Holds the secrets**: never print or log it.
 */
export function credentialToJson(credential: Credential): CredentialJson {
  const encrypt: JsonObject =
    credential.encryptConnection === undefined
      ? {}
      : { EncryptConnection: credential.encryptConnection };
  let properties: JsonObject;
  switch (credential.authenticationKind) {
    case 'Anonymous':
      properties = { ...encrypt };
      break;
    case 'Key':
      properties = { Key: credential.key, ...encrypt };
      break;
    case 'UsernamePassword':
      properties = { Username: credential.username, Password: credential.password, ...encrypt };
      break;
    case 'Windows':
      properties =
        credential.username === undefined
          ? { ...encrypt }
          : { Username: credential.username, Password: credential.password ?? '', ...encrypt };
      break;
    case 'OAuth':
    case 'Aad':
      properties = { ...oauthTokenFields(credential.token), ...encrypt };
      break;
  }
  return {
    DataSource: { kind: credential.dataSource.kind, path: credential.dataSource.path },
    AuthenticationKind: credential.authenticationKind,
    AuthenticationProperties: properties,
    PrivacySetting: credential.privacySetting,
    Permissions: credential.permissions,
  };
}

/**
 * PQTest's automatic credentials: `set-credential --authenticationKind Anonymous` (or `Windows`,
 * which stands for the current user) without JSON input.
 */
export function automaticCredential(
  dataSource: DataSource,
  authenticationKind: 'Anonymous' | 'Windows',
): Credential {
  return { dataSource, authenticationKind, privacySetting: 'None', permissions: [] };
}

function readDataSource(
  value: JsonObject,
  given: DataSource | undefined,
  problems: CredentialInputProblem[],
): DataSource | undefined {
  const field = value['DataSource'];
  const path = '$.DataSource';
  if (field === undefined || field === null) {
    if (given === undefined) {
      problems.push({
        path,
        message: 'is missing, and no data source was given otherwise (a kind and a path)',
      });
    }
    return given;
  }
  if (!isObject(field)) {
    problems.push({ path, message: `must be an object, not ${describeJsonType(field)}` });
    return undefined;
  }
  const before = problems.length;
  for (const name of Object.keys(field)) {
    if (name !== 'kind' && name !== 'path')
      problems.push(unknownField(path, name, ['kind', 'path']));
  }
  const kind = field['kind'];
  const dataSourcePath = field['path'];
  if (typeof kind !== 'string' || kind === '') {
    problems.push({
      path: `${path}.kind`,
      message: kind === undefined ? 'is missing' : `must be a non-empty string`,
    });
  }
  if (typeof dataSourcePath !== 'string' || dataSourcePath === '') {
    problems.push({
      path: `${path}.path`,
      message: dataSourcePath === undefined ? 'is missing' : `must be a non-empty string`,
    });
  }
  if (problems.length > before || typeof kind !== 'string' || typeof dataSourcePath !== 'string') {
    return undefined;
  }
  if (
    given !== undefined &&
    (given.kind !== kind ||
      normalizeDataSourcePath(given.path) !== normalizeDataSourcePath(dataSourcePath))
  ) {
    problems.push({
      path,
      message:
        'names another data source than the one given with the command; remove it or make them agree',
    });
    return undefined;
  }
  return given ?? { kind, path: dataSourcePath };
}

function readAuthenticationKind(
  value: JsonObject,
  problems: CredentialInputProblem[],
): AuthenticationKind | undefined {
  const field = value['AuthenticationKind'];
  const path = '$.AuthenticationKind';
  if (field === undefined || field === null) {
    problems.push({ path, message: `is missing; use one of ${AUTHENTICATION_KINDS.join(', ')}` });
    return undefined;
  }
  if (typeof field !== 'string') {
    problems.push({ path, message: `must be a string, not ${describeJsonType(field)}` });
    return undefined;
  }
  const kind = parseAuthenticationKind(field);
  if (kind === undefined) {
    problems.push({
      path,
      message: `${quoteName(field)} is no authentication kind; use one of ${AUTHENTICATION_KINDS.join(', ')}`,
    });
  }
  return kind;
}

function readPrivacySetting(
  value: JsonObject,
  problems: CredentialInputProblem[],
): PrivacySetting | undefined {
  const field = value['PrivacySetting'];
  const path = '$.PrivacySetting';
  if (field === undefined || field === null) return undefined;
  if (typeof field !== 'string') {
    problems.push({ path, message: `must be a string, not ${describeJsonType(field)}` });
    return undefined;
  }
  const setting = PRIVACY_SETTINGS.find(
    (name) => name.toLowerCase() === field.trim().toLowerCase(),
  );
  if (setting === undefined) {
    problems.push({
      path,
      message: `${quoteName(field)} is no privacy level; use one of ${PRIVACY_SETTINGS.join(', ')}`,
    });
  }
  return setting;
}

function readPermissions(
  value: JsonObject,
  problems: CredentialInputProblem[],
): readonly JsonValue[] | undefined {
  const field = value['Permissions'];
  if (field === undefined || field === null) return undefined;
  if (!Array.isArray(field)) {
    problems.push({
      path: '$.Permissions',
      message: `must be an array, not ${describeJsonType(field)}`,
    });
    return undefined;
  }
  return field as readonly JsonValue[];
}

function readProperties(
  value: JsonObject,
  problems: CredentialInputProblem[],
): JsonObject | undefined {
  const field = value['AuthenticationProperties'];
  const path = '$.AuthenticationProperties';
  if (field === undefined || field === null) return {};
  if (!isObject(field)) {
    problems.push({ path, message: `must be an object, not ${describeJsonType(field)}` });
    return undefined;
  }
  for (const [name, property] of Object.entries(field)) {
    if (name === 'Properties' && isObject(property)) {
      for (const [nested, nestedValue] of Object.entries(property)) {
        checkPlaceholder(memberPath(memberPath(path, name), nested), nestedValue, problems);
      }
    } else {
      checkPlaceholder(memberPath(path, name), property, problems);
    }
  }
  return field;
}

function checkPlaceholder(
  path: string,
  value: JsonValue,
  problems: CredentialInputProblem[],
): void {
  if (typeof value === 'string' && PLACEHOLDER.test(value)) {
    problems.push({
      path,
      message: `still holds the template placeholder ${value}; replace it with the real value`,
    });
  }
}

function readEncryptConnection(
  properties: JsonObject,
  problems: CredentialInputProblem[],
): boolean | undefined {
  const field = properties['EncryptConnection'];
  if (field === undefined || field === null) return undefined;
  if (typeof field !== 'boolean') {
    problems.push({
      path: '$.AuthenticationProperties.EncryptConnection',
      message: `must be true or false, not ${describeJsonType(field)}`,
    });
    return undefined;
  }
  return field;
}

function readKindProperties(
  kind: AuthenticationKind,
  properties: JsonObject,
  common: CredentialCommon,
  options: ParseCredentialOptions,
  problems: CredentialInputProblem[],
): Credential | undefined {
  const path = '$.AuthenticationProperties';
  const rest: Record<string, JsonValue> = { ...properties };
  delete rest['EncryptConnection'];

  if (kind === 'OAuth' || kind === 'Aad') {
    const token = parseOAuthToken(rest, { path, ...(options.now ? { now: options.now } : {}) });
    if (!token.ok) {
      problems.push(...token.problems);
      return undefined;
    }
    return { ...common, authenticationKind: kind, token: token.value };
  }

  const allowed = PROPERTY_FIELDS[kind];
  for (const name of Object.keys(rest)) {
    if (!allowed.includes(name)) {
      problems.push(unknownField(path, name, [...allowed, 'EncryptConnection'], kind));
    }
  }
  switch (kind) {
    case 'Anonymous':
      return { ...common, authenticationKind: kind };
    case 'Key': {
      const key = readRequiredString(rest, 'Key', path, kind, problems, false);
      return key === undefined ? undefined : { ...common, authenticationKind: kind, key };
    }
    case 'UsernamePassword': {
      const username = readRequiredString(rest, 'Username', path, kind, problems, false);
      const password = readRequiredString(rest, 'Password', path, kind, problems, true);
      if (username === undefined || password === undefined) return undefined;
      return { ...common, authenticationKind: kind, username, password };
    }
    case 'Windows': {
      const hasUsername = rest['Username'] !== undefined && rest['Username'] !== null;
      const hasPassword = rest['Password'] !== undefined && rest['Password'] !== null;
      if (!hasUsername && !hasPassword) return { ...common, authenticationKind: kind };
      const username = readRequiredString(rest, 'Username', path, kind, problems, false);
      const password = readRequiredString(rest, 'Password', path, kind, problems, true);
      if (username === undefined || password === undefined) return undefined;
      return { ...common, authenticationKind: kind, username, password };
    }
  }
}

function readRequiredString(
  properties: JsonObject,
  name: string,
  path: string,
  kind: AuthenticationKind,
  problems: CredentialInputProblem[],
  allowEmpty: boolean,
): string | undefined {
  const field = properties[name];
  const fieldPath = memberPath(path, name);
  if (field === undefined || field === null) {
    problems.push({
      path: fieldPath,
      message: `is missing; ${withArticle(kind)} credential requires it`,
    });
    return undefined;
  }
  if (typeof field !== 'string') {
    problems.push({ path: fieldPath, message: `must be a string, not ${describeJsonType(field)}` });
    return undefined;
  }
  if (!allowEmpty && field === '') {
    problems.push({ path: fieldPath, message: 'is empty' });
    return undefined;
  }
  return field;
}

function unknownField(
  path: string,
  name: string,
  expected: readonly string[],
  kind?: AuthenticationKind,
): CredentialInputProblem {
  const near = expected.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const where = kind === undefined ? '' : ` of ${withArticle(kind)} credential`;
  const hint =
    near !== undefined
      ? `; did you mean ${near}?`
      : expected.length === 0
        ? '; it takes none'
        : `; expected ${expected.join(', ')}`;
  return { path: memberPath(path, name), message: `is not a field${where}${hint}` };
}

function jsonSyntaxMessage(text: string): string {
  const location = findJsonSyntaxError(text);
  return location === undefined
    ? 'is not valid JSON'
    : `is not valid JSON (line ${location.line}, column ${location.column})`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
