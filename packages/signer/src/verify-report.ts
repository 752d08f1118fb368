import type { SignatureVerifier } from '@pqsdk/packager';
import type { ChainElement } from './chain.js';
import { verifyOpcPackage, type PackageVerification, type VerifyOptions } from './verify.js';

/** One certificate in MakePQX's verify report. */
export interface MakePqxCertificateStatus {
  readonly Issuer: string;
  /** SHA-1 of the certificate's DER, 40 upper-case hexadecimal digits. */
  readonly Thumbprint: string;
  readonly Subject: string;
  /** ISO 8601 with the offset, in UTC: `2024-01-31T13:05:00+00:00`. */
  readonly NotBefore: string;
  readonly NotAfter: string;
  readonly Valid: boolean;
  /** The thumbprint of the certificate that issued it (the next entry), or null. */
  readonly Parent: string | null;
  readonly Status: string;
}

/** The JSON document `MakePQX verify` prints, and `pqsdk verify` too. */
export interface MakePqxVerifyReport {
  readonly SignatureStatus: string;
  /** Each signer's chain, signing certificate first; signatures in order, repeated certificates once. */
  readonly CertificateStatus: readonly MakePqxCertificateStatus[];
}

/** The per-signature detail `pqsdk verify --details` adds to the report. */
export interface VerifyReportDetails {
  readonly Signatures: readonly {
    readonly Part: string;
    readonly SignatureStatus: string;
    readonly Problem: string | null;
    readonly SigningTime: string | null;
    readonly Signer: string | null;
  }[];
  readonly Problem: string | null;
}

/**
 * The verify report in MakePQX's shape: `SignatureStatus` (see `SignatureStatus`), then
 * `CertificateStatus`, one entry per certificate of each signer's chain (see `evaluateChain`),
 * with its issuer, thumbprint, subject, validity, whether it is valid, its parent's thumbprint,
 * and its status. Times are written in UTC (MakePQX writes the local time and offset).
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(makePqxVerifyReport(verifyPqx(bytes)), null, 2));
 * ```
 */
export function makePqxVerifyReport(verification: PackageVerification): MakePqxVerifyReport {
  const seen = new Set<string>();
  const certificates: MakePqxCertificateStatus[] = [];
  for (const signature of verification.signatures) {
    for (const element of signature.chain) {
      if (seen.has(element.certificate.thumbprint)) continue;
      seen.add(element.certificate.thumbprint);
      certificates.push(certificateStatus(element));
    }
  }
  return { SignatureStatus: verification.status, CertificateStatus: certificates };
}

/** The per-signature details of a verification, for `pqsdk verify --details`. */
export function verifyReportDetails(verification: PackageVerification): VerifyReportDetails {
  return {
    Signatures: verification.signatures.map((signature) => ({
      Part: signature.partName,
      SignatureStatus: signature.status,
      Problem: signature.problem ?? null,
      SigningTime:
        signature.signingTime === undefined ? null : isoWithOffset(signature.signingTime),
      Signer: signature.signer?.subject ?? null,
    })),
    Problem: verification.problem ?? null,
  };
}

/**
 * A `SignatureVerifier` for `inspectConnector` of `@pqsdk/packager`: `valid` when every
 * signature verifies and covers the package (whatever the trust in the certificate, which the
 * detail states), else `invalid` with the reason.
 */
export function signatureVerifier(options: VerifyOptions = {}): SignatureVerifier {
  return (pkg) => {
    const verification = verifyOpcPackage(pkg, options);
    if (verification.status !== 'Success') {
      return { status: 'invalid', detail: `${verification.status}: ${verification.problem ?? ''}` };
    }
    const count = verification.signatures.length;
    const signers = verification.signatures.map((signature) => {
      const leaf = signature.chain[0];
      return `${signature.signer?.subject ?? 'unknown'}, thumbprint ${signature.signer?.thumbprint ?? '?'}, certificate ${leaf?.status ?? 'unknown'}`;
    });
    return {
      status: 'valid',
      detail: `${String(count)} ${count === 1 ? 'signature' : 'signatures'} by ${signers.join('; ')}`,
    };
  };
}

function certificateStatus(element: ChainElement): MakePqxCertificateStatus {
  const { certificate } = element;
  return {
    Issuer: certificate.issuer,
    Thumbprint: certificate.thumbprint,
    Subject: certificate.subject,
    NotBefore: isoWithOffset(certificate.notBefore),
    NotAfter: isoWithOffset(certificate.notAfter),
    Valid: element.valid,
    Parent: element.parent,
    Status: element.status,
  };
}

function isoWithOffset(time: Date): string {
  return `${time.toISOString().slice(0, 19)}+00:00`;
}
