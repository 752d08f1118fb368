import type { RecordExpression, SectionDocument } from '@pqsdk/m-ast';
import { parse, type Diagnostic } from '@pqsdk/m-parser';
import { fieldNamed, memberNamed, unwrapExpression } from './section-ast.js';
import { staticValueOf, type StaticValue } from './static-value.js';

/** A data source kind of a connector: a record named by `DataSource.Kind` attributes. */
export interface DataSourceKindInfo {
  /** The kind, which is also the name of its data source record. */
  readonly name: string;
  /** The record's `Label`, when it can be read without evaluating M; else null. */
  readonly label: string | null;
  /**
   * The authentication kinds: the field names of the record's `Authentication` record, such as
   * `Anonymous`, `Key`, `OAuth`; null when the record or `Authentication` is not a record
   * expression.
   */
  readonly authenticationKinds: readonly string[] | null;
  /** The members whose `DataSource.Kind` attribute names this kind, in source order. */
  readonly functions: readonly string[];
}

/** A publish record of a connector: a member named by `Publish` attributes. */
export interface PublishInfo {
  /** The member that holds the record, such as `HelloWorld.Publish`. */
  readonly member: string;
  /** The members whose `Publish` attribute names it, in source order. */
  readonly functions: readonly string[];
  /**
   * The fields whose value can be read without evaluating M (see `staticValueOf`), such as `Beta`,
   * `Category`, `ButtonText` and `LearnMoreUrl`; fields with other values are left out.
   */
  readonly fields: Readonly<Record<string, StaticValue>>;
}

/** What a connector's section document says about it. */
export interface ConnectorMetadata {
  /** The section name, which is the connector's name. */
  readonly name: string;
  /** The `[Version = "…"]` attribute of the section, when it is text. */
  readonly version: string | null;
  /** The data source kinds, in the order their `DataSource.Kind` attributes first appear. */
  readonly dataSourceKinds: readonly DataSourceKindInfo[];
  /** The publish records, in the order their `Publish` attributes first appear. */
  readonly publish: readonly PublishInfo[];
}

/** Options of {@link extractConnectorMetadata}. */
export interface ExtractMetadataOptions {
  /** The connector's strings (from `resources.resx`), to resolve `Extension.LoadString("…")`. */
  readonly strings?: ReadonlyMap<string, string>;
}

/** What {@link extractConnectorMetadata} returns. */
export interface ConnectorMetadataResult {
  /** The metadata, or undefined when the text is not a section document (it has no section name). */
  readonly metadata: ConnectorMetadata | undefined;
  /** The parser's diagnostics; metadata of a text with diagnostics comes from its best reading. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a connector's name, version, data source kinds (with their authentication kinds and
 * label) and publish records from its section document, by static analysis of the syntax tree:
 * member attributes and record expressions. M is never evaluated; `Extension.LoadString("…")` is
 * looked up in `options.strings`.
 *
 * @example
 * ```ts
 * const { metadata } = extractConnectorMetadata(readFileSync('HelloWorld.pq', 'utf8'));
 * metadata?.dataSourceKinds[0]?.authenticationKinds; // ['Anonymous']
 * ```
 */
export function extractConnectorMetadata(
  sectionText: string,
  options: ExtractMetadataOptions = {},
): ConnectorMetadataResult {
  const result = parse(sectionText, { mode: 'section' });
  // The parser's best reading of a text that is not a section document has no section name.
  const metadata =
    result.ast?.kind === 'SectionDocument' && result.ast.name.name !== ''
      ? connectorMetadataOf(result.ast, options.strings ?? new Map())
      : undefined;
  return { metadata, diagnostics: result.diagnostics };
}

/** {@link extractConnectorMetadata} for a document already parsed. */
export function connectorMetadataOf(
  document: SectionDocument,
  strings: ReadonlyMap<string, string> = new Map(),
): ConnectorMetadata {
  const kinds = new Map<string, string[]>();
  const publishes = new Map<string, string[]>();
  for (const member of document.members) {
    for (const [attribute, found] of [
      ['DataSource.Kind', kinds],
      ['Publish', publishes],
    ] as const) {
      const field = fieldNamed(member.attributes, attribute);
      const value = field === undefined ? undefined : unwrapExpression(field.value);
      if (value?.kind !== 'TextLiteral') continue;
      const functions = found.get(value.value) ?? [];
      functions.push(member.name.name);
      found.set(value.value, functions);
    }
  }

  const version = fieldNamed(document.attributes, 'Version');
  const versionValue = version === undefined ? undefined : staticValueOf(version.value, strings);
  return {
    name: document.name.name,
    version: typeof versionValue === 'string' ? versionValue : null,
    dataSourceKinds: [...kinds].map(([name, functions]) => {
      const record = recordOfMember(document, name);
      const label = fieldNamed(record, 'Label');
      const labelValue = label === undefined ? undefined : staticValueOf(label.value, strings);
      const authentication = fieldNamed(record, 'Authentication');
      const authenticationRecord =
        authentication === undefined ? undefined : unwrapExpression(authentication.value);
      return {
        name,
        label: typeof labelValue === 'string' ? labelValue : null,
        authenticationKinds:
          authenticationRecord?.kind === 'RecordExpression'
            ? authenticationRecord.fields.map((field) => field.name.name)
            : null,
        functions,
      };
    }),
    publish: [...publishes].map(([member, functions]) => {
      const fields: [string, StaticValue][] = [];
      for (const field of recordOfMember(document, member)?.fields ?? []) {
        const value = staticValueOf(field.value, strings);
        if (value !== undefined) fields.push([field.name.name, value]);
      }
      return { member, functions, fields: Object.fromEntries(fields) };
    }),
  };
}

function recordOfMember(document: SectionDocument, name: string): RecordExpression | undefined {
  const member = memberNamed(document, name);
  const value = member === undefined ? undefined : unwrapExpression(member.value);
  return value?.kind === 'RecordExpression' ? value : undefined;
}
