import { SignerError } from './errors.js';

/** One attribute of a distinguished name, such as `CN=Contoso`: its OID and its value. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
}

/**
 * A distinguished name as X.509 stores it: relative distinguished names (RDNs) from the most
 * general (`C`) to the most specific (`CN`), each a set of attributes (usually one).
 */
export type DistinguishedName = readonly (readonly NameAttribute[])[];

/** The short names .NET's `X500DistinguishedName` writes, by OID (Windows `CertNameToStr`). */
const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.4', 'SN'],
  ['2.5.4.5', 'SERIALNUMBER'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'S'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.12', 'T'],
  ['2.5.4.42', 'G'],
  ['2.5.4.43', 'I'],
  ['1.2.840.113549.1.9.1', 'E'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
]);

/** Names accepted when reading a subject, upper case, by OID. */
const NAMES_IN: ReadonlyMap<string, string> = new Map([
  ...[...SHORT_NAMES].map(([oid, name]): [string, string] => [name, oid]),
  ['ST', '2.5.4.8'],
  ['EMAIL', '1.2.840.113549.1.9.1'],
  ['EMAILADDRESS', '1.2.840.113549.1.9.1'],
]);

/**
 * Writes a distinguished name as .NET's `X509Certificate2.Subject` and `Issuer` do, and so as
 * MakePQX's verify report shows them: the RDNs from the most specific to the most general,
 * separated by `, ` (`CN=Contoso Dev, O=Contoso, C=US`), the attributes of a multi-valued RDN
 * joined by ` + `, known attributes by their short name (`CN`, `O`, `OU`, `L`, `S`, `C`, `E`, `DC`,
 * …) and others as `OID.1.2.3`. A value that is empty, starts or ends with a space, or holds
 * `, + = " < > # ;` or a line break is quoted, with `"` doubled.
 */
export function formatDistinguishedName(name: DistinguishedName): string {
  return [...name]
    .reverse()
    .map((rdn) =>
      rdn
        .map((attribute) => {
          const key = SHORT_NAMES.get(attribute.oid) ?? `OID.${attribute.oid}`;
          return `${key}=${quoteValue(attribute.value)}`;
        })
        .join(' + '),
    )
    .join(', ');
}

/**
 * Reads a subject such as `CN=Contoso Dev, O=Contoso, C=US` into a distinguished name, in the
 * same order as {@link formatDistinguishedName} writes one (most specific first, as .NET and
 * `New-SelfSignedCertificate -Subject` take it): attributes separated by `,` or `;`, values
 * optionally in double quotes (`""` for a quote) or with `\`-escaped characters, names as
 * {@link formatDistinguishedName} writes them (also `ST`, `EMAIL`) or `OID.1.2.3`.
 *
 * @throws {@link SignerError} `PQSDK_CERT_BAD_SUBJECT` for a subject that cannot be read.
 */
export function parseDistinguishedName(text: string): DistinguishedName {
  const rdns: NameAttribute[][] = [];
  let index = 0;
  while (index < text.length) {
    const equals = text.indexOf('=', index);
    if (equals === -1) throw badSubject(text, 'an attribute has no "="');
    const key = text.slice(index, equals).trim().toUpperCase();
    const oid = key.startsWith('OID.') ? key.slice(4) : NAMES_IN.get(key);
    if (oid === undefined || !/^\d+(\.\d+)+$/.test(oid)) {
      throw badSubject(text, `unknown attribute "${text.slice(index, equals).trim()}"`);
    }
    index = equals + 1;
    while (text[index] === ' ') index++;
    let value = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        if (index >= text.length) throw badSubject(text, 'a quoted value is not closed');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            value += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += text.charAt(index);
        index++;
      }
      while (text[index] === ' ') index++;
      if (index < text.length && text[index] !== ',' && text[index] !== ';') {
        throw badSubject(text, 'text follows a quoted value');
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== ';') {
        if (text[index] === '\\' && index + 1 < text.length) index++;
        value += text.charAt(index);
        index++;
      }
      value = value.trim();
    }
    if (value === '') throw badSubject(text, `attribute ${key} has an empty value`);
    rdns.push([{ oid, value }]);
    index++;
    while (text[index] === ' ') index++;
  }
  if (rdns.length === 0) throw badSubject(text, 'it is empty');
  if (!rdns.some((rdn) => rdn.some((attribute) => attribute.oid === '2.5.4.3'))) {
    throw badSubject(text, 'it has no common name (CN=…)');
  }
  return rdns.reverse();
}

function badSubject(text: string, why: string): SignerError {
  return new SignerError(
    'PQSDK_CERT_BAD_SUBJECT',
    `cannot read the subject "${text}": ${why}; write it as "CN=Name, O=Organization"`,
  );
}

function quoteValue(value: string): string {
  const needsQuotes =
    value === '' || value.startsWith(' ') || value.endsWith(' ') || /[,+="<>#;\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
