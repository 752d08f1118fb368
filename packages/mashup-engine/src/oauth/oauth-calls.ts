/**
 * Running a connector's OAuth functions on the evaluation side (DESIGN.md §5): `StartLogin`,
 * `FinishLogin` and `Refresh` of a data source kind's `OAuth` record, in either signature, with
 * their results turned into plain data for the host.
 */
import {
  MError,
  printValue,
  RecordValue,
  strip,
  type Context,
  type LoadedSection,
  type Value,
} from '@pqsdk/m-evaluator';
import type { CredentialFields } from '../evaluation/protocol.js';
import { errorReport } from '../evaluation/plain-value.js';
import {
  invokeOAuthFunction,
  readOAuthRecord,
  signatureForm,
  type OAuthRecord,
} from './oauth-record.js';
import {
  callbackSecrets,
  credentialSecrets,
  oldCredentialRecord,
  refreshTokenOf,
  scrubReport,
  textsIn,
  tokenRecordFields,
  type JsonFields,
} from './token-values.js';
import type { OAuthCall, OAuthLogin, OAuthReply, OAuthStepFailureCode } from './types.js';

/** Evaluates an M literal (a login `Context`) in the connector's engine. */
export type EvaluateLiteral = (text: string) => Value;

/** An OAuth step that could not run, with its failure code. */
export class OAuthStepError extends Error {
  constructor(
    readonly code: OAuthStepFailureCode,
    readonly error: MError,
  ) {
    super(error.message);
  }
}

function requireOAuth(ctx: Context, section: LoadedSection, kind: string): OAuthRecord {
  const record = readOAuthRecord(ctx, section, kind);
  if (record === undefined) {
    throw new OAuthStepError(
      'PQSDK_OAUTH_NOT_SUPPORTED',
      MError.of(
        'Expression.Error',
        `The data source kind ${kind} does not support OAuth: its Authentication record has no OAuth field.`,
        kind,
      ),
    );
  }
  return record;
}

function textField(record: RecordValue, name: string, required: boolean): string | undefined {
  const value = strip(record.fieldOrUndefined(name) ?? null);
  if (value === null && !required) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw MError.expression(`The record StartLogin returns needs a text ${name}.`);
  }
  return value;
}

function numberField(record: RecordValue, name: string): number {
  const value = strip(record.fieldOrUndefined(name) ?? null);
  if (value === null) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw MError.expression(`The ${name} StartLogin returns must be a non-negative number.`);
  }
  return value;
}

function checkUrl(text: string, name: string, web: boolean): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw MError.expression(`The ${name} StartLogin returns is not an absolute URL.`);
  }
  if (web && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw MError.expression(`The ${name} StartLogin returns must be an http or https URL.`);
  }
}

/**
 * `StartLogin`: the sign-in record, with the `Context` as an M literal (it is evaluated again for
 * `FinishLogin`, so it may be any value that prints as a literal: a record of texts, a text, …).
 * `display` is passed as null.
 */
export function startLogin(
  ctx: Context,
  oauth: OAuthRecord,
  dataSourcePath: string,
  state: string,
): Omit<OAuthLogin, 'state' | 'dataSource'> {
  const result = strip(
    invokeOAuthFunction(
      ctx,
      oauth.startLogin,
      'StartLogin',
      [dataSourcePath, state, null],
      [dataSourcePath, state, null],
    ),
  );
  if (!(result instanceof RecordValue)) {
    throw MError.expression(
      'The OAuth StartLogin function must return a record [LoginUri, CallbackUri, WindowHeight, WindowWidth, Context].',
    );
  }
  const loginUri = textField(result, 'LoginUri', true) ?? '';
  const callbackUri = textField(result, 'CallbackUri', true) ?? '';
  checkUrl(loginUri, 'LoginUri', true);
  checkUrl(callbackUri, 'CallbackUri', false);
  return {
    loginUri,
    callbackUri,
    windowHeight: numberField(result, 'WindowHeight'),
    windowWidth: numberField(result, 'WindowWidth'),
    context: printValue(ctx, result.fieldOrUndefined('Context') ?? null),
  };
}

/** `FinishLogin`: the token record, as JSON. */
export function finishLogin(
  ctx: Context,
  oauth: OAuthRecord,
  dataSourcePath: string,
  context: Value,
  callbackUri: string,
  state: string,
): JsonFields {
  const result = invokeOAuthFunction(
    ctx,
    oauth.finishLogin,
    'FinishLogin',
    [context, callbackUri, state],
    [dataSourcePath, context, callbackUri, state],
  );
  return tokenRecordFields(ctx, result, 'FinishLogin');
}

/**
 * `Refresh`: the new token record, as JSON. The original signature gets the refresh token, the
 * advanced one the previous token record.
 *
 * @throws {@link OAuthStepError} `PQSDK_OAUTH_NO_REFRESH` when the record has no `Refresh`, or
 * when the original signature needs a refresh token the credential does not have.
 */
export function refresh(
  ctx: Context,
  oauth: OAuthRecord,
  dataSourcePath: string,
  credential: CredentialFields,
): JsonFields {
  const fn = oauth.refresh;
  if (fn === undefined) {
    throw new OAuthStepError(
      'PQSDK_OAUTH_NO_REFRESH',
      MError.expression(`The OAuth record of ${oauth.kind} has no Refresh function.`, oauth.kind),
    );
  }
  const refreshToken = refreshTokenOf(credential);
  if (refreshToken === undefined && signatureForm(fn, 'Refresh') === 'original') {
    throw new OAuthStepError(
      'PQSDK_OAUTH_NO_REFRESH',
      MError.expression(
        `The credential of the ${oauth.kind} source has no refresh token to refresh with.`,
        oauth.kind,
      ),
    );
  }
  const result = invokeOAuthFunction(
    ctx,
    fn,
    'Refresh',
    [dataSourcePath, refreshToken ?? null],
    [dataSourcePath, oldCredentialRecord(credential)],
  );
  return tokenRecordFields(ctx, result, 'Refresh');
}

/** Each step's code when the connector's function raised an error. */
const FAILURE_CODE = {
  startLogin: 'PQSDK_OAUTH_START_FAILED',
  finishLogin: 'PQSDK_OAUTH_FINISH_FAILED',
  refresh: 'PQSDK_OAUTH_REFRESH_FAILED',
} as const satisfies Record<OAuthCall['step'], OAuthStepFailureCode>;

/** The failure code of a step whose connector function failed. */
export function failureCodeOf(step: OAuthCall['step']): OAuthStepFailureCode {
  return FAILURE_CODE[step];
}

/**
 * Runs one OAuth step for the host. An M error becomes a failure reply with the step's code, its
 * report scrubbed of every secret the step knew (the login context's texts, the authorization
 * code, the stored tokens). Other exceptions (a timeout, a bug) are thrown.
 */
export function runOAuthCall(
  ctx: Context,
  section: LoadedSection,
  call: OAuthCall,
  evaluateLiteral: EvaluateLiteral,
): OAuthReply {
  const secrets: string[] = [];
  try {
    const oauth = requireOAuth(ctx, section, call.dataSource.kind);
    switch (call.step) {
      case 'startLogin':
        return {
          ok: true,
          step: 'startLogin',
          login: startLogin(ctx, oauth, call.dataSource.path, call.state),
        };
      case 'finishLogin': {
        secrets.push(...callbackSecrets(call.callbackUri));
        const context = evaluateLiteral(call.context);
        textsIn(ctx, context, secrets);
        const token = finishLogin(
          ctx,
          oauth,
          call.dataSource.path,
          context,
          call.callbackUri,
          call.state,
        );
        return { ok: true, step: 'finishLogin', token };
      }
      case 'refresh': {
        secrets.push(...credentialSecrets(call.credential));
        const token = refresh(ctx, oauth, call.dataSource.path, call.credential);
        return { ok: true, step: 'refresh', token };
      }
    }
  } catch (error) {
    const failure =
      error instanceof OAuthStepError
        ? error
        : error instanceof MError
          ? new OAuthStepError(failureCodeOf(call.step), error)
          : undefined;
    if (failure === undefined) throw error;
    let report;
    try {
      report = errorReport(ctx, failure.error);
    } catch (inner) {
      if (!(inner instanceof MError)) throw inner;
      report = errorReport(ctx, MError.of(failure.error.reason, failure.error.mMessage ?? ''));
    }
    return { ok: false, code: failure.code, error: scrubReport(report, secrets) };
  }
}
