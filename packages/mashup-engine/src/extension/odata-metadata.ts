import type { Element } from '@xmldom/xmldom';
import { childElements, localNameOf, parseXml } from './xml-parse.js';

/**
 * The parts of an OData v4 service's `$metadata` (CSDL XML) that `OData.Feed` uses: the structural
 * properties and keys of entity and complex types (base types included), enumeration types, the
 * entity container's entity sets, singletons and function imports, and the functions' parameters
 * and return types. Type names are kept namespace-qualified (aliases resolved), and collection
 * types as `Collection(<name>)`.
 */

/** A structural property. */
export interface EdmProperty {
  readonly name: string;
  /** `Edm.Int32`, `Greenhouse.Address`, `Collection(Edm.String)`, … */
  readonly type: string;
  readonly nullable: boolean;
}

/** An entity or complex type. */
export interface EdmStructuredType {
  readonly name: string;
  /** Its properties, those of its base types first. */
  readonly properties: readonly EdmProperty[];
  /** Its key's property names (entity types; the base type's when it declares none). */
  readonly key: readonly string[];
  /** Whether it is an open type. */
  readonly open: boolean;
}

/** A parameter of a function. */
export interface EdmParameter {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

/** A function (unbound functions are what function imports name). */
export interface EdmFunction {
  readonly name: string;
  readonly parameters: readonly EdmParameter[];
  readonly returnType: string | undefined;
}

/** A member of the entity container. */
export interface EdmContainerMember {
  readonly kind: 'EntitySet' | 'Singleton' | 'FunctionImport';
  readonly name: string;
  /** The entity type (entity sets and singletons) or the function (function imports). */
  readonly target: string;
}

/** What `OData.Feed` knows of a service's model. */
export interface EdmModel {
  readonly entityTypes: ReadonlyMap<string, EdmStructuredType>;
  readonly complexTypes: ReadonlyMap<string, EdmStructuredType>;
  readonly enumTypes: ReadonlySet<string>;
  readonly functions: ReadonlyMap<string, EdmFunction>;
  readonly container: readonly EdmContainerMember[];
}

interface RawType {
  readonly name: string;
  readonly baseType: string | undefined;
  readonly properties: EdmProperty[];
  readonly key: string[];
  readonly open: boolean;
}

function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
}

/** Finds elements with a local name among the descendants of `root`, in document order. */
function descendants(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (element: Element): void => {
    for (const child of childElements(element)) {
      if (localNameOf(child) === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Reads a CSDL document. A document that is not CSDL gives an empty model. */
export function parseMetadata(text: string): EdmModel {
  const document = parseXml(text, 'OData.Feed');
  const root = document.documentElement;
  const entityTypes = new Map<string, EdmStructuredType>();
  const complexTypes = new Map<string, EdmStructuredType>();
  const enumTypes = new Set<string>();
  const functions = new Map<string, EdmFunction>();
  const container: EdmContainerMember[] = [];
  if (root === null) return { entityTypes, complexTypes, enumTypes, functions, container };

  const schemas = descendants(root, 'Schema');
  const aliases = new Map<string, string>();
  for (const schema of schemas) {
    const namespace = attribute(schema, 'Namespace') ?? '';
    const alias = attribute(schema, 'Alias');
    if (alias !== undefined) aliases.set(alias, namespace);
  }
  const qualify = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection !== null) return `Collection(${qualify(collection[1] ?? '')})`;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const prefix = name.slice(0, dot);
    const namespace = aliases.get(prefix);
    return namespace === undefined ? name : `${namespace}${name.slice(dot)}`;
  };

  const rawEntities = new Map<string, RawType>();
  const rawComplex = new Map<string, RawType>();
  for (const schema of schemas) {
    const namespace = attribute(schema, 'Namespace') ?? '';
    for (const element of childElements(schema)) {
      const kind = localNameOf(element);
      const name = attribute(element, 'Name') ?? '';
      const qualified = `${namespace}.${name}`;
      if (kind === 'EntityType' || kind === 'ComplexType') {
        const raw: RawType = {
          name: qualified,
          baseType: ((base) => (base === undefined ? undefined : qualify(base)))(
            attribute(element, 'BaseType'),
          ),
          properties: childElements(element)
            .filter((child) => localNameOf(child) === 'Property')
            .map((child) => ({
              name: attribute(child, 'Name') ?? '',
              type: qualify(attribute(child, 'Type') ?? 'Edm.String'),
              nullable: attribute(child, 'Nullable') !== 'false',
            })),
          key: childElements(element)
            .filter((child) => localNameOf(child) === 'Key')
            .flatMap((key) => childElements(key))
            .filter((child) => localNameOf(child) === 'PropertyRef')
            .map((child) => attribute(child, 'Name') ?? ''),
          open: attribute(element, 'OpenType') === 'true',
        };
        (kind === 'EntityType' ? rawEntities : rawComplex).set(qualified, raw);
      } else if (kind === 'EnumType') {
        enumTypes.add(qualified);
      } else if (kind === 'Function' && attribute(element, 'IsBound') !== 'true') {
        const returnType = childElements(element).find(
          (child) => localNameOf(child) === 'ReturnType',
        );
        const returnName = returnType === undefined ? undefined : attribute(returnType, 'Type');
        if (!functions.has(qualified)) {
          functions.set(qualified, {
            name: qualified,
            parameters: childElements(element)
              .filter((child) => localNameOf(child) === 'Parameter')
              .map((child) => ({
                name: attribute(child, 'Name') ?? '',
                type: qualify(attribute(child, 'Type') ?? 'Edm.String'),
                nullable: attribute(child, 'Nullable') !== 'false',
              })),
            returnType: returnName === undefined ? undefined : qualify(returnName),
          });
        }
      } else if (kind === 'EntityContainer') {
        for (const member of childElements(element)) {
          const memberKind = localNameOf(member);
          const memberName = attribute(member, 'Name') ?? '';
          if (memberKind === 'EntitySet') {
            container.push({
              kind: 'EntitySet',
              name: memberName,
              target: qualify(attribute(member, 'EntityType') ?? ''),
            });
          } else if (memberKind === 'Singleton') {
            container.push({
              kind: 'Singleton',
              name: memberName,
              target: qualify(attribute(member, 'Type') ?? ''),
            });
          } else if (memberKind === 'FunctionImport') {
            container.push({
              kind: 'FunctionImport',
              name: memberName,
              target: qualify(attribute(member, 'Function') ?? ''),
            });
          }
        }
      }
    }
  }

  const resolve = (
    raws: ReadonlyMap<string, RawType>,
    into: Map<string, EdmStructuredType>,
  ): void => {
    const build = (name: string, seen: Set<string>): EdmStructuredType | undefined => {
      const known = into.get(name);
      if (known !== undefined) return known;
      const raw = raws.get(name);
      if (raw === undefined || seen.has(name)) return undefined;
      seen.add(name);
      const base = raw.baseType === undefined ? undefined : build(raw.baseType, seen);
      const type: EdmStructuredType = {
        name,
        properties: [...(base?.properties ?? []), ...raw.properties],
        key: raw.key.length > 0 ? raw.key : (base?.key ?? []),
        open: raw.open || (base?.open ?? false),
      };
      into.set(name, type);
      return type;
    };
    for (const name of raws.keys()) build(name, new Set());
  };
  resolve(rawEntities, entityTypes);
  resolve(rawComplex, complexTypes);
  return { entityTypes, complexTypes, enumTypes, functions, container };
}
