import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './c14n.js';
import { childElements, parseXml } from './xml.js';

function parsed(text: string): Document {
  const result = parseXml(text);
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

const c14n = (text: string, withComments = false): string =>
  canonicalize(parsed(text), { withComments });

/** The element reached by following the first child element `depth` times from the root. */
function descendant(document: Document, depth: number): Element {
  let element = document.documentElement as Element;
  for (let level = 0; level < depth; level++) element = childElements(element)[0] as Element;
  return element;
}

describe('canonicalize', () => {
  it.each([
    ['empty elements are written with an end tag', '<a><b/><c></c></a>', '<a><b></b><c></c></a>'],
    [
      'attributes are sorted by namespace URI, unqualified first, then local name',
      '<e z="1" xmlns:b="urn:b" b:c="3" a="2" xmlns="urn:d"/>',
      '<e xmlns="urn:d" xmlns:b="urn:b" a="2" z="1" b:c="3"></e>',
    ],
    [
      'qualified attributes sort by URI, not by prefix',
      '<e xmlns:a="urn:z" xmlns:b="urn:a" a:x="1" b:y="2"/>',
      '<e xmlns:a="urn:z" xmlns:b="urn:a" b:y="2" a:x="1"></e>',
    ],
    [
      'namespace declarations come first, default first, then by prefix',
      '<e xmlns:z="urn:1" b="x" xmlns:a="urn:2" xmlns="urn:3"/>',
      '<e xmlns="urn:3" xmlns:a="urn:2" xmlns:z="urn:1" b="x"></e>',
    ],
    [
      'a declaration the parent already has is not repeated',
      '<a xmlns="urn:x"><b xmlns="urn:x"><c xmlns:p="urn:p"><p:d xmlns:p="urn:p"/></c></b></a>',
      '<a xmlns="urn:x"><b><c xmlns:p="urn:p"><p:d></p:d></c></b></a>',
    ],
    [
      'a changed declaration is written again',
      '<a xmlns:p="urn:1"><b xmlns:p="urn:2"/></a>',
      '<a xmlns:p="urn:1"><b xmlns:p="urn:2"></b></a>',
    ],
    [
      'xmlns="" is kept where it undoes a default namespace',
      '<a xmlns="urn:x"><b xmlns=""><c/></b></a>',
      '<a xmlns="urn:x"><b xmlns=""><c></c></b></a>',
    ],
    [
      'xmlns="" is dropped where there is nothing to undo',
      '<a><b xmlns=""/></a>',
      '<a><b></b></a>',
    ],
    [
      'unused declarations are kept (inclusive C14N)',
      '<a xmlns:u="urn:u"/>',
      '<a xmlns:u="urn:u"></a>',
    ],
    [
      'text escapes &, <, > and carriage return, but not quotes',
      '<a>&amp; &lt; &gt; &#13; " \'</a>',
      '<a>&amp; &lt; &gt; &#xD; " \'</a>',
    ],
    [
      'attribute values escape &, <, ", tab, line feed and carriage return, but not > or \'',
      `<a b="&quot;&#9;&#10;&#13;&amp;&lt;>'"/>`,
      '<a b="&quot;&#x9;&#xA;&#xD;&amp;&lt;>\'"></a>',
    ],
    [
      'literal line breaks and tabs in attributes become spaces (attribute-value normalization)',
      '<a b="x\ny\tz"/>',
      '<a b="x y z"></a>',
    ],
    ['CRLF and CR in text become LF', '<a>t\r\nu\rv</a>', '<a>t\nu\nv</a>'],
    ['CDATA sections become escaped text', '<a><![CDATA[<&>]]></a>', '<a>&lt;&amp;&gt;</a>'],
    ['character references are replaced', '<a b="&#x42;">&#x41;&#65;</a>', '<a b="B">AA</a>'],
    [
      'white space inside tags is normalized, and attribute quotes become double',
      '<a   b = \'1\'\n c="2"  />',
      '<a b="1" c="2"></a>',
    ],
    [
      'comments inside elements are removed, processing instructions kept',
      '<a><!--x--><?p d?><?q?></a>',
      '<a><?p d?><?q?></a>',
    ],
    ['white space between elements is kept', '<a>\n  <b/>\n</a>', '<a>\n  <b></b>\n</a>'],
  ])('%s', (_name, input, expected) => {
    expect(c14n(input)).toBe(expected);
  });

  it('drops the XML declaration, and puts line feeds around nodes outside the root element', () => {
    const input =
      '<?xml version="1.0" encoding="UTF-8"?>\n<?pi data?>\n<!--c-->\n<a/>\n<!--d-->\n<?q?>\n';
    expect(c14n(input)).toBe('<?pi data?>\n<a></a>\n<?q?>');
    expect(c14n(input, true)).toBe('<?pi data?>\n<!--c-->\n<a></a>\n<!--d-->\n<?q?>');
  });

  it('keeps comments with the WithComments variant', () => {
    expect(c14n('<a><!-- x --><b/></a>', true)).toBe('<a><!-- x --><b></b></a>');
  });

  it('gives a subtree the namespace declarations and xml: attributes in scope above it', () => {
    const document = parsed(
      '<r xmlns="urn:r" xmlns:p="urn:p" xml:lang="en" other="x"><s xml:space="preserve"><t p:k="v"/></s></r>',
    );
    expect(canonicalize(descendant(document, 1))).toBe(
      '<s xmlns="urn:r" xmlns:p="urn:p" xml:lang="en" xml:space="preserve"><t p:k="v"></t></s>',
    );
    expect(canonicalize(descendant(document, 2))).toBe(
      '<t xmlns="urn:r" xmlns:p="urn:p" xml:lang="en" xml:space="preserve" p:k="v"></t>',
    );
  });

  it('does not give a subtree an empty default namespace', () => {
    const document = parsed('<r xmlns="urn:r"><s xmlns=""><t/></s></r>');
    expect(canonicalize(descendant(document, 2))).toBe('<t></t>');
  });

  it('sorts names by code point, not by UTF-16 code unit', () => {
    // U+FF21 (one code unit, 0xFF21) sorts before U+1D400 (two code units, 0xD835 0xDC00) by code point.
    expect(c14n('<a \u{1d400}="1" \uff21="2"/>')).toBe('<a \uff21="2" \u{1d400}="1"></a>');
  });

  it('handles nesting far deeper than the call stack allows', () => {
    const depth = 50_000;
    const output = c14n(`${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`);
    expect(output.length).toBe(depth * 7 + 1);
    expect(output.startsWith('<a><a>')).toBe(true);
  });

  it('writes an XML Signature SignedInfo as a verifier would digest it', () => {
    const document = parsed(
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="S"><SignedInfo>' +
        '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
        '<Reference URI="#o"><DigestValue>AA==</DigestValue></Reference></SignedInfo></Signature>',
    );
    expect(canonicalize(descendant(document, 1))).toBe(
      '<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#">' +
        '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"></CanonicalizationMethod>' +
        '<Reference URI="#o"><DigestValue>AA==</DigestValue></Reference></SignedInfo>',
    );
  });
});

describe('parseXml', () => {
  it.each([
    ['<a>', /^not well-formed XML/],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE|not well-formed/],
    ['', /not well-formed|no root element/],
    ['<a/><b/>', /^not well-formed XML/],
  ])('refuses %j', (input, message) => {
    const result = parseXml(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
