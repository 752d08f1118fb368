/** The text of `pqsdk verify --help`. */
export const VERIFY_HELP = `Usage: pqsdk verify [options] <file.pqx>

Verify the signatures of a .pqx like MakePQX verify, and print its JSON report:
  {"SignatureStatus": …, "CertificateStatus": [{"Issuer", "Thumbprint", "Subject",
   "NotBefore", "NotAfter", "Valid", "Parent", "Status"}]}
one CertificateStatus entry per certificate of each signer's chain, signing certificate
first; Parent is the thumbprint of the entry that issued it, or null. Thumbprints are SHA-1,
40 upper-case hexadecimal digits, as Power BI's TrustedCertificateThumbprints takes them.

SignatureStatus: Success, NotSigned, InvalidSignature (a part, relationship, content type or
the signature changed), CertificateRequired, InvalidCertificate, ReferenceNotFound (a signed
part is missing), UnsignedContent (a part or relationship no signature covers).
Certificate Status: Success, UntrustedRoot, PartialChain, Expired, NotYetValid,
NotSignatureValid, NotValidForUsage (not for code signing), InvalidBasicConstraints,
InvalidExtension. Revocation is not checked. Nothing is trusted unless given below: pqsdk has
no certificate store.

Options:
  -q, --quiet                        Print nothing; only the exit code tells
  --trusted-roots <file.pem>         Trust these certificates (a PEM bundle of root CAs, or a
                                     self-signed signer)
  --trusted-thumbprints <list>       Trust the certificates with these thumbprints (separated
                                     by commas or spaces), as Power BI Desktop does
  --details                          Add "Signatures" (each signature's part, status, problem,
                                     signing time and signer) and "Problem" to the report
  -h, -?, --help                     Show this help

Examples:
  pqsdk verify HelloWorld.pqx
  pqsdk verify -q HelloWorld.pqx --trusted-thumbprints 16AF59E4BE5384CD860E230ED4AED474C2A3BC69

Exit codes:
  0   every signature is valid and every signer's certificate is trusted and valid
  1   a signature is invalid, the package is not signed, or the archive is refused
  2   usage error: unknown command or option, missing argument, path missing or unreadable
  3   every signature is valid, but a signer's certificate is not trusted or not valid
      (untrusted root, expired, not for code signing, …): give --trusted-thumbprints or
      --trusted-roots
  70  internal error (a bug in pqsdk); rerun with PQSDK_DEBUG=1 to see the stack
`;
