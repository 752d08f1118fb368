import { PackagerError, type PackagerErrorCode } from '@pqsdk/packager';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityOf, makeCertificate, newKey } from '../test/certificates.js';
import { compiledExample, rawZip, utf8 } from '../test/packages.js';
import { packPqx, signPqx, verifyPqx } from './index.js';

const CONTENT_TYPES = utf8(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="pq" ContentType="text/plain"/><Default Extension="bin" ContentType="application/octet-stream"/></Types>',
);
const identity = identityOf(makeCertificate({ subject: 'CN=Hostile Test', key: newKey() }));
let signed: Uint8Array;

beforeAll(async () => {
  signed = await packPqx(await compiledExample('HelloWorld'), identity);
});

function refusal(run: () => unknown): PackagerErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof PackagerError) return error.code;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

describe('hostile archives', () => {
  it.each<[string, () => Uint8Array, PackagerErrorCode]>([
    [
      'a zip-slip entry',
      () =>
        rawZip([
          { name: '[Content_Types].xml', data: CONTENT_TYPES },
          { name: '../evil.pq', data: utf8('x') },
        ]),
      'PQSDK_ZIP_SLIP',
    ],
    [
      'a zip bomb (32 MiB of zeros)',
      () =>
        rawZip([
          { name: '[Content_Types].xml', data: CONTENT_TYPES },
          { name: 'bomb.bin', data: new Uint8Array(32 * 1024 * 1024), deflate: true },
        ]),
      'PQSDK_ZIP_RATIO',
    ],
    [
      'an entry that claims to be larger than every limit',
      () =>
        rawZip([
          { name: '[Content_Types].xml', data: CONTENT_TYPES },
          { name: 'big.bin', data: utf8('x'), deflate: true, declaredSize: 0x7fffffff },
        ]),
      'PQSDK_ZIP_TOO_LARGE',
    ],
    [
      'duplicate entries',
      () =>
        rawZip([
          { name: '[Content_Types].xml', data: CONTENT_TYPES },
          { name: 'a.pq', data: utf8('section A;') },
          { name: 'a.pq', data: utf8('section B;') },
        ]),
      'PQSDK_ZIP_DUPLICATE_ENTRY',
    ],
    ['a truncated file', () => signed.subarray(0, signed.length - 40), 'PQSDK_ZIP_TRUNCATED'],
    ['bytes that are not a zip', () => utf8('not a zip'), 'PQSDK_ZIP_NOT_A_ZIP'],
    [
      'a zip without [Content_Types].xml',
      () => rawZip([{ name: 'a.pq', data: utf8('section A;') }]),
      'PQSDK_OPC_NO_CONTENT_TYPES',
    ],
  ])('refuses %s with the packager code, for verify and for sign', async (_name, make, code) => {
    const bytes = make();
    expect(refusal(() => verifyPqx(bytes))).toBe(code);
    await expect(signPqx(bytes, identity)).rejects.toMatchObject({ code });
  });
});
