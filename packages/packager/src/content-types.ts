import { OpcError } from './errors.js';
import { CONTENT_TYPES_ITEM_NAME, CONTENT_TYPES_NAMESPACE } from './opc-constants.js';
import { checkPartName, normalizePartName, partExtension, partNameKey } from './part-name.js';
import { escapeXmlAttribute, XML_DECLARATION } from './xml-writing.js';
import { attributeOf, childElements, parseXmlStrictly, positionOf, strayText } from './xml.js';
import type { XmlPosition } from './xml.js';

/** `<Default Extension="png" ContentType="image/png"/>`: the type of every part with an extension. */
export interface ContentTypeDefault {
  /** The extension, without the dot; matched case-insensitively. */
  readonly extension: string;
  readonly contentType: string;
}

/** `<Override PartName="/x" ContentType="…"/>`: the type of one part, whatever its extension. */
export interface ContentTypeOverride {
  readonly partName: string;
  readonly contentType: string;
}

/** The content of `[Content_Types].xml`. */
export interface ContentTypes {
  /** In the order of the file (written sorted by extension). */
  readonly defaults: readonly ContentTypeDefault[];
  /** In the order of the file (written sorted by part name). */
  readonly overrides: readonly ContentTypeOverride[];
}

/**
 * The content type of a part: its `Override` if there is one, else the `Default` for its extension
 * (both matched case-insensitively, as OPC requires); undefined when neither applies.
 */
export function contentTypeFor(contentTypes: ContentTypes, partName: string): string | undefined {
  const key = partNameKey(partName);
  const override = contentTypes.overrides.find((entry) => partNameKey(entry.partName) === key);
  if (override !== undefined) return override.contentType;
  const extension = partExtension(partName);
  if (extension === '') return undefined;
  return contentTypes.defaults.find((entry) => entry.extension.toLowerCase() === extension)
    ?.contentType;
}

/**
 * The content types for a set of parts, with as few entries as possible: for each extension, a
 * `Default` with its most common content type (ties go to the first in code-unit order), and an
 * `Override` for each part whose type differs or that has no extension.
 */
export function buildContentTypes(
  parts: readonly { readonly name: string; readonly contentType: string }[],
): ContentTypes {
  const byExtension = new Map<string, Map<string, number>>();
  for (const part of parts) {
    const extension = partExtension(part.name);
    if (extension === '') continue;
    const counts = byExtension.get(extension) ?? new Map<string, number>();
    counts.set(part.contentType, (counts.get(part.contentType) ?? 0) + 1);
    byExtension.set(extension, counts);
  }
  const defaults: ContentTypeDefault[] = [];
  for (const [extension, counts] of [...byExtension].sort(([a], [b]) => compareText(a, b))) {
    const [best] = [...counts].sort(
      ([typeA, countA], [typeB, countB]) => countB - countA || compareText(typeA, typeB),
    );
    if (best !== undefined) defaults.push({ extension, contentType: best[0] });
  }
  const overrides: ContentTypeOverride[] = [];
  for (const part of parts) {
    const extension = partExtension(part.name);
    const fallback = defaults.find((entry) => entry.extension === extension)?.contentType;
    if (fallback !== part.contentType) {
      overrides.push({ partName: normalizePartName(part.name), contentType: part.contentType });
    }
  }
  overrides.sort((a, b) => compareText(a.partName, b.partName));
  return { defaults, overrides };
}

/** Writes `[Content_Types].xml`: the declaration, then one element per line, in the given order. */
export function serializeContentTypes(contentTypes: ContentTypes): string {
  const lines = [XML_DECLARATION, `<Types xmlns="${CONTENT_TYPES_NAMESPACE}">`];
  for (const entry of contentTypes.defaults) {
    lines.push(
      `  <Default Extension="${escapeXmlAttribute(entry.extension)}" ContentType="${escapeXmlAttribute(entry.contentType)}"/>`,
    );
  }
  for (const entry of contentTypes.overrides) {
    lines.push(
      `  <Override PartName="${escapeXmlAttribute(entry.partName)}" ContentType="${escapeXmlAttribute(entry.contentType)}"/>`,
    );
  }
  lines.push('</Types>', '');
  return lines.join('\n');
}

/**
 * Reads `[Content_Types].xml`: a `<Types>` element in the content-types namespace holding only
 * `<Default Extension ContentType>` and `<Override PartName ContentType>` elements, with valid
 * media types, valid part names, and no extension or part name given twice.
 *
 * @throws {@link OpcError} `PQSDK_OPC_BAD_CONTENT_TYPES`, with the line and column of the problem.
 */
export function parseContentTypes(text: string): ContentTypes {
  const parsed = parseXmlStrictly(text);
  if (!parsed.ok) throw bad(parsed.message, parsed);
  const root = parsed.document.documentElement;
  if (root === null) throw bad('it has no root element', {});
  if (root.localName !== 'Types' || root.namespaceURI !== CONTENT_TYPES_NAMESPACE) {
    throw bad(
      `the root element must be <Types xmlns="${CONTENT_TYPES_NAMESPACE}">`,
      positionOf(root),
    );
  }
  const stray = strayText(root);
  if (stray !== undefined) throw bad('<Types> cannot hold text', positionOf(stray));

  const defaults: ContentTypeDefault[] = [];
  const overrides: ContentTypeOverride[] = [];
  const extensions = new Set<string>();
  const partNames = new Set<string>();
  for (const element of childElements(root)) {
    const position = positionOf(element);
    if (element.namespaceURI !== CONTENT_TYPES_NAMESPACE) {
      throw bad(`unexpected element <${element.nodeName}>`, position);
    }
    if (element.localName !== 'Default' && element.localName !== 'Override') {
      throw bad(`unexpected element <${element.nodeName}>`, position);
    }
    const contentType = attributeOf(element, 'ContentType');
    if (contentType === undefined || !isMediaType(contentType)) {
      throw bad(
        `<${element.localName}> needs a ContentType that is a media type such as "image/png"`,
        position,
      );
    }
    if (element.localName === 'Default') {
      const extension = attributeOf(element, 'Extension');
      if (extension === undefined || extension === '' || /[/\\.]/.test(extension)) {
        throw bad('<Default> needs an Extension without dots or slashes, such as "png"', position);
      }
      if (extensions.has(extension.toLowerCase())) {
        throw bad(`extension "${extension}" has two <Default> elements`, position);
      }
      extensions.add(extension.toLowerCase());
      defaults.push({ extension, contentType });
    } else {
      const partName = attributeOf(element, 'PartName');
      const problem = partName === undefined ? 'it is missing' : checkPartName(partName);
      if (partName === undefined || problem !== undefined) {
        throw bad(`<Override> has a bad PartName: ${problem ?? ''}`, position);
      }
      if (partNames.has(partNameKey(partName))) {
        throw bad(`part ${partName} has two <Override> elements`, position);
      }
      partNames.add(partNameKey(partName));
      overrides.push({ partName, contentType });
    }
  }
  return { defaults, overrides };
}

/**
 * True for a media type as OPC content types allow it (RFC 2616 §3.7, without white space):
 * `type/subtype`, optionally followed by `;name=value` parameters.
 */
export function isMediaType(value: string): boolean {
  const token = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
  const parameter = `;${token}=(?:${token}|"[^"\\\\]*")`;
  return new RegExp(`^${token}/${token}(?:${parameter})*$`).test(value);
}

function bad(message: string, position: XmlPosition): OpcError {
  const where =
    position.line === undefined
      ? CONTENT_TYPES_ITEM_NAME
      : `${CONTENT_TYPES_ITEM_NAME}:${String(position.line)}:${String(position.column ?? 1)}`;
  return new OpcError('PQSDK_OPC_BAD_CONTENT_TYPES', `${where}: ${message}`, {
    entry: CONTENT_TYPES_ITEM_NAME,
  });
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
