import {
  defineConstant,
  defineFunction,
  MError,
  RecordValue,
  REASON,
  strip,
  type LibraryEntry,
  type Value,
} from '@pqsdk/m-evaluator';
import type { CredentialFields } from '../evaluation/protocol.js';
import { valueOfJson } from './json-values.js';
import type { EvaluationServices } from './services.js';

/**
 * The `Credential.*` reasons a connector passes to `Extension.CredentialError`. Their values are
 * the error reasons themselves.
 */
export const CREDENTIAL_REASONS = {
  AccessDenied: 'Credential.AccessDenied',
  AccessForbidden: 'Credential.AccessForbidden',
  EncryptionNotSupported: 'Credential.EncryptionNotSupported',
  NativeQueryPermission: 'Credential.NativeQueryPermission',
} as const;

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  [CREDENTIAL_REASONS.AccessDenied]: 'The credentials provided are invalid.',
  [CREDENTIAL_REASONS.AccessForbidden]: 'The credentials provided do not allow this access.',
  [CREDENTIAL_REASONS.EncryptionNotSupported]:
    'The data source does not support an encrypted connection.',
  [CREDENTIAL_REASONS.NativeQueryPermission]: 'The native query needs the user’s permission.',
};

/** The fields of `Extension.CurrentCredential()`, in the order the docs list them. */
const CREDENTIAL_FIELD_ORDER: readonly (keyof CredentialFields)[] = [
  'AuthenticationKind',
  'Username',
  'Password',
  'access_token',
  'Properties',
  'Key',
  'EncryptConnection',
];

/** The record `Extension.CurrentCredential()` returns for a credential. */
export function credentialRecord(credential: CredentialFields): RecordValue {
  const fields: [string, Value][] = [];
  for (const name of CREDENTIAL_FIELD_ORDER) {
    const value = credential[name];
    if (value !== undefined) fields.push([name, valueOfJson(value)]);
  }
  return RecordValue.of(fields);
}

/** The error raised when a function needs a data source scope and there is none. */
export function outsideScopeError(name: string): MError {
  return MError.expression(
    `${name} can only be used while a data source function runs (a shared member with a DataSource.Kind attribute), or in a value it returned.`,
  );
}

/** `Extension.CurrentCredential`, `Extension.CredentialError` and the `Credential.*` reasons. */
export function credentialFunctions(services: EvaluationServices): LibraryEntry[] {
  return [
    defineFunction(
      'Extension.CurrentCredential',
      '(optional forceRefresh as nullable logical) as nullable record',
      () => {
        const scope = services.scope;
        if (scope === undefined) throw outsideScopeError('Extension.CurrentCredential');
        return credentialRecord(scope.credential);
      },
    ),
    defineFunction(
      'Extension.CredentialError',
      '(errorCode as text, optional message as nullable text, optional detail as any) as record',
      (_ctx, [errorCode, message, detail]) => {
        const reason = errorCode as string;
        const scope = services.scope;
        const text = strip(message);
        const plainDetail = strip(detail);
        return RecordValue.of([
          ['Reason', reason],
          [
            'Message',
            typeof text === 'string'
              ? text
              : (DEFAULT_MESSAGES[reason] ?? 'The credentials were refused.'),
          ],
          [
            'Detail',
            plainDetail !== null || scope === undefined
              ? detail
              : RecordValue.of([
                  ['DataSourceKind', scope.kind],
                  ['DataSourcePath', scope.path],
                ]),
          ],
        ]);
      },
    ),
    ...Object.entries(CREDENTIAL_REASONS).map(([name, reason]) =>
      defineConstant(`Credential.${name}`, reason),
    ),
  ];
}

/** The reason of the error raised when a data source has no stored credential. */
export const MISSING_CREDENTIAL_REASON = REASON.credential;
