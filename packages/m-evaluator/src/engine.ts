import type { Document, Expression, SectionDocument } from '@pqsdk/m-ast';
import { parse, type Diagnostic } from '@pqsdk/m-parser';
import { Compiler, type GlobalBinding, type Globals } from './compile/compiler.js';
import { readSlot, rootFrame, type Compiled, type Frame } from './compile/frame.js';
import { Scope } from './compile/scope.js';
import { Context, type EvaluationOptions } from './context.js';
import { EvaluationAbortedError, MError } from './errors.js';
import type { LibraryEntry } from './library/define.js';
import { NativeFunction } from './library/native-function.js';
import { STANDARD_LIBRARY } from './library/standard-library.js';
import { RecordLayout, RecordValue } from './values/record.js';
import { Thunk, type Slot } from './values/thunk.js';
import type { Value } from './values/value.js';

/** A member of a loaded section document. */
export interface SectionMember {
  readonly name: string;
  readonly shared: boolean;
  /** The member's literal attributes (`[DataSource.Kind = "X", Publish = "X.Publish"]`), or null. */
  readonly attributes: RecordValue | null;
}

/**
 * A section document loaded into an engine: compiled once; its members are evaluated lazily, once
 * per evaluation, in that evaluation's context.
 */
export class LoadedSection {
  readonly #compiled: readonly Compiled[];
  readonly #index: ReadonlyMap<string, number>;

  constructor(
    readonly name: string,
    /** The section's literal attributes, or null. */
    readonly attributes: RecordValue | null,
    readonly members: readonly SectionMember[],
    compiled: readonly Compiled[],
  ) {
    this.#compiled = compiled;
    this.#index = new Map(members.map((member, index) => [member.name, index + 1]));
  }

  /** The member's slot index in the section's frame, or undefined. */
  indexOf(name: string): number | undefined {
    return this.#index.get(name);
  }

  /** The section's frame in an evaluation: a lazy binding per member, made on first use. */
  frame(ctx: Context): Frame {
    const existing = ctx.cache.get(this) as Frame | undefined;
    if (existing !== undefined) return existing;
    const frame: Frame = rootFrame();
    this.#compiled.forEach((compiled, index) => {
      frame[index + 1] = new Thunk(() => compiled(frame, ctx));
    });
    ctx.cache.set(this, frame);
    return frame;
  }

  /** The value of a member in an evaluation. */
  value(ctx: Context, name: string): Value {
    const index = this.#index.get(name);
    if (index === undefined) {
      throw MError.expression(`The section member '${this.name}!${name}' wasn't found.`, name);
    }
    return readSlot(this.frame(ctx), index);
  }

  /** The members as a record of lazy values (`#sections`). */
  record(ctx: Context): RecordValue {
    const frame = this.frame(ctx);
    return new RecordValue(
      RecordLayout.of(this.members.map((member) => member.name)),
      this.members.map((_member, index) => frame[index + 1] as Slot),
    );
  }
}

/** Options of an {@link Engine}. */
export interface EngineOptions {
  /** The library entries, by default the whole standard library. */
  readonly library?: readonly LibraryEntry[];
}

/** How `Expression.Evaluate` and `#shared` reach the engine from library code. */
export interface EvaluationHost {
  /** Evaluates M text in an environment record (or in the engine's global environment). */
  evaluateText(ctx: Context, text: string, environment: RecordValue | null): Value;
  /** `#shared`: every global name and its value. */
  sharedRecord(ctx: Context): RecordValue;
}

const STACK_OVERFLOW = 'Evaluation resulted in a stack overflow and cannot continue.';

/**
 * An M engine: the standard library, the sections loaded into it, and evaluation. Engines share
 * nothing: two engines in one process never see each other's sections.
 *
 * @example
 * ```ts
 * const engine = new Engine();
 * engine.evaluate('List.Sum({1, 2, 3})'); // 6
 * ```
 */
export class Engine implements EvaluationHost {
  readonly #entries: readonly LibraryEntry[];
  #library: Map<string, Slot> | undefined;
  /** Library values made per evaluation (`Culture.Current`), by name. */
  #contextual: Map<string, (ctx: Context) => Value> | undefined;
  readonly #sections = new Map<string, LoadedSection>();
  /** Shared members of loaded sections, by name, visible to every later evaluation. */
  readonly #shared = new Map<string, LoadedSection[]>();
  readonly #globals: Globals;

  constructor(options: EngineOptions = {}) {
    this.#entries = options.library ?? STANDARD_LIBRARY;
    this.#globals = {
      global: (name) => this.#global(name),
      sectionMember: (sectionName, member) => {
        const section = this.#sections.get(sectionName);
        if (section?.indexOf(member) === undefined) return undefined;
        return { dynamic: (ctx) => section.value(ctx, member) };
      },
    };
  }

  /** The library: every name and its value (made on first use). */
  get library(): ReadonlyMap<string, Slot> {
    return this.#build().library;
  }

  /** The library values made per evaluation, by name. */
  get #contextualValues(): ReadonlyMap<string, (ctx: Context) => Value> {
    return this.#build().contextual;
  }

  /** Makes the library from its entries, once; a later entry replaces an earlier one's name. */
  #build(): {
    library: Map<string, Slot>;
    contextual: Map<string, (ctx: Context) => Value>;
  } {
    if (this.#library !== undefined && this.#contextual !== undefined) {
      return { library: this.#library, contextual: this.#contextual };
    }
    const library = new Map<string, Slot>();
    const contextual = new Map<string, (ctx: Context) => Value>();
    for (const entry of this.#entries) {
      switch (entry.kind) {
        case 'function':
          library.set(entry.name, new NativeFunction(entry));
          contextual.delete(entry.name);
          break;
        case 'constant': {
          const value = entry.value;
          library.set(entry.name, typeof value === 'function' ? new Thunk(value) : value);
          contextual.delete(entry.name);
          break;
        }
        case 'contextual':
          library.delete(entry.name);
          contextual.set(entry.name, contextValue(entry.value));
          break;
      }
    }
    this.#library = library;
    this.#contextual = contextual;
    return { library, contextual };
  }

  /** The sections loaded so far. */
  get sections(): ReadonlyMap<string, LoadedSection> {
    return this.#sections;
  }

  #global(name: string): GlobalBinding | undefined {
    if (name === '#shared') return { dynamic: (ctx) => this.sharedRecord(ctx) };
    if (name === '#sections') return { dynamic: (ctx) => this.#sectionsRecord(ctx) };
    const sections = this.#shared.get(name);
    if (sections !== undefined) return { dynamic: (ctx) => sharedValue(sections, ctx, name) };
    const slot = this.library.get(name);
    if (slot !== undefined) return { constant: slot };
    const contextual = this.#contextualValues.get(name);
    return contextual === undefined ? undefined : { dynamic: contextual };
  }

  /** A context for an evaluation (the clock, culture, limits and tracer of `options`). */
  createContext(options: EvaluationOptions = {}): Context {
    return new Context(options, this);
  }

  /**
   * Evaluates an expression document. Throws an {@link MError} for an M error (syntax errors are
   * `Expression.SyntaxError`), and {@link EvaluationAbortedError} when stopped.
   */
  evaluate(source: string | Expression, options: EvaluationOptions = {}): Value {
    return this.evaluateIn(this.createContext(options), source);
  }

  /** Evaluates an expression document in an existing context. */
  evaluateIn(ctx: Context, source: string | Expression): Value {
    return guard(() => {
      const expression = typeof source === 'string' ? parseExpression(source) : source;
      const compiled = new Compiler(this.#globals).expression(expression, undefined);
      return compiled(rootFrame(), ctx);
    });
  }

  /**
   * Loads a section document: its members become available as `Section!Member`, and its shared
   * members as globals of every later evaluation (and in `#shared`). Members are evaluated lazily.
   * A section loaded again under the same name replaces the earlier one.
   */
  loadSection(source: string | SectionDocument): LoadedSection {
    const document = typeof source === 'string' ? parseSection(source) : source;
    const scope = new Scope(
      undefined,
      document.members.map((member) => member.name.name),
      true,
    );
    const compiler = new Compiler(this.#globals);
    const literalContext = this.createContext();
    const literal = (expression: Expression | undefined): RecordValue | null =>
      expression === undefined
        ? null
        : (compiler.expression(expression, undefined)(rootFrame(), literalContext) as RecordValue);
    const compiled = document.members.map((member) => {
      scope.excluded = member.name.name;
      const result = compiler.expression(member.value, scope);
      scope.excluded = undefined;
      return result;
    });
    const section = new LoadedSection(
      document.name.name,
      literal(document.attributes),
      document.members.map((member) => ({
        name: member.name.name,
        shared: member.shared,
        attributes: literal(member.attributes),
      })),
      compiled,
    );
    const previous = this.#sections.get(section.name);
    if (previous !== undefined) {
      for (const member of previous.members) {
        const sections = this.#shared.get(member.name)?.filter((other) => other !== previous);
        if (sections === undefined) continue;
        if (sections.length === 0) this.#shared.delete(member.name);
        else this.#shared.set(member.name, sections);
      }
    }
    this.#sections.set(section.name, section);
    for (const member of section.members) {
      if (!member.shared) continue;
      const sections = this.#shared.get(member.name);
      if (sections === undefined) this.#shared.set(member.name, [section]);
      else sections.push(section);
    }
    return section;
  }

  evaluateText(ctx: Context, text: string, environment: RecordValue | null): Value {
    const expression = parseExpression(text);
    if (environment === null) return this.evaluateIn(ctx, expression);
    const globals: Globals = {
      global: (name) => {
        const index = environment.layout.indexOf(name);
        return index < 0 ? undefined : { constant: environment.slot(index) };
      },
      sectionMember: (section, member) => this.#globals.sectionMember(section, member),
    };
    const compiled = new Compiler(globals).expression(expression, undefined);
    return compiled(rootFrame(), ctx);
  }

  sharedRecord(ctx: Context): RecordValue {
    const names: string[] = [];
    const slots: Slot[] = [];
    for (const [name, slot] of this.library) {
      if (this.#shared.has(name)) continue;
      names.push(name);
      slots.push(slot);
    }
    for (const [name, value] of this.#contextualValues) {
      if (this.#shared.has(name)) continue;
      names.push(name);
      slots.push(new Thunk(() => value(ctx)));
    }
    for (const [name, sections] of this.#shared) {
      names.push(name);
      const [only] = sections;
      slots.push(
        sections.length === 1 && only !== undefined
          ? readSlotLazily(only, ctx, name)
          : new Thunk(() => sharedValue(sections, ctx, name)),
      );
    }
    return new RecordValue(RecordLayout.of(names), slots);
  }

  #sectionsRecord(ctx: Context): RecordValue {
    return RecordValue.of(
      [...this.#sections.values()].map((section) => [section.name, section.record(ctx)]),
    );
  }
}

/**
 * The value of a shared member: from its section, or, when several sections share the name, an
 * error (the spec: the name is ambiguous; `Section!Member` still reaches each definition).
 */
function sharedValue(sections: readonly LoadedSection[], ctx: Context, name: string): Value {
  const [only] = sections;
  if (sections.length === 1 && only !== undefined) return only.value(ctx, name);
  const where = sections.map((section) => section.name).join(', ');
  throw MError.expression(
    `The name '${name}' is shared by more than one section (${where}); use Section!${name} to say which.`,
  );
}

/** A per-context value, made once per context and kept in the context's cache. */
function contextValue(make: (ctx: Context) => Value): (ctx: Context) => Value {
  const key = {};
  return (ctx) => {
    const cached = ctx.cache.get(key) as Value | undefined;
    if (cached !== undefined) return cached;
    const value = make(ctx);
    ctx.cache.set(key, value);
    return value;
  };
}

function readSlotLazily(section: LoadedSection, ctx: Context, name: string): Slot {
  const index = section.indexOf(name) as number;
  return section.frame(ctx)[index] as Slot;
}

/**
 * Runs an evaluation step, turning a JavaScript stack overflow (and a string or array too large for
 * JavaScript) into the engine's M errors: a connector can never crash the host.
 */
export function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MError || error instanceof EvaluationAbortedError) throw error;
    if (error instanceof RangeError) {
      if (/call stack/i.test(error.message)) throw MError.expression(STACK_OVERFLOW);
      throw MError.expression(`The value is too large: ${error.message}.`);
    }
    throw error;
  }
}

function syntaxError(diagnostics: readonly Diagnostic[]): MError {
  const first = diagnostics[0];
  const where =
    first === undefined ? '' : ` (${String(first.span.line)},${String(first.span.column)})`;
  return MError.of(
    'Expression.SyntaxError',
    `${first?.message ?? 'The text could not be parsed.'}${where}`,
    diagnostics.length > 1 ? `${String(diagnostics.length)} problems in all` : null,
  );
}

/** Parses an expression document, or raises `Expression.SyntaxError`. */
export function parseExpression(text: string): Expression {
  const result = parse(text, { mode: 'expression' });
  const ast: Document | undefined = result.ast;
  if (!result.ok || ast?.kind !== 'ExpressionDocument') throw syntaxError(result.diagnostics);
  return ast.expression;
}

/** Parses a section document, or raises `Expression.SyntaxError`. */
export function parseSection(text: string): SectionDocument {
  const result = parse(text, { mode: 'section' });
  const ast: Document | undefined = result.ast;
  if (!result.ok || ast?.kind !== 'SectionDocument') throw syntaxError(result.diagnostics);
  return ast;
}
