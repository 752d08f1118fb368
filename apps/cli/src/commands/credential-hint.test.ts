import type { ErrorReport } from '@pqsdk/mashup-engine';
import { describe, expect, it } from 'vitest';
import { missingCredentialHint } from './credential-hint.js';

function credentialError(kind: string, path: string, kinds: readonly string[]): ErrorReport {
  return {
    reason: 'Credential.Error',
    message: `Credentials are required to connect to the ${kind} source. (Source at ${path}.)`,
    detail: null,
    detailJson: { DataSourceKind: kind, DataSourcePath: path, AuthenticationKinds: [...kinds] },
    messageFormat: null,
    messageParameters: null,
  };
}

describe('missingCredentialHint', () => {
  it.each([
    [
      ['Anonymous'],
      'set a credential for Api: pqsdk set-credential -e My.mez -q q.pq -ak Anonymous',
    ],
    [
      ['Key', 'Windows'],
      'set a credential for Api: pqsdk set-credential -e My.mez -q q.pq -ak Windows',
    ],
    [
      ['Aad'],
      'set a credential for Api: pqsdk set-credential -e My.mez -q q.pq -ak Aad --interactive',
    ],
    [
      ['Key'],
      'set a credential for Api: pqsdk credential-template -e My.mez -q q.pq -ak Key > credential.json, replace $$KEY$$ in it, then pqsdk set-credential -e My.mez -q q.pq < credential.json',
    ],
    [
      ['UsernamePassword'],
      'set a credential for Api: pqsdk credential-template -e My.mez -q q.pq -ak UsernamePassword > credential.json, replace $$USERNAME$$ and $$PASSWORD$$ in it, then pqsdk set-credential -e My.mez -q q.pq < credential.json',
    ],
  ])('suggests the command for %j', (kinds, hint) => {
    expect(
      missingCredentialHint(credentialError('Api', 'Api', kinds), {
        extension: 'My.mez',
        queryFile: 'q.pq',
      }),
    ).toBe(hint);
  });

  it('names the data source with -dsk and -dsp without a query, quoted for the shell', () => {
    expect(
      missingCredentialHint(credentialError('Api', '{"server":"it\'s"}', ['Anonymous']), {
        extension: 'My Connector',
        credentialsFile: '.pqsdk/credentials.json',
      }),
    ).toBe(
      `set a credential for Api at {"server":"it's"}: pqsdk set-credential -e 'My Connector' -dsk Api -dsp '{"server":"it'\\''s"}' --credentials-file .pqsdk/credentials.json -ak Anonymous`,
    );
  });

  it('gives no hint for other errors', () => {
    const other = { ...credentialError('Api', 'Api', ['Key']), reason: 'DataSource.Error' };
    expect(missingCredentialHint(other, { extension: 'x' })).toBeUndefined();
    const noDetail = { ...credentialError('Api', 'Api', ['Key']), detailJson: null };
    expect(missingCredentialHint(noDetail, { extension: 'x' })).toBeUndefined();
  });
});
