import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk sign --help`. */
export const SIGN_HELP = `Usage: pqsdk sign [options] <file.pqx>

Sign a .pqx like MakePQX sign: an unsigned package gets its first signature; a signed one is
countersigned (a second signature is added, which also signs the first; both must verify, and
the existing one is checked first) unless --replace removes the existing signatures. The
package is rewritten atomically in place; no part that is already signed changes.

Options:
  -c, --certificate <file>   The certificate: PKCS#12 (.pfx, .p12) with its key, or PEM
                             (certificate, and the key unless --key gives it) (required)
  -p, --password <password>  The password of the PKCS#12 file or of an encrypted PEM key
                             (default: the PQSDK_CERT_PASSWORD environment variable)
  --key <file>               The PEM private key, when the certificate file has none
  -r, --replace              Replace the existing signatures instead of countersigning
  -h, -?, --help             Show this help

Examples:
  pqsdk sign HelloWorld.pqx -c dev.pfx -p "$PFX_PASSWORD"
  pqsdk sign HelloWorld.pqx --certificate release.pem --key release.key --replace

${exitCodesHelp('the package is refused, its existing signature does not verify (use --replace), the certificate cannot be used, or the .pqx could not be written')}`;
