#!/usr/bin/env node
// Cross-checks pqsdk's signatures with tools that share no code with it (Debian packages):
//
//   xmlsec1   verifies each XML signature part (SignedInfo: RSA-SHA256 over C14N, and the
//             digests of #idPackageObject, #idPqsdkObject and #idKeyInfo);
//   openssl   recomputes every manifest digest of a part from the part's bytes, reads the
//             PKCS#12 file `pqsdk new-cert` wrote, and makes a PKCS#12 file pqsdk then signs with;
//   xsltproc + xmllint --c14n
//             recompute the relationship transform (ECMA-376 Part 2 §13.2.4.24) and C14N of each
//             relationships reference, and C14N of a countersigned signature part.
//
// Usage: node tools/scripts/xmlsec-crosscheck.mjs [--keep]
// Needs: xmlsec1, openssl, xsltproc and xmllint on PATH (apt-get install xmlsec1 xsltproc
// libxml2-utils openssl). It is a tool, not a unit test: CI has no xmlsec1.
// Exit code 0 when every check passes, 1 when one fails, 2 when a tool is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import process from 'node:process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'pqsdk-xmlsec-'));
const PASSWORD = 'Crosscheck-Only-1';
let failures = 0;

function say(line) {
  process.stdout.write(`${line}\n`);
}
function check(ok, what) {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: work, encoding: 'buffer', ...options });
}
function pqsdk(...args) {
  const result = run(process.execPath, [join(root, 'tools', 'scripts', 'pqsdk.mjs'), ...args]);
  return {
    code: result.status,
    stdout: result.stdout.toString(),
    stderr: result.stderr.toString(),
  };
}
function sha256Base64(file) {
  const digest = execFileSync('openssl', ['dgst', '-sha256', '-binary', file], { cwd: work });
  return digest.toString('base64');
}
function sha256Of(bytes) {
  const file = join(work, '.digest-input');
  writeFileSync(file, bytes);
  return sha256Base64(file);
}

for (const tool of ['xmlsec1', 'openssl', 'xsltproc', 'xmllint']) {
  if (run('which', [tool]).status !== 0) {
    process.stderr.write(
      `xmlsec-crosscheck: ${tool} is not installed; apt-get install xmlsec1 xsltproc libxml2-utils openssl\n`,
    );
    process.exit(2);
  }
}
say(
  `tools: ${run('xmlsec1', ['--version']).stdout.toString().trim()}; ${run('openssl', ['version']).stdout.toString().trim()}`,
);
say(`working in ${work}`);

// 1. Build, make two certificates, pack and sign, then countersign.
const compiled = pqsdk('compile', join(root, 'examples', 'HelloWorld'), '-d', 'out');
check(compiled.code === 0, `pqsdk compile: ${compiled.stdout.trim()}`);
for (const name of ['first', 'second']) {
  const made = pqsdk(
    'new-cert',
    '--subject',
    `CN=Crosscheck ${name}, O=pqsdk`,
    '-o',
    `${name}.pfx`,
    '-p',
    PASSWORD,
    '--pem',
    `${name}.pem`,
    '--key-size',
    '2048',
  );
  check(made.code === 0, `pqsdk new-cert ${name}.pfx`);
}
const packed = pqsdk(
  'pack',
  '-mz',
  'out/HelloWorld.mez',
  '-c',
  'first.pfx',
  '-p',
  PASSWORD,
  '-t',
  'HelloWorld.pqx',
);
check(packed.code === 0, `pqsdk pack -c: ${packed.stdout.trim()}`);
const countersigned = pqsdk('sign', 'HelloWorld.pqx', '-c', 'second.pfx', '-p', PASSWORD);
check(countersigned.code === 0, `pqsdk sign (countersign): ${countersigned.stdout.trim()}`);
const verified = pqsdk('verify', '-q', 'HelloWorld.pqx', '--trusted-roots', 'first.pem');
check(
  verified.code === 3,
  'pqsdk verify trusting only the first signer: exit 3 (valid, not all trusted)',
);
const bundle = `${readFileSync(join(work, 'first.pem'), 'utf8')}${readFileSync(join(work, 'second.pem'), 'utf8')}`;
writeFileSync(join(work, 'both.pem'), bundle);
check(
  pqsdk('verify', '-q', 'HelloWorld.pqx', '--trusted-roots', 'both.pem').code === 0,
  'pqsdk verify trusting both: exit 0',
);

// 2. Extract every part with pqsdk's safe reader (built by pqsdk.mjs above).
const packager = await import(
  pathToFileURL(join(root, 'packages', 'packager', 'dist', 'index.js')).href
);
const pkg = packager.readOpcPackage(readFileSync(join(work, 'HelloWorld.pqx')));
const partsDir = join(work, 'parts');
const fileOf = (partName) =>
  join(partsDir, ...decodeURIComponent(partName).split('/').filter(Boolean));
for (const part of [...pkg.parts, ...pkg.relationshipParts]) {
  mkdirSync(dirname(fileOf(part.name)), { recursive: true });
  writeFileSync(fileOf(part.name), part.data);
}
const signatures = pkg.parts.filter((part) => part.name.endsWith('.psdsxs'));
const originRelationships = packager.relationshipsFrom(
  pkg,
  '/package/services/digital-signature/origin.psdsor',
);
const order = originRelationships.map((relationship) => relationship.target);
signatures.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
check(
  signatures.length === 2,
  `two signature parts: ${signatures.map((part) => part.name).join(', ')}`,
);

// 3. xmlsec1 on each signature part, with its signer's certificate as the trusted root.
for (const [index, signature] of signatures.entries()) {
  const pem = index === 0 ? 'first.pem' : 'second.pem';
  const result = run('xmlsec1', [
    '--verify',
    '--ignore-manifests',
    '--enabled-reference-uris',
    'same-doc',
    '--trusted-pem',
    pem,
    fileOf(signature.name),
  ]);
  const output = `${result.stdout.toString()}${result.stderr.toString()}`.trim();
  say(
    `--- xmlsec1 --verify --ignore-manifests --enabled-reference-uris same-doc --trusted-pem ${pem} ${signature.name}`,
  );
  say(
    output
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n'),
  );
  check(
    result.status === 0 &&
      /^OK$/m.test(output) &&
      /SignedInfo References \(ok\/all\): 3\/3/.test(output),
    `xmlsec1 verifies signature ${String(index + 1)}`,
  );
  // A signature part with one digest changed must not verify.
  const tampered = readFileSync(fileOf(signature.name), 'utf8').replace(
    /(<DigestValue>)(.)/,
    (_all, tag, char) => `${tag}${char === 'A' ? 'B' : 'A'}`,
  );
  writeFileSync(join(work, 'tampered.xml'), tampered);
  const refused = run('xmlsec1', [
    '--verify',
    '--ignore-manifests',
    '--enabled-reference-uris',
    'same-doc',
    '--trusted-pem',
    pem,
    join(work, 'tampered.xml'),
  ]);
  check(
    refused.status !== 0,
    `xmlsec1 refuses signature ${String(index + 1)} with one digest changed`,
  );
}

// 4. The manifest digests, recomputed with openssl, xsltproc and xmllint.
const transformXslt = join(work, 'relationship-transform.xsl');
writeFileSync(
  transformXslt,
  `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships" exclude-result-prefixes="r">
  <xsl:param name="ids"/>
  <xsl:output method="xml" omit-xml-declaration="yes"/>
  <xsl:template match="/r:Relationships">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <xsl:for-each select="r:Relationship[contains($ids, concat(' ', @Id, ' '))]">
        <xsl:sort select="@Id" data-type="text" order="ascending" case-order="upper-first"/>
        <Relationship Id="{@Id}" Type="{@Type}" Target="{@Target}">
          <xsl:attribute name="TargetMode"><xsl:choose><xsl:when test="@TargetMode"><xsl:value-of select="@TargetMode"/></xsl:when><xsl:otherwise>Internal</xsl:otherwise></xsl:choose></xsl:attribute>
        </Relationship>
      </xsl:for-each>
    </Relationships>
  </xsl:template>
</xsl:stylesheet>
`,
);
const referencePattern =
  /<Reference URI="([^"?]+)\?ContentType=([^"]+)">(.*?)<DigestValue>([^<]+)<\/DigestValue><\/Reference>/g;
for (const [index, signature] of signatures.entries()) {
  const xml = readFileSync(fileOf(signature.name), 'utf8');
  const [packageObject] = xml.match(/<Object Id="idPackageObject">.*?<\/Object>/) ?? [''];
  const [pqsdkObject] = xml.match(/<Object Id="idPqsdkObject">.*?<\/Object>/) ?? [''];
  let counted = 0;
  for (const [, partName, , body, digest] of packageObject.matchAll(referencePattern)) {
    const file = fileOf(partName);
    let actual;
    let how;
    if (body.includes('RelationshipTransform')) {
      const ids = [...body.matchAll(/SourceId="([^"]+)"/g)].map((match) => match[1]);
      const transformed = execFileSync(
        'xsltproc',
        ['--stringparam', 'ids', ` ${ids.join(' ')} `, transformXslt, file],
        { cwd: work },
      );
      writeFileSync(join(work, 'transformed.xml'), transformed);
      actual = sha256Of(
        execFileSync('xmllint', ['--c14n', join(work, 'transformed.xml')], { cwd: work }),
      );
      how = `xsltproc relationship transform (${ids.join(', ')}) | xmllint --c14n | openssl sha256`;
    } else if (body.includes('REC-xml-c14n-20010315')) {
      actual = sha256Of(execFileSync('xmllint', ['--c14n', file], { cwd: work }));
      how = 'xmllint --c14n | openssl sha256';
    } else {
      actual = sha256Base64(file);
      how = 'openssl sha256';
    }
    check(actual === digest, `signature ${String(index + 1)}: ${partName}: ${how}`);
    counted++;
  }
  for (const [, partName, , , digest] of pqsdkObject.matchAll(referencePattern)) {
    const latest = index === signatures.length - 1;
    if (partName.endsWith('origin.psdsor.rels') && !latest) {
      say(
        `skip signature ${String(index + 1)}: ${partName}: bytes as of that signature (a countersignature changed them)`,
      );
      continue;
    }
    check(
      sha256Base64(fileOf(partName)) === digest,
      `signature ${String(index + 1)}: ${partName} (bytes): openssl sha256`,
    );
    counted++;
  }
  say(`signature ${String(index + 1)}: ${String(counted)} manifest digests recomputed`);
}

// 5. PKCS#12 both ways with OpenSSL.
const info = run('openssl', [
  'pkcs12',
  '-in',
  'first.pfx',
  '-passin',
  `pass:${PASSWORD}`,
  '-info',
  '-noout',
]);
say(
  `--- openssl pkcs12 -info -noout (first.pfx, by pqsdk new-cert)\n${`${info.stdout}${info.stderr}`
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}`,
);
check(info.status === 0, 'openssl reads the PKCS#12 file pqsdk wrote');
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ossl.key',
    '-out',
    'ossl.pem',
    '-subj',
    '/CN=OpenSSL Made/O=pqsdk',
    '-days',
    '30',
    '-addext',
    'extendedKeyUsage=codeSigning',
  ],
  { cwd: work, stdio: 'ignore' },
);
execFileSync(
  'openssl',
  [
    'pkcs12',
    '-export',
    '-in',
    'ossl.pem',
    '-inkey',
    'ossl.key',
    '-out',
    'ossl.pfx',
    '-passout',
    `pass:${PASSWORD}`,
  ],
  { cwd: work },
);
const resigned = pqsdk('sign', 'HelloWorld.pqx', '-c', 'ossl.pfx', '-p', PASSWORD, '--replace');
check(
  resigned.code === 0,
  `pqsdk signs with a PKCS#12 file OpenSSL wrote (AES-256, SHA-256 MAC): ${resigned.stdout.trim()}`,
);
check(
  pqsdk('verify', '-q', 'HelloWorld.pqx', '--trusted-roots', 'ossl.pem').code === 0,
  'and verify trusts it through the OpenSSL certificate',
);

say(failures === 0 ? 'all checks passed' : `${String(failures)} checks FAILED`);
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(failures === 0 ? 0 : 1);
