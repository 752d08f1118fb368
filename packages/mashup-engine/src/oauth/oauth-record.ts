/**
 * The `OAuth` record of a data source kind (evaluation side): its functions, and how each is called
 * in the original or the advanced signature (powerquery-docs `handling-authentication.md`,
 * "Implementing an OAuth flow").
 */
import {
  FunctionValue,
  MError,
  RecordValue,
  strip,
  type Context,
  type LoadedSection,
  type Value,
} from '@pqsdk/m-evaluator';

/** The functions of an `OAuth` authentication record. */
export interface OAuthRecord {
  /** The data source kind. */
  readonly kind: string;
  readonly startLogin: FunctionValue;
  readonly finishLogin: FunctionValue;
  readonly refresh?: FunctionValue;
  readonly logout?: FunctionValue;
  /** Its `Label`, when it has a text one. */
  readonly label?: string;
}

/** The functions of the OAuth record, by name. */
export type OAuthFunctionName = 'StartLogin' | 'FinishLogin' | 'Refresh' | 'Logout';

/** Which of the two documented signatures a function has. */
export type SignatureForm = 'original' | 'advanced';

/**
 * The parameter counts of each function in its two signatures:
 * - original: `StartLogin(dataSourcePath, state, display)`, `FinishLogin(context, callbackUri,
 *   state)`, `Refresh(dataSourcePath, refreshToken)`, `Logout(accessToken)`;
 * - advanced: the same with `clientApplication` first, and `dataSourcePath` second where the
 *   original lacks it; `Refresh` takes the old credential record instead of the refresh token.
 */
export const SIGNATURE_PARAMETER_COUNTS: Readonly<
  Record<OAuthFunctionName, Readonly<Record<SignatureForm, number>>>
> = {
  StartLogin: { original: 3, advanced: 4 },
  FinishLogin: { original: 3, advanced: 5 },
  Refresh: { original: 2, advanced: 3 },
  Logout: { original: 1, advanced: 3 },
};

const SIGNATURE_TEXT: Readonly<Record<OAuthFunctionName, Readonly<Record<SignatureForm, string>>>> =
  {
    StartLogin: {
      original: '(dataSourcePath, state, display)',
      advanced: '(clientApplication, dataSourcePath, state, display)',
    },
    FinishLogin: {
      original: '(context, callbackUri, state)',
      advanced: '(clientApplication, dataSourcePath, context, callbackUri, state)',
    },
    Refresh: {
      original: '(dataSourcePath, refreshToken)',
      advanced: '(clientApplication, dataSourcePath, oldCredential)',
    },
    Logout: {
      original: '(accessToken)',
      advanced: '(clientApplication, dataSourcePath, accessToken)',
    },
  };

/**
 * The signature a function has, matched by its number of parameters as the docs say (names and
 * types are not looked at): the form whose count equals the number of parameters; otherwise a form
 * whose count the function accepts (between its required and its total count), the original
 * first.
 *
 * @throws an `Expression.Error` naming both signatures when neither fits.
 */
export function signatureForm(fn: FunctionValue, name: OAuthFunctionName): SignatureForm {
  const shape = fn.type.shape;
  const parameters = shape.kind === 'function' ? shape.parameters : [];
  const total = parameters.length;
  const required = parameters.filter((parameter) => !parameter.optional).length;
  const counts = SIGNATURE_PARAMETER_COUNTS[name];
  if (counts.original === total) return 'original';
  if (counts.advanced === total) return 'advanced';
  if (required <= counts.original && counts.original <= total) return 'original';
  if (required <= counts.advanced && counts.advanced <= total) return 'advanced';
  const texts = SIGNATURE_TEXT[name];
  throw MError.expression(
    `The OAuth ${name} function takes ${String(total)} parameters; it must take ${String(counts.original)} ${texts.original} or ${String(counts.advanced)} ${texts.advanced}.`,
  );
}

/**
 * Calls an OAuth function with the arguments of its signature form. `original` and `advanced`
 * give the arguments of each form; the `clientApplication` record the advanced form starts with
 * is added here. It is "reserved for future use" in the docs; pqsdk passes an empty record.
 */
export function invokeOAuthFunction(
  ctx: Context,
  fn: FunctionValue,
  name: OAuthFunctionName,
  original: readonly Value[],
  advanced: readonly Value[],
): Value {
  const form = signatureForm(fn, name);
  return fn.invoke(ctx, form === 'original' ? original : [RecordValue.EMPTY, ...advanced]);
}

function optionalFunction(
  record: RecordValue,
  name: OAuthFunctionName,
  kind: string,
): FunctionValue | undefined {
  const value = strip(record.fieldOrUndefined(name) ?? null);
  if (value === null) return undefined;
  if (!(value instanceof FunctionValue)) {
    throw MError.expression(`The ${name} field of the OAuth record of ${kind} must be a function.`);
  }
  return value;
}

/**
 * The `OAuth` record of a data source kind, or `undefined` when its `Authentication` record has
 * none.
 *
 * @throws an M error when the section has no data source record of that kind, or when the OAuth
 * record is not a record or lacks `StartLogin` or `FinishLogin`.
 */
export function readOAuthRecord(
  ctx: Context,
  section: LoadedSection,
  kind: string,
): OAuthRecord | undefined {
  if (section.indexOf(kind) === undefined) {
    throw MError.expression(
      `The data source kind '${kind}' has no data source record in section ${section.name}.`,
      kind,
    );
  }
  const dataSource = strip(section.value(ctx, kind));
  if (!(dataSource instanceof RecordValue)) {
    throw MError.expression(`The data source record ${kind} must be a record.`, kind);
  }
  const authentication = strip(dataSource.fieldOrUndefined('Authentication') ?? null);
  if (!(authentication instanceof RecordValue)) return undefined;
  const oauthValue = authentication.fieldOrUndefined('OAuth');
  if (oauthValue === undefined) return undefined;
  const oauth = strip(oauthValue);
  if (!(oauth instanceof RecordValue)) {
    throw MError.expression(`The OAuth authentication of ${kind} must be a record.`, kind);
  }
  const startLogin = optionalFunction(oauth, 'StartLogin', kind);
  const finishLogin = optionalFunction(oauth, 'FinishLogin', kind);
  if (startLogin === undefined || finishLogin === undefined) {
    throw MError.expression(
      `The OAuth authentication of ${kind} needs the functions StartLogin and FinishLogin.`,
      kind,
    );
  }
  const refresh = optionalFunction(oauth, 'Refresh', kind);
  const logout = optionalFunction(oauth, 'Logout', kind);
  const label = strip(oauth.fieldOrUndefined('Label') ?? null);
  return {
    kind,
    startLogin,
    finishLogin,
    ...(refresh === undefined ? {} : { refresh }),
    ...(logout === undefined ? {} : { logout }),
    ...(typeof label === 'string' ? { label } : {}),
  };
}
