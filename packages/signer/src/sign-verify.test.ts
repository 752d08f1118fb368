import { createHash } from 'node:crypto';
import {
  DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  inspectConnector,
  mezFilesFromPqx,
  PACKAGE_ROOT,
  readOpcPackage,
  readZip,
  relationshipsFrom,
  writeOpcPackage,
  type OpcPackage,
} from '@pqsdk/packager';
import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityOf, makeCertificate, newKey } from '../test/certificates.js';
import { compiledExample, text } from '../test/packages.js';
import {
  buildSignatureXml,
  makePqxVerifyReport,
  packPqx,
  parseSignaturePart,
  parseXml,
  signatureVerifier,
  signOpcPackage,
  signPqx,
  SignerError,
  verifyPqx,
  type ManifestReferenceInput,
} from './index.js';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const OPC = 'http://schemas.openxmlformats.org/package/2006/digital-signature';
const NOW = new Date(Date.UTC(2030, 5, 1, 12, 0, 0, 300));
const SIGNATURE_ID = '0123456789abcdef0123456789abcdef';

const rootKey = newKey();
const intermediateKey = newKey();
const signerKey = newKey();
const otherKey = newKey();
const root = makeCertificate({ subject: 'CN=Test Root CA', key: rootKey, ca: true });
const intermediate = makeCertificate({
  subject: 'CN=Test Code Signing CA',
  key: intermediateKey,
  issuer: root,
  ca: true,
});
const signer = makeCertificate({
  subject: 'CN=Contoso Connectors, O=Contoso',
  key: signerKey,
  issuer: intermediate,
});
const selfSigned = makeCertificate({ subject: 'CN=Dev Signer', key: otherKey });

let mez: Uint8Array;
let signed: Uint8Array;
let pkg: OpcPackage;

beforeAll(async () => {
  mez = await compiledExample('HelloWorld');
  signed = await packPqx(mez, identityOf(signer, [intermediate]), {
    now: NOW,
    signaturePartId: SIGNATURE_ID,
  });
  pkg = readOpcPackage(signed);
});

const signaturePartOf = (opc: OpcPackage, index = 0): Uint8Array =>
  opc.parts.filter((part) => part.contentType === DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE)[
    index
  ]!.data;

function elements(parent: Element, namespace: string, name: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
    const element = child as Element;
    if (child.nodeType === 1 && element.localName === name && element.namespaceURI === namespace)
      found.push(element);
  }
  return found;
}
const only = (parent: Element, namespace: string, name: string): Element => {
  const found = elements(parent, namespace, name);
  expect(found, `<${name}> in <${parent.localName ?? ''}>`).toHaveLength(1);
  return found[0]!;
};
const childNames = (element: Element): string[] => {
  const names: string[] = [];
  for (let child = element.firstChild; child !== null; child = child.nextSibling)
    names.push(child.nodeName);
  return names;
};

describe('compile -> pack -> verify', () => {
  it('verifies, and the .pqx holds exactly the .mez contents', async () => {
    const verification = verifyPqx(signed, { now: NOW, trustedRoots: [root.certificate] });
    expect(verification.status).toBe('Success');
    expect(verification.trusted).toBe(true);
    expect(verification.signatures).toHaveLength(1);
    expect(verification.signatures[0]?.signingTime?.toISOString()).toBe('2030-06-01T12:00:00.300Z');

    const fromPqx = mezFilesFromPqx(signed).map((file) => [
      file.name,
      Buffer.from(file.data).toString('hex'),
    ]);
    const fromMez = readZip(mez).entries.map((entry) => [
      entry.name,
      Buffer.from(entry.data).toString('hex'),
    ]);
    expect(fromPqx).toEqual(fromMez);

    const inspection = await inspectConnector(signed, {
      verifySignature: signatureVerifier({ now: NOW }),
    });
    expect(inspection.signature.status).toBe('valid');
    expect(inspection.signature.detail).toBe(
      `1 signature by CN=Contoso Connectors, O=Contoso, thumbprint ${signer.certificate.thumbprint}, certificate PartialChain`,
    );
    expect(inspection.metadata?.name).toBe('HelloWorld');
  });

  it('reports MakePQX JSON: each certificate of the chain with its parent', () => {
    const untrusted = makePqxVerifyReport(verifyPqx(signed, { now: NOW }));
    expect(untrusted).toEqual({
      SignatureStatus: 'Success',
      CertificateStatus: [
        {
          Issuer: 'CN=Test Code Signing CA',
          Thumbprint: signer.certificate.thumbprint,
          Subject: 'CN=Contoso Connectors, O=Contoso',
          NotBefore: '2020-01-01T00:00:00+00:00',
          NotAfter: '2040-01-01T00:00:00+00:00',
          Valid: false,
          Parent: intermediate.certificate.thumbprint,
          Status: 'PartialChain',
        },
        {
          Issuer: 'CN=Test Root CA',
          Thumbprint: intermediate.certificate.thumbprint,
          Subject: 'CN=Test Code Signing CA',
          NotBefore: '2020-01-01T00:00:00+00:00',
          NotAfter: '2040-01-01T00:00:00+00:00',
          Valid: false,
          Parent: null,
          Status: 'PartialChain',
        },
      ],
    });
    const trusted = makePqxVerifyReport(
      verifyPqx(signed, { now: NOW, trustedRoots: [root.certificate] }),
    );
    expect(
      trusted.CertificateStatus.map((entry) => [
        entry.Subject,
        entry.Status,
        entry.Valid,
        entry.Parent,
      ]),
    ).toEqual([
      ['CN=Contoso Connectors, O=Contoso', 'Success', true, intermediate.certificate.thumbprint],
      ['CN=Test Code Signing CA', 'Success', true, root.certificate.thumbprint],
      ['CN=Test Root CA', 'Success', true, null],
    ]);
    for (const entry of trusted.CertificateStatus)
      expect(entry.Thumbprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('packs without a certificate into an unsigned package, which verify says is not signed', async () => {
    const unsigned = await packPqx(mez, undefined);
    const verification = verifyPqx(unsigned);
    expect(verification.status).toBe('NotSigned');
    expect(makePqxVerifyReport(verification)).toEqual({
      SignatureStatus: 'NotSigned',
      CertificateStatus: [],
    });
  });

  it('is reproducible for a given signature part id and time', async () => {
    const again = await packPqx(mez, identityOf(signer, [intermediate]), {
      now: NOW,
      signaturePartId: SIGNATURE_ID,
    });
    expect(Buffer.from(again).equals(Buffer.from(signed))).toBe(true);
  });
});

describe('the signature layout (ECMA-376 Part 2 §13)', () => {
  it('adds the origin, its package relationship, and the signature part related from it', () => {
    const origin = pkg.parts.find(
      (part) => part.name === '/package/services/digital-signature/origin.psdsor',
    );
    expect(origin?.contentType).toBe(DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE);
    expect(origin?.data.length).toBe(0);
    expect(relationshipsFrom(pkg, PACKAGE_ROOT)).toEqual([
      expect.objectContaining({ id: 'rId1', target: 'HelloWorld.pq' }),
      {
        id: 'rId2',
        type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
        target: '/package/services/digital-signature/origin.psdsor',
        targetMode: 'Internal',
      },
    ]);
    expect(relationshipsFrom(pkg, '/package/services/digital-signature/origin.psdsor')).toEqual([
      {
        id: 'rId1',
        type: DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
        target: `/package/services/digital-signature/xml-signature/${SIGNATURE_ID}.psdsxs`,
        targetMode: 'Internal',
      },
    ]);
    const signature = pkg.parts.find(
      (part) => part.contentType === DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
    );
    expect(signature?.name).toMatch(
      /^\/package\/services\/digital-signature\/xml-signature\/[0-9a-f]{32}\.psdsxs$/,
    );
    expect(readZip(signed).entries.map((entry) => entry.name)).toEqual([
      '[Content_Types].xml',
      'HelloWorld.pq',
      'HelloWorld16.png',
      'HelloWorld20.png',
      'HelloWorld24.png',
      'HelloWorld32.png',
      'HelloWorld40.png',
      'HelloWorld48.png',
      'HelloWorld64.png',
      '_rels/.rels',
      'package/services/digital-signature/_rels/origin.psdsor.rels',
      'package/services/digital-signature/origin.psdsor',
      `package/services/digital-signature/xml-signature/${SIGNATURE_ID}.psdsxs`,
      'resources.resx',
    ]);
  });

  it('writes the XML-DSig structure OPC specifies, with SHA-256 and RSA-SHA256', () => {
    const xml = text(signaturePartOf(pkg));
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="SignatureIdValue">',
      ),
    ).toBe(true);
    expect(xml).not.toMatch(/[\t\r\n]/);
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.message);
    const signature = parsed.document.documentElement as Element;
    expect(signature.namespaceURI).toBe(DSIG);
    expect(childNames(signature)).toEqual([
      'SignedInfo',
      'SignatureValue',
      'KeyInfo',
      'Object',
      'Object',
    ]);

    const signedInfo = only(signature, DSIG, 'SignedInfo');
    expect(only(signedInfo, DSIG, 'CanonicalizationMethod').getAttribute('Algorithm')).toBe(
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    );
    expect(only(signedInfo, DSIG, 'SignatureMethod').getAttribute('Algorithm')).toBe(
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    );
    const references = elements(signedInfo, DSIG, 'Reference');
    expect(
      references.map((reference) => [
        reference.getAttribute('URI'),
        reference.getAttribute('Type'),
      ]),
    ).toEqual([
      ['#idPackageObject', 'http://www.w3.org/2000/09/xmldsig#Object'],
      ['#idPqsdkObject', 'http://www.w3.org/2000/09/xmldsig#Object'],
      ['#idKeyInfo', null],
    ]);
    for (const reference of references) {
      expect(childNames(reference)).toEqual(['DigestMethod', 'DigestValue']);
      expect(only(reference, DSIG, 'DigestMethod').getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/04/xmlenc#sha256',
      );
    }

    const certificates = elements(
      only(only(signature, DSIG, 'KeyInfo'), DSIG, 'X509Data'),
      DSIG,
      'X509Certificate',
    );
    expect(certificates.map((element) => element.textContent)).toEqual([
      Buffer.from(signer.certificate.der).toString('base64'),
      Buffer.from(intermediate.certificate.der).toString('base64'),
    ]);

    const [packageObject, pqsdkObject] = elements(signature, DSIG, 'Object');
    expect(packageObject?.getAttribute('Id')).toBe('idPackageObject');
    expect(childNames(packageObject!)).toEqual(['Manifest', 'SignatureProperties']);
    const manifest = only(packageObject!, DSIG, 'Manifest');
    const entries = elements(manifest, DSIG, 'Reference');
    expect(entries.map((reference) => reference.getAttribute('URI'))).toEqual([
      '/HelloWorld.pq?ContentType=text/plain',
      '/HelloWorld16.png?ContentType=image/png',
      '/HelloWorld20.png?ContentType=image/png',
      '/HelloWorld24.png?ContentType=image/png',
      '/HelloWorld32.png?ContentType=image/png',
      '/HelloWorld40.png?ContentType=image/png',
      '/HelloWorld48.png?ContentType=image/png',
      '/HelloWorld64.png?ContentType=image/png',
      '/resources.resx?ContentType=application/xml',
      '/_rels/.rels?ContentType=application/vnd.openxmlformats-package.relationships+xml',
    ]);
    for (const reference of entries.slice(0, -1)) {
      expect(childNames(reference)).toEqual(['DigestMethod', 'DigestValue']);
      const partName = (reference.getAttribute('URI') ?? '').split('?')[0]!;
      const part = pkg.parts.find((candidate) => candidate.name === partName)!;
      expect(only(reference, DSIG, 'DigestValue').textContent).toBe(
        createHash('sha256').update(part.data).digest('base64'),
      );
    }
    const relationships = entries.at(-1)!;
    expect(childNames(relationships)).toEqual(['Transforms', 'DigestMethod', 'DigestValue']);
    const transforms = elements(only(relationships, DSIG, 'Transforms'), DSIG, 'Transform');
    expect(transforms.map((transform) => transform.getAttribute('Algorithm'))).toEqual([
      'http://schemas.openxmlformats.org/package/2006/RelationshipTransform',
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    ]);
    const selectors = elements(transforms[0]!, OPC, 'RelationshipReference');
    expect(
      selectors.map((selector) => [selector.prefix, selector.getAttribute('SourceId')]),
    ).toEqual([
      ['mdssi', 'rId1'],
      ['mdssi', 'rId2'],
    ]);
    expect(childNames(transforms[1]!)).toEqual([]);
    // The digest of the relationships is over the transform's output, computed independently here.
    const canonical =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Target="HelloWorld.pq" TargetMode="Internal" Type="urn:pqsdk:relationship:section-document"></Relationship>' +
      '<Relationship Id="rId2" Target="/package/services/digital-signature/origin.psdsor" TargetMode="Internal" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"></Relationship>' +
      '</Relationships>';
    expect(only(relationships, DSIG, 'DigestValue').textContent).toBe(
      createHash('sha256').update(canonical).digest('base64'),
    );

    const property = only(
      only(packageObject!, DSIG, 'SignatureProperties'),
      DSIG,
      'SignatureProperty',
    );
    expect([property.getAttribute('Id'), property.getAttribute('Target')]).toEqual([
      'idSignatureTime',
      '#SignatureIdValue',
    ]);
    const time = only(property, OPC, 'SignatureTime');
    expect(time.prefix).toBe('mdssi');
    expect(only(time, OPC, 'Format').textContent).toBe('YYYY-MM-DDThh:mm:ss.sTZD');
    expect(only(time, OPC, 'Value').textContent).toBe('2030-06-01T12:00:00.3Z');

    expect(pqsdkObject?.getAttribute('Id')).toBe('idPqsdkObject');
    const raw = elements(only(pqsdkObject!, DSIG, 'Manifest'), DSIG, 'Reference');
    expect(raw.map((reference) => reference.getAttribute('URI'))).toEqual([
      '/_rels/.rels?ContentType=application/vnd.openxmlformats-package.relationships+xml',
      '/package/services/digital-signature/_rels/origin.psdsor.rels?ContentType=application/vnd.openxmlformats-package.relationships+xml',
    ]);
    const rels = pkg.relationshipParts.find((part) => part.name === '/_rels/.rels')!;
    expect(only(raw[0]!, DSIG, 'DigestValue').textContent).toBe(
      createHash('sha256').update(rels.data).digest('base64'),
    );
  });
});

describe('countersigning and replacing', () => {
  it('adds a second signature that signs the first; both verify', async () => {
    const { bytes, result } = await signPqx(signed, identityOf(selfSigned), { now: NOW });
    expect(result.countersigned).toBe(true);
    expect(result.signatureCount).toBe(2);
    const opc = readOpcPackage(bytes);
    expect(
      relationshipsFrom(opc, '/package/services/digital-signature/origin.psdsor').map((r) => r.id),
    ).toEqual(['rId1', 'rId2']);
    // The first signature part is unchanged, and the second signs it (canonicalized).
    const first = opc.parts.find((part) => part.name.endsWith(`${SIGNATURE_ID}.psdsxs`))!;
    expect(Buffer.from(first.data).equals(Buffer.from(signaturePartOf(pkg)))).toBe(true);
    const second = parseSignaturePart(
      opc.parts.find((part) => part.name === result.signaturePart)!.data,
    );
    if (!second.ok) throw new Error(second.problem);
    const countersigned = second.signature.manifest.find((entry) => entry.partName === first.name);
    expect(countersigned?.contentType).toBe(DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE);
    expect(countersigned?.canonicalization).toEqual([
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    ]);

    const verification = verifyPqx(bytes, {
      now: NOW,
      trustedRoots: [root.certificate],
      trustedThumbprints: [selfSigned.certificate.thumbprint],
    });
    expect(verification.signatures.map((signature) => signature.status)).toEqual([
      'Success',
      'Success',
    ]);
    expect(verification.status).toBe('Success');
    expect(verification.trusted).toBe(true);
    expect(
      makePqxVerifyReport(verification).CertificateStatus.map((entry) => entry.Subject),
    ).toEqual([
      'CN=Contoso Connectors, O=Contoso',
      'CN=Test Code Signing CA',
      'CN=Test Root CA',
      'CN=Dev Signer',
    ]);
    // Trusting only one of the signers is not enough.
    expect(verifyPqx(bytes, { now: NOW, trustedRoots: [root.certificate] }).trusted).toBe(false);
  });

  it('replaces the existing signatures with --replace', async () => {
    const twice = (await signPqx(signed, identityOf(selfSigned), { now: NOW })).bytes;
    const { bytes, result } = await signPqx(twice, identityOf(selfSigned), {
      now: NOW,
      replace: true,
    });
    expect(result.countersigned).toBe(false);
    const opc = readOpcPackage(bytes);
    expect(
      opc.parts.filter((part) => part.contentType === DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE),
    ).toHaveLength(1);
    expect(relationshipsFrom(opc, PACKAGE_ROOT).map((relationship) => relationship.id)).toEqual([
      'rId1',
      'rId2',
    ]);
    const verification = verifyPqx(bytes, { now: NOW });
    expect(verification.status).toBe('Success');
    expect(verification.signatures[0]?.signer?.subject).toBe('CN=Dev Signer');
  });

  it('refuses to countersign a package whose signature does not verify', async () => {
    const opc = readOpcPackage(signed);
    const broken = await writeOpcPackage({
      parts: opc.parts.map((part) =>
        part.name === '/HelloWorld.pq'
          ? { ...part, data: new TextEncoder().encode('section Changed;') }
          : part,
      ),
      relationships: opc.relationships,
    });
    await expect(signPqx(broken, identityOf(selfSigned))).rejects.toThrow(SignerError);
    await expect(signPqx(broken, identityOf(selfSigned))).rejects.toMatchObject({
      code: 'PQSDK_SIGN_EXISTING_INVALID',
    });
    // --replace signs it afresh.
    const { bytes } = await signPqx(broken, identityOf(selfSigned), { replace: true });
    expect(verifyPqx(bytes).status).toBe('Success');
  });

  it('refuses a bad signature part id', () => {
    expect(() => signOpcPackage(pkg, identityOf(selfSigned), { signaturePartId: 'ABC' })).toThrow(
      RangeError,
    );
  });
});

describe('a signer certificate in its own part (CertificateEmbeddingOption.InCertificatePart)', () => {
  it('is used when the signature embeds none', async () => {
    const base = readOpcPackage(await packPqx(mez, undefined));
    const { package: input, signaturePart } = signOpcPackage(base, identityOf(selfSigned), {
      now: NOW,
    });
    const part = input.parts.find((candidate) => candidate.name === signaturePart)!;
    const read = parseSignaturePart(part.data);
    if (!read.ok) throw new Error(read.problem);
    const references: ManifestReferenceInput[] = read.signature.manifest.map((entry) => ({
      partName: entry.partName,
      contentType: entry.contentType,
      ...(entry.selectors === undefined
        ? {}
        : { relationshipIds: entry.selectors.map((selector) => selector.value) }),
      digest: entry.digestValue.toString('base64'),
    }));
    const xml = buildSignatureXml({
      references,
      signingTime: NOW,
      certificates: [],
      privateKey: otherKey.node,
      rawReferences: (read.signature.rawManifest ?? []).map((entry) => ({
        partName: entry.partName,
        contentType: entry.contentType,
        digest: entry.digestValue.toString('base64'),
      })),
    });
    const certificatePart = '/package/services/digital-signature/certificate/0A1B2C3D.cer';
    const relationships = new Map(input.relationships);
    relationships.set(signaturePart, [
      {
        id: 'rId1',
        type: DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
        target: certificatePart,
        targetMode: 'Internal',
      },
    ]);
    const bytes = await writeOpcPackage({
      parts: [
        ...input.parts.map((candidate) =>
          candidate.name === signaturePart
            ? { ...candidate, data: new TextEncoder().encode(xml) }
            : candidate,
        ),
        {
          name: certificatePart,
          contentType: DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
          data: selfSigned.certificate.der,
        },
      ],
      relationships,
    });
    const verification = verifyPqx(bytes, { now: NOW });
    expect(verification.status).toBe('Success');
    expect(verification.signatures[0]?.signer?.thumbprint).toBe(selfSigned.certificate.thumbprint);
  });
});
