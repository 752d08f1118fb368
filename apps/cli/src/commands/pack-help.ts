import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk pack --help`. */
export const PACK_HELP = `Usage: pqsdk pack -mz <file.mez> [-t <file.pqx>] [-c <certificate> [-p <password>]]

Pack the files of a .mez into a .pqx (an Open Packaging Conventions package), like MakePQX
pack. With a certificate the package is signed as MakePQX signs it (XML-DSig, RSA-SHA256,
SHA-256 digests, the certificate embedded); without one it is unsigned, to sign later with
pqsdk sign. The .mez is read with the safe reader (unsafe names, zip bombs and damage are
refused), and the .pqx is written atomically (a temporary file, then a rename).

Options:
  -mz, --mez <file>          The .mez to pack (required)
  -t, --target <file>        The .pqx to write (default: the .mez's path, ending in .pqx)
  -c, --certificate <file>   Sign with this certificate: PKCS#12 (.pfx, .p12) with its key,
                             or PEM (certificate, and the key unless --key gives it)
  -p, --password <password>  The password of the PKCS#12 file or of an encrypted PEM key
                             (default: the PQSDK_CERT_PASSWORD environment variable)
  --key <file>               The PEM private key, when the certificate file has none
  -h, -?, --help             Show this help

Examples:
  pqsdk pack -mz bin/AnyCPU/Debug/HelloWorld.mez
  pqsdk pack --mez HelloWorld.mez -c dev.pfx -p "$PFX_PASSWORD" -t HelloWorld.pqx

${exitCodesHelp('the .mez is refused, the certificate cannot be used (wrong password, no private key, a key of another certificate), or the .pqx could not be written')}`;
