import { currentCredentialFields } from '../credentials/current-credential.js';
import { findCredential } from '../credentials/lookup.js';
import type { Credential } from '../credentials/types.js';
import type { CredentialFields, DataSourceId } from '../evaluation/protocol.js';

/**
 * Where the engine finds credentials: given a data source (kind and path), the fields of
 * `Extension.CurrentCredential()` for it, or nothing when none is stored.
 */
export type CredentialProvider = (
  dataSource: DataSourceId,
) => CredentialFields | null | undefined | Promise<CredentialFields | null | undefined>;

/**
 * A provider over a list of credentials in the credential store's model, with the store's lookup
 * rules (`findCredential`: the same kind, and the same path or, for URLs, the longest stored path
 * that covers the one asked for).
 *
 * @example
 * ```ts
 * const provider = credentialListProvider([
 *   { dataSource: { kind: 'HelloWorld', path: 'HelloWorld' }, authenticationKind: 'Anonymous',
 *     privacySetting: 'None', permissions: [] },
 * ]);
 * ```
 */
export function credentialListProvider(credentials: readonly Credential[]): CredentialProvider {
  return ({ kind, path }) => {
    const credential = findCredential(credentials, kind, path);
    return credential === undefined
      ? undefined
      : (currentCredentialFields(credential) as unknown as CredentialFields);
  };
}

/** What {@link credentialStoreProvider} needs of a credential store (`CredentialStore` has it). */
export interface CredentialSource {
  find(kind: string, path: string): Promise<Credential | undefined> | Credential | undefined;
}

/**
 * A provider over a credential store: the store's `find` (its lookup rules), and the fields of
 * `Extension.CurrentCredential()` for what it found.
 *
 * @example
 * ```ts
 * const engine = await MashupEngine.open('MyConnector.mez', {
 *   credentials: credentialStoreProvider(CredentialStore.at({})),
 * });
 * ```
 */
export function credentialStoreProvider(store: CredentialSource): CredentialProvider {
  return async ({ kind, path }) => {
    const credential = await store.find(kind, path);
    return credential === undefined
      ? undefined
      : (currentCredentialFields(credential) as unknown as CredentialFields);
  };
}
