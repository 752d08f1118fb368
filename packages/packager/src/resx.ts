import { decodeText } from './text-decoding.js';
import {
  attributeOf,
  childElements,
  parseXmlStrictly,
  pickPosition,
  positionOf,
  type XmlPosition,
} from './xml.js';

/** A problem found in a `.resx` file, with its position when there is one. */
export type ResxProblem = { readonly message: string } & XmlPosition;

/** What {@link readResx} found in a `.resx` file. */
export interface Resx {
  /** The `<data name="…"><value>…</value></data>` entries, by name, in file order. */
  readonly entries: ReadonlyMap<string, string>;
  /** Every problem, in file order; empty for a good file. */
  readonly problems: readonly ResxProblem[];
  /** False when the file could not be read at all (not text, not XML, or no `<root>`). */
  readonly readable: boolean;
}

/**
 * Reads a .NET resource file (`resources.resx`), the strings a connector reads with
 * `Extension.LoadString`. The file must be well-formed XML (UTF-8, or UTF-16 with a byte-order
 * mark) with a `<root>` element; each `<data>` child needs a unique `name`, and its value is the
 * text of its `<value>` child (empty when there is none). Header elements (`<resheader>`) and
 * schemas are ignored.
 *
 * @example
 * ```ts
 * const { entries, problems } = readResx(readFileSync('resources.resx'));
 * entries.get('ButtonTitle'); // "Hello World"
 * ```
 */
export function readResx(bytes: Uint8Array): Resx {
  const text = decodeText(bytes);
  if (text === undefined) {
    return {
      entries: new Map(),
      problems: [{ message: 'the file is not valid UTF-8 or UTF-16 text' }],
      readable: false,
    };
  }
  const parsed = parseXmlStrictly(text);
  if (!parsed.ok) {
    return {
      entries: new Map(),
      problems: [{ message: parsed.message, ...pickPosition(parsed) }],
      readable: false,
    };
  }
  const root = parsed.document.documentElement;
  if (root?.localName !== 'root' || root.namespaceURI !== null) {
    return {
      entries: new Map(),
      problems: [
        {
          message: `the top element must be <root>, as in every .resx file, not <${root?.nodeName ?? ''}>`,
          ...(root === null ? {} : positionOf(root)),
        },
      ],
      readable: false,
    };
  }
  const entries = new Map<string, string>();
  const problems: ResxProblem[] = [];
  for (const data of childElements(root)) {
    if (data.localName !== 'data' || data.namespaceURI !== null) continue;
    const name = attributeOf(data, 'name');
    if (name === undefined || name === '') {
      problems.push({ message: '<data> without a name attribute', ...positionOf(data) });
      continue;
    }
    if (entries.has(name)) {
      problems.push({ message: `a second <data> named "${name}"`, ...positionOf(data) });
      continue;
    }
    const value = childElements(data).find(
      (child) => child.localName === 'value' && child.namespaceURI === null,
    );
    entries.set(name, value?.textContent ?? '');
  }
  return { entries, problems, readable: true };
}
