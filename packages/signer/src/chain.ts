import {
  ANY_EXTENDED_KEY_USAGE,
  CODE_SIGNING_USAGE,
  isSelfSigned,
  isSignedBy,
  namesIssuer,
  type Certificate,
} from './certificate.js';
import { SignerError } from './errors.js';

/**
 * The status of one certificate of a signer's chain, as `pqsdk verify` reports it. `Success`,
 * `UntrustedRoot`, `PartialChain`, `NotSignatureValid`, `NotValidForUsage` and `InvalidExtension`
 * are names of .NET's `X509ChainStatusFlags` (which MakePQX reports); `Expired` and `NotYetValid`
 * split .NET's `NotTimeValid`, and `InvalidBasicConstraints` is .NET's name too.
 *
 * - `Success`: the certificate and every one above it are good, and the chain ends at a trusted
 *   certificate;
 * - `UntrustedRoot`: the chain ends at a self-signed certificate that is not trusted;
 * - `PartialChain`: the chain ends at a certificate whose issuer is not available;
 * - `Expired`, `NotYetValid`: outside the certificate's validity period at the time of checking;
 * - `NotSignatureValid`: a self-issued certificate whose signature does not verify;
 * - `NotValidForUsage`: a signing certificate without code signing in its extended key usage or
 *   digital signature in its key usage, or an issuer without certificate signing in its key usage;
 * - `InvalidBasicConstraints`: an issuer that is not a certificate authority, or a path too long;
 * - `InvalidExtension`: a critical extension that pqsdk does not understand.
 *
 * A certificate without a problem of its own takes the status of the first problem above it,
 * so the signing certificate's status says whether the whole chain is acceptable. Revocation is
 * not checked (no CRL or OCSP requests are made).
 */
export type CertificateStatus =
  | 'Success'
  | 'UntrustedRoot'
  | 'PartialChain'
  | 'Expired'
  | 'NotYetValid'
  | 'NotSignatureValid'
  | 'NotValidForUsage'
  | 'InvalidBasicConstraints'
  | 'InvalidExtension';

/** One certificate of a chain, with its status. */
export interface ChainElement {
  readonly certificate: Certificate;
  readonly status: CertificateStatus;
  /** True when the status is `Success`. */
  readonly valid: boolean;
  /** The thumbprint of the certificate that issued it, when it is in the chain; null at the end. */
  readonly parent: string | null;
}

/** What to trust when building chains. Nothing is trusted by default: there is no system store. */
export interface TrustOptions {
  /** Certificates trusted as anchors (root certificate authorities, or a self-signed signer). */
  readonly trustedRoots?: readonly Certificate[];
  /**
   * Thumbprints (SHA-1, 40 hexadecimal digits, any case) of certificates trusted as anchors, as
   * Power BI Desktop's `TrustedCertificateThumbprints` policy trusts a signing certificate.
   */
  readonly trustedThumbprints?: readonly string[];
  /** The time at which validity periods are checked. Default: now. */
  readonly now?: Date;
}

const MAX_CHAIN_LENGTH = 8;

/**
 * Builds the chain of a signing certificate, from it up to a trusted certificate or as far as
 * issuers can be found among `pool` (certificates embedded in the signature) and the trusted
 * roots, and checks every certificate (see {@link CertificateStatus}). An issuer must name the
 * certificate's issuer exactly and verify its signature; trusted roots are preferred.
 *
 * @returns the chain, signing certificate first.
 */
export function evaluateChain(
  leaf: Certificate,
  pool: readonly Certificate[],
  options: TrustOptions = {},
): ChainElement[] {
  const now = options.now ?? new Date();
  const roots = options.trustedRoots ?? [];
  const anchors = new Set([
    ...(options.trustedThumbprints ?? []).map((thumbprint) => thumbprint.toUpperCase()),
    ...roots.map((root) => root.thumbprint),
  ]);
  const candidates = unique([...roots, ...pool]);

  const path: Certificate[] = [leaf];
  let ending: CertificateStatus | undefined;
  for (;;) {
    const current = path[path.length - 1] as Certificate;
    if (anchors.has(current.thumbprint)) break;
    if (namesIssuer(current, current)) {
      ending = isSignedBy(current, current) ? 'UntrustedRoot' : 'NotSignatureValid';
      break;
    }
    const issuer = candidates.find(
      (candidate) =>
        !path.some((seen) => seen.thumbprint === candidate.thumbprint) &&
        namesIssuer(candidate, current) &&
        isSignedBy(current, candidate),
    );
    if (issuer === undefined || path.length >= MAX_CHAIN_LENGTH) {
      ending = 'PartialChain';
      break;
    }
    path.push(issuer);
  }

  const own = path.map((certificate, index) => ownProblem(certificate, index, now));
  if (ending !== undefined) {
    const last = own.length - 1;
    own[last] ??= ending;
  }
  return path.map((certificate, index) => {
    const status = own.slice(index).find((problem) => problem !== undefined) ?? 'Success';
    const issuer = path[index + 1];
    return {
      certificate,
      status,
      valid: status === 'Success',
      parent: issuer === undefined ? null : issuer.thumbprint,
    };
  });
}

/**
 * Reads a list of thumbprints separated by commas, semicolons or white space; colons inside a
 * thumbprint (`16:AF:…`) are ignored.
 *
 * @throws {@link SignerError} `PQSDK_TRUST_BAD_THUMBPRINT` for an item that is not 40
 * hexadecimal digits.
 */
export function parseThumbprints(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((item) => item !== '')
    .map((item) => {
      const compact = item.replaceAll(':', '');
      if (!/^[0-9A-Fa-f]{40}$/.test(compact)) {
        throw new SignerError(
          'PQSDK_TRUST_BAD_THUMBPRINT',
          `"${item}" is not a thumbprint: give the SHA-1 thumbprint, 40 hexadecimal digits, as pqsdk verify and Windows show it`,
        );
      }
      return compact.toUpperCase();
    });
}

function ownProblem(
  certificate: Certificate,
  index: number,
  now: Date,
): CertificateStatus | undefined {
  if (now.getTime() < certificate.notBefore.getTime()) return 'NotYetValid';
  if (now.getTime() > certificate.notAfter.getTime()) return 'Expired';
  if (certificate.unknownCriticalExtensions.length > 0) return 'InvalidExtension';
  if (index === 0) {
    const usages = certificate.extendedKeyUsage;
    if (
      usages !== undefined &&
      !usages.includes(CODE_SIGNING_USAGE) &&
      !usages.includes(ANY_EXTENDED_KEY_USAGE)
    ) {
      return 'NotValidForUsage';
    }
    if (certificate.keyUsage !== undefined && !certificate.keyUsage.has('digitalSignature')) {
      return 'NotValidForUsage';
    }
    return undefined;
  }
  // An issuer. A version 1 root without extensions is accepted, as Windows and OpenSSL do.
  const legacyRoot = certificate.isCertificateAuthority === undefined && isSelfSigned(certificate);
  if (certificate.isCertificateAuthority !== true && !legacyRoot) return 'InvalidBasicConstraints';
  if (certificate.keyUsage !== undefined && !certificate.keyUsage.has('keyCertSign')) {
    return 'NotValidForUsage';
  }
  if (certificate.pathLength !== undefined && index - 1 > certificate.pathLength) {
    return 'InvalidBasicConstraints';
  }
  return undefined;
}

function unique(certificates: readonly Certificate[]): Certificate[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => {
    if (seen.has(certificate.thumbprint)) return false;
    seen.add(certificate.thumbprint);
    return true;
  });
}
