import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import {
  formatDistinguishedName,
  type DistinguishedName,
  type NameAttribute,
} from './distinguished-name.js';
import { SignerError } from './errors.js';

/** The key usages of an X.509 certificate (RFC 5280 §4.2.1.3), in bit order. */
export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** The extended key usage of code signing (RFC 5280 §4.2.1.12). */
export const CODE_SIGNING_USAGE = '1.3.6.1.5.5.7.3.3';

/** The extended key usage that allows any purpose. */
export const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

/** An X.509 certificate, read by {@link parseCertificate}. */
export interface Certificate {
  /** The certificate as encoded (DER). */
  readonly der: Uint8Array;
  /** The subject as .NET and MakePQX write it: `CN=Contoso Dev, O=Contoso`. */
  readonly subject: string;
  /** The issuer, written the same way. */
  readonly issuer: string;
  /** The subject name as stored (DER), for matching issuers exactly. */
  readonly subjectName: Uint8Array;
  /** The issuer name as stored (DER). */
  readonly issuerName: Uint8Array;
  /** The serial number, upper-case hexadecimal. */
  readonly serialNumber: string;
  /** The SHA-1 hash of the DER, 40 upper-case hexadecimal digits, as Windows shows it. */
  readonly thumbprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** From basic constraints: true for a certificate authority; undefined without the extension. */
  readonly isCertificateAuthority: boolean | undefined;
  /** From basic constraints: how many certificate authorities may follow below this one. */
  readonly pathLength: number | undefined;
  /** The key usages, or undefined when the certificate has no key-usage extension. */
  readonly keyUsage: ReadonlySet<KeyUsage> | undefined;
  /** The extended key usages (OIDs), or undefined when it has no such extension. */
  readonly extendedKeyUsage: readonly string[] | undefined;
  /** OIDs of critical extensions this reader does not understand. */
  readonly unknownCriticalExtensions: readonly string[];
  /** The subject's public key. */
  readonly publicKey: KeyObject;
}

/**
 * Reads a DER-encoded X.509 certificate. The structure is read with node-forge's ASN.1 parser
 * (so any key type is readable), and the public key and signature checks use `node:crypto`.
 *
 * @throws {@link SignerError} `PQSDK_CERT_BAD_FILE` for bytes that are not a certificate.
 */
export function parseCertificate(der: Uint8Array): Certificate {
  try {
    const x509 = new X509Certificate(der);
    const root = forge.asn1.fromDer(forge.util.binary.raw.encode(der), true);
    const tbs = children(children(root)[0]);
    const offset = tbs[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    const serial = tbs[offset];
    const issuer = tbs[offset + 2];
    const validity = children(tbs[offset + 3]);
    const subject = tbs[offset + 4];
    if (serial === undefined || issuer === undefined || subject === undefined) {
      throw new Error('the certificate is incomplete');
    }
    const extensions = readExtensions(
      tbs
        .slice(offset + 6)
        .find(
          (item) =>
            item.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && (item.type as number) === 3,
        ),
    );
    return {
      der: Uint8Array.from(der),
      subject: formatDistinguishedName(readName(subject)),
      issuer: formatDistinguishedName(readName(issuer)),
      subjectName: toBytes(forge.asn1.toDer(subject).getBytes()),
      issuerName: toBytes(forge.asn1.toDer(issuer).getBytes()),
      serialNumber: forge.util.bytesToHex(bytesOf(serial)).toUpperCase(),
      thumbprint: thumbprintOf(der),
      notBefore: readTime(validity[0]),
      notAfter: readTime(validity[1]),
      ...extensions,
      publicKey: x509.publicKey,
    };
  } catch (error) {
    if (error instanceof SignerError) throw error;
    throw new SignerError(
      'PQSDK_CERT_BAD_FILE',
      `this is not an X.509 certificate that can be read (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

/** The thumbprint of a certificate: SHA-1 of its DER, 40 upper-case hexadecimal digits. */
export function thumbprintOf(der: Uint8Array): string {
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

/** True when `child`'s signature verifies with `issuer`'s public key. */
export function isSignedBy(child: Certificate, issuer: Certificate): boolean {
  try {
    return new X509Certificate(child.der).verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** True when `issuer`'s subject is `child`'s issuer, byte for byte. */
export function namesIssuer(issuer: Certificate, child: Certificate): boolean {
  return sameBytes(issuer.subjectName, child.issuerName);
}

/** True for a self-issued certificate whose signature verifies with its own key. */
export function isSelfSigned(certificate: Certificate): boolean {
  return namesIssuer(certificate, certificate) && isSignedBy(certificate, certificate);
}

/** Writes a certificate as PEM (`-----BEGIN CERTIFICATE-----`, base64 in lines of 64). */
export function certificateToPem(certificate: Certificate): string {
  const base64 = Buffer.from(certificate.der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Every certificate in a PEM text (`-----BEGIN CERTIFICATE-----` blocks), in order; other blocks
 * (private keys) are skipped.
 *
 * @throws {@link SignerError} `PQSDK_CERT_BAD_FILE` for a block that is not a certificate.
 */
export function certificatesFromPem(text: string): Certificate[] {
  const certificates: Certificate[] = [];
  for (const match of text.matchAll(
    /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g,
  )) {
    certificates.push(
      parseCertificate(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64')),
    );
  }
  return certificates;
}

type Extensions = Pick<
  Certificate,
  | 'isCertificateAuthority'
  | 'pathLength'
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'unknownCriticalExtensions'
>;

const KNOWN_EXTENSIONS = new Set([
  '2.5.29.14', // subject key identifier
  '2.5.29.15', // key usage
  '2.5.29.17', // subject alternative name
  '2.5.29.19', // basic constraints
  '2.5.29.35', // authority key identifier
  '2.5.29.37', // extended key usage
]);

function readExtensions(wrapper: forge.asn1.Asn1 | undefined): Extensions {
  let isCertificateAuthority: boolean | undefined;
  let pathLength: number | undefined;
  let keyUsage: Set<KeyUsage> | undefined;
  let extendedKeyUsage: string[] | undefined;
  const unknownCriticalExtensions: string[] = [];
  for (const extension of wrapper === undefined ? [] : children(children(wrapper)[0])) {
    const fields = children(extension);
    const oid = forge.asn1.derToOid(bytesOf(fields[0]));
    const critical = fields.length === 3 && bytesOf(fields[1]) !== '\x00';
    const value = forge.asn1.fromDer(bytesOf(fields[fields.length - 1]), true);
    switch (oid) {
      case '2.5.29.19': {
        const [first, second] = children(value);
        const hasFlag = first?.type === forge.asn1.Type.BOOLEAN;
        isCertificateAuthority = hasFlag && bytesOf(first) !== '\x00';
        const length = hasFlag ? second : first;
        if (length?.type === forge.asn1.Type.INTEGER)
          pathLength = forge.asn1.derToInteger(bytesOf(length));
        break;
      }
      case '2.5.29.15': {
        const bits = bytesOf(value);
        keyUsage = new Set(
          KEY_USAGE_BITS.filter((_name, bit) => {
            const byte = bits.charCodeAt(1 + (bit >> 3));
            return !Number.isNaN(byte) && (byte & (0x80 >> (bit & 7))) !== 0;
          }),
        );
        break;
      }
      case '2.5.29.37':
        extendedKeyUsage = children(value).map((item) => forge.asn1.derToOid(bytesOf(item)));
        break;
      default:
        if (critical && !KNOWN_EXTENSIONS.has(oid)) unknownCriticalExtensions.push(oid);
    }
  }
  return {
    isCertificateAuthority,
    pathLength,
    keyUsage,
    extendedKeyUsage,
    unknownCriticalExtensions,
  };
}

function readName(name: forge.asn1.Asn1): DistinguishedName {
  return children(name).map((rdn) =>
    children(rdn).map((pair): NameAttribute => {
      const [type, value] = children(pair);
      return { oid: forge.asn1.derToOid(bytesOf(type)), value: readString(value) };
    }),
  );
}

function readString(value: forge.asn1.Asn1 | undefined): string {
  const bytes = bytesOf(value);
  switch (value?.type as number | undefined) {
    case forge.asn1.Type.UTF8:
      return forge.util.decodeUtf8(bytes);
    case forge.asn1.Type.BMPSTRING:
      return Buffer.from(bytes, 'latin1').swap16().toString('utf16le');
    case 28: // UniversalString, UCS-4 big-endian
      return String.fromCodePoint(
        ...Array.from({ length: bytes.length >> 2 }, (_unused, index) =>
          Buffer.from(bytes, 'latin1').readUInt32BE(index * 4),
        ),
      );
    default:
      return bytes;
  }
}

function readTime(value: forge.asn1.Asn1 | undefined): Date {
  if (value?.type === forge.asn1.Type.UTCTIME) return forge.asn1.utcTimeToDate(bytesOf(value));
  if (value?.type === forge.asn1.Type.GENERALIZEDTIME) {
    return forge.asn1.generalizedTimeToDate(bytesOf(value));
  }
  throw new Error('the validity period is malformed');
}

function children(value: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (value === undefined || !Array.isArray(value.value)) {
    throw new Error('the structure is malformed');
  }
  return value.value;
}

function bytesOf(value: forge.asn1.Asn1 | undefined): string {
  if (value === undefined || typeof value.value !== 'string') {
    throw new Error('the structure is malformed');
  }
  return value.value;
}

function toBytes(binary: string): Uint8Array {
  return Uint8Array.from(Buffer.from(binary, 'latin1'));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
