import type { Certificate } from '@pqsdk/signer';

/** `signed by CN=… (thumbprint …)`: who signed, for the lines `pack` and `sign` print. */
export function signedLine(certificate: Certificate): string {
  return `signed by ${certificate.subject} (thumbprint ${certificate.thumbprint})`;
}

/** A time as ISO 8601 in UTC with its offset, as `verify` writes certificate validity. */
export function isoTime(time: Date): string {
  return `${time.toISOString().slice(0, 19)}+00:00`;
}
