import {
  CONTENT_TYPES_ITEM_NAME,
  PackagerError,
  readOpcPackage,
  readZip,
  writeOpcPackage,
  type ZipFileInput,
} from '@pqsdk/packager';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityOf, makeCertificate, newKey } from '../test/certificates.js';
import {
  compiledExample,
  entriesOf,
  rawZip,
  rewrite,
  seededRandom,
  text,
  utf8,
} from '../test/packages.js';
import { packPqx, signPqx, verifyPqx, type VerifyOptions } from './index.js';

const NOW = new Date(Date.UTC(2030, 5, 1));
const signerKey = newKey();
const otherKey = newKey();
const signer = makeCertificate({ subject: 'CN=Tamper Test Signer', key: signerKey });
const other = makeCertificate({ subject: 'CN=Someone Else', key: otherKey });
const TRUST: VerifyOptions = { now: NOW, trustedThumbprints: [signer.certificate.thumbprint] };

let signed: Uint8Array;
let countersigned: Uint8Array;

beforeAll(async () => {
  signed = await packPqx(await compiledExample('HelloWorld'), identityOf(signer), { now: NOW });
  countersigned = (await signPqx(signed, identityOf(other), { now: NOW })).bytes;
});

/** What verification makes of an archive: its status, or the code of the reader's refusal. */
function outcome(bytes: Uint8Array, options: VerifyOptions = TRUST): string {
  try {
    const verification = verifyPqx(bytes, options);
    return verification.trusted ? 'trusted' : verification.status;
  } catch (error) {
    if (error instanceof PackagerError) return error.code;
    throw error;
  }
}

/** The package with one entry's bytes replaced (a valid zip written anew). */
function changeEntry(
  bytes: Uint8Array,
  name: string,
  change: (data: Uint8Array) => Uint8Array,
): Promise<Uint8Array> {
  return rewrite(bytes, (entries) =>
    entries.map((entry) => (entry.name === name ? { name, data: change(entry.data) } : entry)),
  );
}

/** Stored (uncompressed) zip of the entries, fast to write many times. */
const storedZip = (entries: readonly ZipFileInput[]): Uint8Array =>
  rawZip(entries.map((entry) => ({ name: entry.name, data: entry.data })));

const flipped = (data: Uint8Array, offset: number, mask = 0x01): Uint8Array => {
  const copy = Uint8Array.from(data);
  copy[offset] = (copy[offset] ?? 0) ^ mask;
  return copy;
};

const replaceText =
  (from: string | RegExp, to: string) =>
  (data: Uint8Array): Uint8Array => {
    const before = text(data);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`nothing to replace: ${String(from)}`);
    return utf8(after);
  };

describe('tamper evidence', () => {
  it('trusts the untouched packages', () => {
    expect(outcome(signed)).toBe('trusted');
    expect(
      outcome(countersigned, {
        ...TRUST,
        trustedThumbprints: [signer.certificate.thumbprint, other.certificate.thumbprint],
      }),
    ).toBe('trusted');
    expect(outcome(storedZip(readZip(signed).entries))).toBe('trusted');
  });

  it('fails when any one byte of any part changes (first, middle and last byte of each)', async () => {
    for (const archive of [signed, countersigned]) {
      const parts = readZip(archive).entries.filter(
        (entry) => entry.name !== CONTENT_TYPES_ITEM_NAME,
      );
      expect(parts.length).toBeGreaterThanOrEqual(12);
      for (const part of parts) {
        if (part.data.length === 0) continue; // the origin part is empty (and must stay so)
        for (const offset of new Set([0, part.data.length >> 1, part.data.length - 1])) {
          const bytes = await changeEntry(archive, part.name, (data) => flipped(data, offset));
          expect(outcome(bytes), `${part.name} byte ${String(offset)}`).not.toBe('trusted');
        }
      }
    }
  });

  it.each<[string, (bytes: Uint8Array) => Promise<Uint8Array>, string]>([
    [
      'a part added',
      (bytes) =>
        rewrite(bytes, (entries) => [...entries, { name: 'HelloWorld99.png', data: utf8('png') }]),
      'UnsignedContent',
    ],
    [
      'a part removed',
      (bytes) =>
        rewrite(bytes, (entries) => entries.filter((entry) => entry.name !== 'HelloWorld16.png')),
      'ReferenceNotFound',
    ],
    [
      'a part renamed',
      (bytes) =>
        rewrite(bytes, (entries) =>
          entries.map((entry) =>
            entry.name === 'HelloWorld16.png' ? { ...entry, name: 'HelloWorld17.png' } : entry,
          ),
        ),
      'ReferenceNotFound',
    ],
    [
      'the content type of a part changed',
      (bytes) =>
        changeEntry(
          bytes,
          CONTENT_TYPES_ITEM_NAME,
          replaceText('ContentType="image/png"', 'ContentType="image/jpeg"'),
        ),
      'InvalidSignature',
    ],
    [
      'an Override added for a signed part',
      (bytes) =>
        changeEntry(
          bytes,
          CONTENT_TYPES_ITEM_NAME,
          replaceText(
            '</Types>',
            '<Override PartName="/HelloWorld.pq" ContentType="application/octet-stream"/></Types>',
          ),
        ),
      'InvalidSignature',
    ],
    [
      'a relationship target changed',
      (bytes) =>
        changeEntry(
          bytes,
          '_rels/.rels',
          replaceText('Target="HelloWorld.pq"', 'Target="resources.resx"'),
        ),
      'InvalidSignature',
    ],
    [
      'a relationship added',
      (bytes) =>
        changeEntry(
          bytes,
          '_rels/.rels',
          replaceText(
            '</Relationships>',
            '<Relationship Id="rId9" Type="urn:x" Target="HelloWorld.pq"/></Relationships>',
          ),
        ),
      'InvalidSignature',
    ],
    [
      'the relationships reformatted (same relationships, other bytes)',
      (bytes) => changeEntry(bytes, '_rels/.rels', replaceText(/\n {2}/g, '\n\t')),
      'InvalidSignature',
    ],
    [
      'the origin relationship removed',
      (bytes) =>
        changeEntry(bytes, '_rels/.rels', replaceText(/ {2}<Relationship Id="rId2"[^\n]*\n/, '')),
      'NotSigned',
    ],
    [
      'the signature part removed',
      (bytes) =>
        rewrite(bytes, (entries) => entries.filter((entry) => !entry.name.endsWith('.psdsxs'))),
      'InvalidSignature',
    ],
    [
      'a relationship added to the origin',
      (bytes) =>
        changeEntry(
          bytes,
          'package/services/digital-signature/_rels/origin.psdsor.rels',
          replaceText(
            '</Relationships>',
            '<Relationship Id="rId9" Type="urn:x" Target="/HelloWorld.pq"/></Relationships>',
          ),
        ),
      'InvalidSignature',
    ],
    [
      'content added to the origin part',
      (bytes) =>
        changeEntry(bytes, 'package/services/digital-signature/origin.psdsor', () => utf8('x')),
      'InvalidSignature',
    ],
    [
      'the embedded certificate swapped for another',
      (bytes) =>
        rewrite(bytes, (entries) =>
          entries.map((entry) =>
            entry.name.endsWith('.psdsxs')
              ? {
                  ...entry,
                  data: replaceText(
                    /<X509Certificate>[^<]+<\/X509Certificate>/,
                    `<X509Certificate>${Buffer.from(other.certificate.der).toString('base64')}</X509Certificate>`,
                  )(entry.data),
                }
              : entry,
          ),
        ),
      'InvalidSignature',
    ],
    [
      'the signature part reformatted with white space',
      (bytes) =>
        rewrite(bytes, (entries) =>
          entries.map((entry) =>
            entry.name.endsWith('.psdsxs')
              ? { ...entry, data: replaceText('><SignedInfo>', '>\n<SignedInfo>')(entry.data) }
              : entry,
          ),
        ),
      'InvalidSignature',
    ],
  ])('fails with %s', async (_name, change, status) => {
    expect(outcome(await change(signed))).toBe(status);
  });

  it('fails when a whole signature part is taken from another signed package', async () => {
    const elsewhere = await packPqx(await compiledExample('RestApi'), identityOf(signer), {
      now: NOW,
    });
    const foreign = readZip(elsewhere).entries.find((entry) => entry.name.endsWith('.psdsxs'))!;
    const swapped = await rewrite(signed, (entries) =>
      entries.map((entry) =>
        entry.name.endsWith('.psdsxs') ? { name: entry.name, data: foreign.data } : entry,
      ),
    );
    expect(outcome(swapped)).toBe('ReferenceNotFound');
  });

  it(
    'fails for each of 1,000 seeded random single-byte changes of the part payloads',
    { timeout: 30_000 },
    () => {
      for (const [label, archive, rounds] of [
        ['signed', signed, 600],
        ['countersigned', countersigned, 400],
      ] as const) {
        const entries = readZip(archive).entries.filter(
          (entry) => entry.name !== CONTENT_TYPES_ITEM_NAME,
        );
        const contentTypes = readZip(archive).entries.find(
          (entry) => entry.name === CONTENT_TYPES_ITEM_NAME,
        )!;
        const total = entries.reduce((sum, entry) => sum + entry.data.length, 0);
        const random = seededRandom(label === 'signed' ? 20240131 : 31012024);
        const trust = {
          ...TRUST,
          trustedThumbprints: [signer.certificate.thumbprint, other.certificate.thumbprint],
        };
        const seen: Record<string, number> = {};
        for (let round = 0; round < rounds; round++) {
          let offset = Math.floor(random() * total);
          const index = entries.findIndex((entry) => {
            if (offset < entry.data.length) return true;
            offset -= entry.data.length;
            return false;
          });
          const mask = 1 + Math.floor(random() * 255);
          const changed = entries.map((entry, at) =>
            at === index ? { name: entry.name, data: flipped(entry.data, offset, mask) } : entry,
          );
          const result = outcome(storedZip([contentTypes, ...changed]), trust);
          expect(
            result,
            `round ${String(round)}: ${entries[index]?.name ?? ''} byte ${String(offset)} ^ ${String(mask)}`,
          ).not.toBe('trusted');
          seen[result] = (seen[result] ?? 0) + 1;
        }
        expect(Object.values(seen).reduce((sum, count) => sum + count, 0)).toBe(rounds);
      }
    },
  );

  it('fails, is refused, or keeps the same contents for 300 seeded random byte changes of the zip file', () => {
    // A change to zip framing that carries no content (a time stamp, a "version made by") leaves
    // the parts as they were, which is the only way such a change can pass.
    const original = [...entriesOf(signed)].map(
      ([name, data]) => `${name}:${Buffer.from(data).toString('hex')}`,
    );
    const random = seededRandom(42);
    let contentNeutral = 0;
    for (let round = 0; round < 300; round++) {
      const offset = Math.floor(random() * signed.length);
      const bytes = flipped(signed, offset, 1 + Math.floor(random() * 255));
      if (outcome(bytes) !== 'trusted') continue;
      const contents = [...entriesOf(bytes)].map(
        ([name, data]) => `${name}:${Buffer.from(data).toString('hex')}`,
      );
      expect(contents, `byte ${String(offset)}`).toEqual(original);
      contentNeutral++;
    }
    expect(contentNeutral).toBeLessThan(60);
  });

  it('keeps working on a package re-read and re-written with the same parts', async () => {
    const opc = readOpcPackage(signed);
    const again = await writeOpcPackage({ parts: opc.parts, relationships: opc.relationships });
    expect(outcome(again)).toBe('trusted');
    expect(entriesOf(again).size).toBe(entriesOf(signed).size);
  });
});
