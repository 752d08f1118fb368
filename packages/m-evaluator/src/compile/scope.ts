/**
 * A scope at compile time: the names a construct binds (a `let`, a record expression, a section, a
 * function's parameters) and their slot indexes in the construct's run-time frame.
 */
export class Scope {
  readonly #slots = new Map<string, number>();
  /**
   * While the initializer of a binding is compiled, its own name is out of scope for exclusive
   * references (`x`); inclusive references (`@x`) still see it.
   */
  excluded: string | undefined;
  /** Whether any reference resolved to a binding of this scope (a frame is needed at run time). */
  used = false;

  constructor(
    readonly parent: Scope | undefined,
    names: readonly string[],
    /** Slots of lazy scopes hold thunks; parameter slots hold values. */
    readonly lazy: boolean,
  ) {
    names.forEach((name, index) => this.#slots.set(name, index + 1));
  }

  /** The slot index of a name in this scope, honouring the exclusion. */
  slotOf(name: string, inclusive: boolean): number | undefined {
    if (!inclusive && name === this.excluded) return undefined;
    return this.#slots.get(name);
  }

  get size(): number {
    return this.#slots.size;
  }
}

/** Where an identifier resolved. */
export type Resolution =
  | {
      readonly kind: 'local';
      readonly depth: number;
      readonly index: number;
      readonly lazy: boolean;
    }
  | { readonly kind: 'global'; readonly name: string }
  | { readonly kind: 'missing'; readonly name: string };

/** Resolves a name from the innermost scope outward. */
export function resolve(scope: Scope | undefined, name: string, inclusive: boolean): Resolution {
  let depth = 0;
  for (let current = scope; current !== undefined; current = current.parent) {
    const index = current.slotOf(name, inclusive);
    if (index !== undefined) {
      current.used = true;
      return { kind: 'local', depth, index, lazy: current.lazy };
    }
    depth++;
  }
  return { kind: 'global', name };
}
