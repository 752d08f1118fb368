/**
 * Moving OAuth values between M and plain data on the evaluation side: the token record a
 * connector returns as JSON, the stored credential as the record `Refresh` gets, and keeping
 * secrets out of the error reports the worker sends back.
 */
import {
  BinaryValue,
  ListValue,
  MError,
  printValue,
  RecordValue,
  strip,
  type Context,
  type Value,
} from '@pqsdk/m-evaluator';
import { scrubSecrets } from '../credentials/secrets.js';
import type { ErrorReport } from '../evaluation/evaluation-result.js';
import type { CredentialFields, Json } from '../evaluation/protocol.js';
import { valueOfJson } from '../extension/json-values.js';

/** A JSON object. */
export type JsonFields = { readonly [name: string]: Json };

/**
 * A value as JSON for the token store: null, logical, number and text as they are, records as
 * objects, lists as arrays, binaries as base64, anything else (a date, a function) as its M literal.
 * An error in a field is raised.
 */
export function tokenJson(ctx: Context, value: Value): Json {
  const plain = strip(value);
  if (plain === null || typeof plain === 'boolean' || typeof plain === 'string') return plain;
  if (typeof plain === 'number') return Number.isFinite(plain) ? plain : String(plain);
  if (plain instanceof RecordValue) {
    const object: Record<string, Json> = {};
    plain.names.forEach((name, index) => {
      object[name] = tokenJson(ctx, plain.at(index));
    });
    return object;
  }
  if (plain instanceof ListValue) return plain.toArray(ctx).map((item) => tokenJson(ctx, item));
  if (plain instanceof BinaryValue) return Buffer.from(plain.bytes).toString('base64');
  return printValue(ctx, plain);
}

/**
 * The record `FinishLogin` or `Refresh` returned, as JSON fields.
 *
 * @throws an `Expression.Error` when the value is not a record.
 */
export function tokenRecordFields(ctx: Context, value: Value, functionName: string): JsonFields {
  const plain = strip(value);
  if (!(plain instanceof RecordValue)) {
    throw MError.expression(
      `The OAuth ${functionName} function must return a record of token fields (access_token, refresh_token, expires_in, …).`,
    );
  }
  return tokenJson(ctx, plain) as JsonFields;
}

/**
 * The previous token record, as the advanced `Refresh(clientApplication, dataSourcePath,
 * oldCredential)` gets it: the fields `FinishLogin` (or the last `Refresh`) returned, which the
 * engine keeps as `access_token` and `Properties`.
 */
export function oldCredentialRecord(credential: CredentialFields): RecordValue {
  const fields: Record<string, Json> = {
    ...(credential.access_token === undefined ? {} : { access_token: credential.access_token }),
    ...(credential.Properties ?? {}),
  };
  return valueOfJson(fields) as RecordValue;
}

/** The refresh token of a stored credential, when it has one. */
export function refreshTokenOf(credential: CredentialFields): string | undefined {
  const token = credential.Properties?.['refresh_token'];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Names of callback parameters whose values are secrets. */
const SECRET_PARAMETER = /token|code|secret|assertion/iu;

/**
 * The secret values of a callback URL: the authorization code and any token or secret parameter,
 * in its query or its fragment.
 */
export function callbackSecrets(callbackUri: string): string[] {
  let url: URL;
  try {
    url = new URL(callbackUri);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  const fragment = new URLSearchParams(url.hash.replace(/^#/u, ''));
  for (const parameters of [url.searchParams, fragment]) {
    for (const [name, value] of parameters) {
      if (SECRET_PARAMETER.test(name) && value !== '') secrets.push(value);
    }
  }
  return secrets;
}

/**
 * The texts of at least 6 characters in a value (records and lists at any depth): what a login
 * `Context` may hide a secret in, such as a PKCE code verifier. Fields that raise are skipped.
 */
export function textsIn(ctx: Context, value: Value, into: string[] = [], depth = 0): string[] {
  if (depth > 16) return into;
  let plain: Value;
  try {
    plain = strip(value);
  } catch (error) {
    if (error instanceof MError) return into;
    throw error;
  }
  if (typeof plain === 'string') {
    if (plain.length >= 6) into.push(plain);
  } else if (plain instanceof RecordValue) {
    plain.names.forEach((_name, index) => {
      try {
        textsIn(ctx, plain.at(index), into, depth + 1);
      } catch (error) {
        if (!(error instanceof MError)) throw error;
      }
    });
  } else if (plain instanceof ListValue) {
    try {
      for (const item of plain.toArray(ctx)) textsIn(ctx, item, into, depth + 1);
    } catch (error) {
      if (!(error instanceof MError)) throw error;
    }
  }
  return into;
}

/** Token fields whose names look secret but whose values are not. */
const NOT_SECRET = new Set(['token_type', 'expires_in', 'expires', 'scope']);

/** The secrets of a stored credential as the worker sees it: its tokens and secret properties. */
export function credentialSecrets(credential: CredentialFields): string[] {
  const secrets: string[] = [];
  if (credential.access_token !== undefined) secrets.push(credential.access_token);
  const collect = (value: Json, secret: boolean): void => {
    if (typeof value === 'string') {
      if (secret && value !== '') secrets.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value as readonly Json[]) collect(item, secret);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        const secretName =
          !NOT_SECRET.has(name) && /token|secret|password|key|code|assertion/iu.test(name);
        collect(item, secret || secretName);
      }
    }
  };
  collect(credential.Properties ?? {}, false);
  return secrets;
}

function scrubJson(value: Json, secrets: readonly string[]): Json {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (Array.isArray(value)) {
    return (value as readonly Json[]).map((item) => scrubJson(item, secrets));
  }
  if (typeof value === 'object' && value !== null) {
    const object: Record<string, Json> = {};
    for (const [name, item] of Object.entries(value)) object[name] = scrubJson(item, secrets);
    return object;
  }
  return value;
}

/** An error report with every secret replaced by `<redacted>`, in every text it holds. */
export function scrubReport(report: ErrorReport, secrets: readonly string[]): ErrorReport {
  const useful = secrets.filter((secret) => secret.length > 0);
  if (useful.length === 0) return report;
  const text = (value: string | null): string | null =>
    value === null ? null : scrubSecrets(value, useful);
  return {
    reason: text(report.reason),
    message: text(report.message),
    detail: text(report.detail),
    detailJson: scrubJson(report.detailJson, useful),
    messageFormat: text(report.messageFormat),
    messageParameters: text(report.messageParameters),
  };
}
