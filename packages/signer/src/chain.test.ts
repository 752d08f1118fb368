import { describe, expect, it } from 'vitest';
import { makeCertificate, newKey, type TestCertificate } from '../test/certificates.js';
import { evaluateChain, parseThumbprints, SignerError, type TrustOptions } from './index.js';

const rootKey = newKey();
const intermediateKey = newKey();
const leafKey = newKey();
const NOW = new Date(Date.UTC(2030, 5, 1));

const root = makeCertificate({ subject: 'CN=Test Root CA, O=pqsdk tests', key: rootKey, ca: true });
const intermediate = makeCertificate({
  subject: 'CN=Test Code Signing CA, O=pqsdk tests',
  key: intermediateKey,
  issuer: root,
  ca: true,
  pathLength: 0,
});
const leaf = makeCertificate({
  subject: 'CN=Contoso Connectors, O=Contoso',
  key: leafKey,
  issuer: intermediate,
});

function statuses(
  signer: TestCertificate,
  pool: readonly TestCertificate[],
  trust: TrustOptions = {},
): [string, string, string | null][] {
  return evaluateChain(
    signer.certificate,
    pool.map((made) => made.certificate),
    { now: NOW, ...trust },
  ).map((element) => [
    element.certificate.subject.split(',')[0] ?? '',
    element.status,
    element.parent,
  ]);
}

describe('evaluateChain', () => {
  it('builds root -> intermediate -> leaf and trusts it through a trusted root', () => {
    expect(statuses(leaf, [intermediate], { trustedRoots: [root.certificate] })).toEqual([
      ['CN=Contoso Connectors', 'Success', intermediate.certificate.thumbprint],
      ['CN=Test Code Signing CA', 'Success', root.certificate.thumbprint],
      ['CN=Test Root CA', 'Success', null],
    ]);
    const chain = evaluateChain(leaf.certificate, [intermediate.certificate], {
      now: NOW,
      trustedRoots: [root.certificate],
    });
    expect(chain.every((element) => element.valid)).toBe(true);
  });

  it('reports an untrusted root on every certificate below it', () => {
    expect(statuses(leaf, [intermediate, root])).toEqual([
      ['CN=Contoso Connectors', 'UntrustedRoot', intermediate.certificate.thumbprint],
      ['CN=Test Code Signing CA', 'UntrustedRoot', root.certificate.thumbprint],
      ['CN=Test Root CA', 'UntrustedRoot', null],
    ]);
  });

  it('reports a partial chain when an issuer is missing', () => {
    expect(statuses(leaf, [], { trustedRoots: [root.certificate] })).toEqual([
      ['CN=Contoso Connectors', 'PartialChain', null],
    ]);
  });

  it('trusts a certificate by thumbprint, as Power BI Desktop does, and stops there', () => {
    expect(
      statuses(leaf, [intermediate, root], {
        trustedThumbprints: [leaf.certificate.thumbprint.toLowerCase()],
      }),
    ).toEqual([['CN=Contoso Connectors', 'Success', null]]);
    expect(
      statuses(leaf, [intermediate, root], {
        trustedThumbprints: [intermediate.certificate.thumbprint],
      }),
    ).toEqual([
      ['CN=Contoso Connectors', 'Success', intermediate.certificate.thumbprint],
      ['CN=Test Code Signing CA', 'Success', null],
    ]);
  });

  it('reports an expired or not yet valid certificate, and its effect below it', () => {
    const expired = makeCertificate({
      subject: 'CN=Expired',
      key: leafKey,
      issuer: intermediate,
      notAfter: new Date(Date.UTC(2030, 0, 1)),
    });
    const future = makeCertificate({
      subject: 'CN=Future',
      key: leafKey,
      issuer: intermediate,
      notBefore: new Date(Date.UTC(2031, 0, 1)),
    });
    const trust = { trustedRoots: [root.certificate] };
    expect(statuses(expired, [intermediate], trust).map(([, status]) => status)).toEqual([
      'Expired',
      'Success',
      'Success',
    ]);
    expect(statuses(future, [intermediate], trust).map(([, status]) => status)).toEqual([
      'NotYetValid',
      'Success',
      'Success',
    ]);
    const expiredCa = makeCertificate({
      subject: 'CN=Old CA',
      key: intermediateKey,
      issuer: root,
      ca: true,
      notAfter: new Date(Date.UTC(2029, 0, 1)),
    });
    const underOld = makeCertificate({ subject: 'CN=Under Old', key: leafKey, issuer: expiredCa });
    expect(statuses(underOld, [expiredCa], trust).map(([, status]) => status)).toEqual([
      'Expired',
      'Expired',
      'Success',
    ]);
  });

  it('checks key usage and basic constraints', () => {
    const trust = { trustedRoots: [root.certificate] };
    const server = makeCertificate({
      subject: 'CN=Web',
      key: leafKey,
      issuer: intermediate,
      usage: 'serverAuth',
    });
    expect(statuses(server, [intermediate], trust)[0]?.[1]).toBe('NotValidForUsage');
    const anyUsage = makeCertificate({
      subject: 'CN=Any',
      key: leafKey,
      issuer: intermediate,
      usage: 'none',
    });
    expect(statuses(anyUsage, [intermediate], trust)[0]?.[1]).toBe('Success');

    const notCa = makeCertificate({ subject: 'CN=Not a CA', key: intermediateKey, issuer: root });
    const underNotCa = makeCertificate({ subject: 'CN=Under', key: leafKey, issuer: notCa });
    expect(statuses(underNotCa, [notCa], trust).map(([, status]) => status)).toEqual([
      'InvalidBasicConstraints',
      'InvalidBasicConstraints',
      'Success',
    ]);

    // The intermediate allows no CA below it (pathLength 0).
    const subCa = makeCertificate({
      subject: 'CN=Sub CA',
      key: newKey(),
      issuer: intermediate,
      ca: true,
    });
    const underSub = makeCertificate({ subject: 'CN=Deep', key: leafKey, issuer: subCa });
    expect(statuses(underSub, [subCa, intermediate], trust).map(([, status]) => status)).toEqual([
      'InvalidBasicConstraints',
      'InvalidBasicConstraints',
      'InvalidBasicConstraints',
      'Success',
    ]);
  });

  it('does not take a certificate with the right name but another key as the issuer', () => {
    const impostor = makeCertificate({
      subject: 'CN=Test Code Signing CA, O=pqsdk tests',
      key: newKey(),
      issuer: root,
      ca: true,
    });
    expect(statuses(leaf, [impostor], { trustedRoots: [root.certificate] })).toEqual([
      ['CN=Contoso Connectors', 'PartialChain', null],
    ]);
  });
});

describe('parseThumbprints', () => {
  it('reads lists separated by commas, semicolons or spaces, with or without colons', () => {
    const a = 'a'.repeat(40);
    const b = '16AF59E4BE5384CD860E230ED4AED474C2A3BC69';
    expect(parseThumbprints(` ${a}, ${b};\n${b.match(/../g)?.join(':') ?? ''} `)).toEqual([
      a.toUpperCase(),
      b,
      b,
    ]);
    expect(parseThumbprints('')).toEqual([]);
  });

  it('refuses an item that is not 40 hexadecimal digits', () => {
    expect(() => parseThumbprints('16AF59E4')).toThrow(SignerError);
    expect(() => parseThumbprints('g'.repeat(40))).toThrow(/is not a thumbprint/);
  });
});
