import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk new-cert --help`. */
export const NEW_CERT_HELP = `Usage: pqsdk new-cert --subject <"CN=…"> -o <file.pfx> -p <password> [options]

Create a self-signed code-signing certificate for development and testing, like
New-SelfSignedCertificate -Type CodeSigningCert: an RSA key, SHA-256, key usage digital
signature, extended key usage code signing, not a certificate authority. It is written with
its private key as a PKCS#12 file (.pfx) that pqsdk pack and pqsdk sign read, and that OpenSSL
and Windows import. The file is written atomically and never overwrites one unless --force.

Publishing a connector needs a certificate from a certificate authority your users trust;
a development certificate is trusted only where its thumbprint is added (Power BI Desktop's
TrustedCertificateThumbprints, or pqsdk verify --trusted-thumbprints).

Options:
  --subject <name>           The subject, such as "CN=Contoso Connectors (dev), O=Contoso"
                             (required; it needs a CN)
  -o, --output <file>        The .pfx to write (required)
  -p, --password <password>  Its password: printable ASCII (required; default: the
                             PQSDK_CERT_PASSWORD environment variable)
  --days <n>                 How long it is valid, from now (default 365, at most 3650)
  --key-size <bits>          2048, 3072 (default) or 4096
  --cipher <aes256|3des>     How the key is encrypted (default aes256; 3des for old Windows)
  --pem <file>               Also write the certificate alone (no key) as PEM, to share or
                             to pass to pqsdk verify --trusted-roots
  --force                    Overwrite files that exist
  -h, -?, --help             Show this help

Examples:
  pqsdk new-cert --subject "CN=Contoso Connectors (dev)" -o dev.pfx -p "$PFX_PASSWORD"
  pqsdk new-cert --subject "CN=CI, O=Contoso" -o ci.pfx -p "$PFX_PASSWORD" --days 30 --pem ci.pem

${exitCodesHelp('a file exists (use --force), or the files could not be written')}`;
