import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, openStore, sealStore } from './envelope.js';
import { CredentialError } from './errors.js';

const KEY = randomBytes(32);
const PLAINTEXT = Buffer.from('{"credentials":[{"secret":"hunter2"}]}', 'utf8');

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'opened';
  } catch (error) {
    if (error instanceof CredentialError) return error.code;
    throw error;
  }
}

function edit(text: string, change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(text) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

describe('sealStore and openStore', () => {
  it('round-trips the plaintext in a versioned JSON envelope', () => {
    const text = sealStore(PLAINTEXT, KEY);
    expect(text.endsWith('\n')).toBe(true);
    const envelope = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(envelope)).toEqual([
      'format',
      'version',
      'algorithm',
      'keyId',
      'iv',
      'tag',
      'ciphertext',
    ]);
    expect(envelope).toMatchObject({
      format: 'pqsdk-credentials',
      version: 1,
      algorithm: 'aes-256-gcm',
      keyId: keyIdOf(KEY),
    });
    expect(Buffer.from(envelope['iv']!, 'base64')).toHaveLength(12);
    expect(Buffer.from(envelope['tag']!, 'base64')).toHaveLength(16);
    expect(Buffer.from(openStore(text, KEY, 'f')).equals(PLAINTEXT)).toBe(true);
    expect(text).not.toContain('hunter2');
  });

  it('draws a fresh IV for every write', () => {
    const ivs = new Set(
      Array.from(
        { length: 20 },
        () => (JSON.parse(sealStore(PLAINTEXT, KEY)) as { iv: string }).iv,
      ),
    );
    expect(ivs.size).toBe(20);
  });

  it('gives a key id that is 16 hex digits and differs between keys', () => {
    expect(keyIdOf(KEY)).toMatch(/^[0-9a-f]{16}$/u);
    expect(keyIdOf(randomBytes(32))).not.toBe(keyIdOf(KEY));
  });

  it.each<[string, (text: string) => string, string]>([
    [
      'a changed ciphertext byte',
      (text) =>
        edit(text, (e) => {
          const bytes = Buffer.from(e['ciphertext'] as string, 'base64');
          bytes[3] = (bytes[3] ?? 0) ^ 0x01;
          e['ciphertext'] = bytes.toString('base64');
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'a changed tag',
      (text) =>
        edit(text, (e) => {
          const bytes = Buffer.from(e['tag'] as string, 'base64');
          bytes[0] = (bytes[0] ?? 0) ^ 0x80;
          e['tag'] = bytes.toString('base64');
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'a changed IV',
      (text) =>
        edit(text, (e) => {
          e['iv'] = randomBytes(12).toString('base64');
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'a short IV',
      (text) =>
        edit(text, (e) => {
          e['iv'] = randomBytes(8).toString('base64');
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'an older version claimed (bound by the tag)',
      (text) =>
        edit(text, (e) => {
          e['version'] = 0;
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'a newer version',
      (text) =>
        edit(text, (e) => {
          e['version'] = 2;
        }),
      'PQSDK_CREDENTIALS_UNSUPPORTED_VERSION',
    ],
    [
      'another algorithm',
      (text) =>
        edit(text, (e) => {
          e['algorithm'] = 'aes-128-gcm';
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'another format',
      (text) =>
        edit(text, (e) => {
          e['format'] = 'other';
        }),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    [
      'another key id',
      (text) =>
        edit(text, (e) => {
          e['keyId'] = keyIdOf(randomBytes(32));
        }),
      'PQSDK_CREDENTIALS_KEY_MISMATCH',
    ],
    [
      'text that is not JSON',
      (text) => text.slice(0, text.length / 2),
      'PQSDK_CREDENTIALS_CORRUPT',
    ],
    ['a JSON array', () => '[]', 'PQSDK_CREDENTIALS_CORRUPT'],
  ])('refuses %s', (_case, tamper, code) => {
    expect(codeOf(() => openStore(tamper(sealStore(PLAINTEXT, KEY)), KEY, 'f'))).toBe(code);
  });

  it('tells a wrong key apart from damage', () => {
    expect(codeOf(() => openStore(sealStore(PLAINTEXT, KEY), randomBytes(32), 'f'))).toBe(
      'PQSDK_CREDENTIALS_KEY_MISMATCH',
    );
  });
});
