import { describe, expect, it } from 'vitest';
import { parseSetCredentialInput } from './credential-json.js';
import { CREDENTIAL_PLACEHOLDERS, credentialTemplate } from './credential-template.js';
import { formatCredentialInputProblem } from './input-problems.js';
import { AUTHENTICATION_KINDS } from './types.js';

/** The template as `credential-template --prettyPrint` prints it. */
function printed(kind: Parameters<typeof credentialTemplate>[0]): string {
  return JSON.stringify(credentialTemplate(kind), null, 2);
}

describe('credentialTemplate', () => {
  it('prints the Anonymous template of the PQTest docs', () => {
    expect(printed('Anonymous')).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "Anonymous",
        "AuthenticationProperties": {},
        "PrivacySetting": "None",
        "Permissions": []
      }"
    `);
  });

  it('prints the UsernamePassword template of the PQTest docs', () => {
    expect(printed('UsernamePassword')).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "UsernamePassword",
        "AuthenticationProperties": {
          "Username": "$$USERNAME$$",
          "Password": "$$PASSWORD$$"
        },
        "PrivacySetting": "None",
        "Permissions": []
      }"
    `);
  });

  it('prints a Windows template with an account to fill in', () => {
    expect(printed('Windows')).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "Windows",
        "AuthenticationProperties": {
          "Username": "$$USERNAME$$",
          "Password": "$$PASSWORD$$"
        },
        "PrivacySetting": "None",
        "Permissions": []
      }"
    `);
  });

  it('prints a Key template', () => {
    expect(printed('Key')).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "Key",
        "AuthenticationProperties": {
          "Key": "$$KEY$$"
        },
        "PrivacySetting": "None",
        "Permissions": []
      }"
    `);
  });

  it('prints OAuth and Aad templates with the token placeholders', () => {
    expect(printed('OAuth')).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "OAuth",
        "AuthenticationProperties": {
          "access_token": "$$ACCESS_TOKEN$$",
          "refresh_token": "$$REFRESH_TOKEN$$"
        },
        "PrivacySetting": "None",
        "Permissions": []
      }"
    `);
    expect(credentialTemplate('Aad')).toEqual({
      ...credentialTemplate('OAuth'),
      AuthenticationKind: 'Aad',
    });
  });

  it('adds EncryptConnection when the data source supports encryption', () => {
    expect(credentialTemplate('Key', { supportsEncryption: true }).AuthenticationProperties)
      .toMatchInlineSnapshot(`
      {
        "EncryptConnection": true,
        "Key": "$$KEY$$",
      }
    `);
  });

  it.each(AUTHENTICATION_KINDS)(
    'gives a %s template that set-credential refuses until its placeholders are replaced',
    (kind) => {
      const template = JSON.stringify(credentialTemplate(kind));
      const dataSource = { kind: 'MyConnector', path: 'MyConnector' };
      const unfilled = parseSetCredentialInput(template, { dataSource });
      const hasPlaceholders = template.includes('$$');
      expect(unfilled.ok).toBe(!hasPlaceholders);
      if (!unfilled.ok) {
        expect(unfilled.problems.map(formatCredentialInputProblem).join('\n')).toMatch(
          /still holds the template placeholder \$\$[A-Z_]+\$\$; replace it/u,
        );
      }
      let filled = template;
      for (const placeholder of Object.values(CREDENTIAL_PLACEHOLDERS)) {
        filled = filled.split(placeholder).join(`value-of-${placeholder.slice(2, -2)}`);
      }
      const result = parseSetCredentialInput(filled, { dataSource });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.authenticationKind).toBe(kind);
    },
  );
});
