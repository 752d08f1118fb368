import type { Node, SectionDocument } from '@pqsdk/m-ast';
import { parse } from '@pqsdk/m-parser';
import { problemAt, sortBuildProblems, type BuildProblem } from './build-problem.js';
import { fileRole, isResourcesFileName, type ConnectorFile } from './connector-files.js';
import { readResx } from './resx.js';
import { extensionCalls, fieldNamed, memberNamed, unwrapExpression } from './section-ast.js';
import { decodeText } from './text-decoding.js';

/**
 * Checks the files of a connector, as they will be (or are) in its package, and returns every
 * problem found, ordered by file and position (see `sortBuildProblems`). An empty list means the
 * connector can be packaged.
 *
 * - There is exactly one section document (`*.pq` or `*.m`, not a query file), and it parses as
 *   one; each `.pqm` module parses as an expression.
 * - Every `DataSource.Kind = "X"` member attribute names a member `X` of the section, and every
 *   `Publish = "Y"` names a member `Y` whose value is a record expression.
 * - Every `Extension.Contents("…")` with a text literal argument names a file of the package, and
 *   every `Extension.LoadString("…")` a string of `resources.resx`, in the section document and
 *   in the modules.
 * - Every `resources*.resx` is well-formed XML with named, unique `<data>` entries.
 *
 * @example
 * ```ts
 * const problems = validateConnectorFiles([{ name: 'A.pq', data: encode('section A; x = 1;') }]);
 * // []
 * ```
 */
export function validateConnectorFiles(files: readonly ConnectorFile[]): BuildProblem[] {
  const problems: BuildProblem[] = [];
  const names = new Set(files.map((file) => file.name));

  const sections = files.filter((file) => fileRole(file.name) === 'section');
  if (sections.length !== 1) {
    const found =
      sections.length === 0
        ? 'found none'
        : `found ${String(sections.length)}: ${sections.map((file) => file.name).join(', ')}`;
    problems.push({
      code: 'PQSDK_BUILD_SECTION_COUNT',
      message: `a connector has exactly one section document (.pq or .m, other than *.query.pq), ${found}`,
    });
  }

  let strings: ReadonlyMap<string, string> | undefined;
  let stringsReadable = true;
  for (const file of files) {
    if (fileRole(file.name) !== 'resources') continue;
    const resx = readResx(file.data);
    for (const problem of resx.problems) {
      problems.push({
        code: 'PQSDK_BUILD_BAD_RESX',
        message: problem.message,
        file: file.name,
        ...(problem.line === undefined ? {} : { line: problem.line }),
        ...(problem.column === undefined ? {} : { column: problem.column }),
      });
    }
    if (isResourcesFileName(file.name)) {
      strings = resx.entries;
      stringsReadable = resx.readable;
    }
  }

  const references: { file: string; root: Node }[] = [];
  for (const file of files) {
    const role = fileRole(file.name);
    if (role !== 'module' && !(role === 'section' && sections.length === 1)) continue;
    const text = decodeText(file.data);
    if (text === undefined) {
      problems.push({
        code: 'PQSDK_BUILD_NOT_TEXT',
        message: 'the file is not valid UTF-8 text; save it as UTF-8',
        file: file.name,
      });
      continue;
    }
    const result = parse(text, { mode: role === 'section' ? 'section' : 'expression' });
    for (const diagnostic of result.diagnostics) {
      problems.push(problemAt(diagnostic.code, diagnostic.message, file.name, diagnostic.span));
    }
    if (result.ast === undefined) continue;
    references.push({ file: file.name, root: result.ast });
    if (result.ast.kind === 'SectionDocument') {
      problems.push(...checkAttributes(result.ast, file.name));
    }
  }

  for (const { file, root } of references) {
    for (const call of extensionCalls(root)) {
      const key = call.argument.value;
      if (call.function === 'Extension.Contents') {
        if (!names.has(key)) {
          problems.push(
            problemAt(
              'PQSDK_BUILD_MISSING_FILE',
              missingFile(key, names),
              file,
              call.argument.span,
            ),
          );
        }
      } else if (strings === undefined) {
        problems.push(
          problemAt(
            'PQSDK_BUILD_MISSING_STRING',
            `Extension.LoadString("${key}") needs a resources.resx with a <data name="${key}">, and the connector has no resources.resx`,
            file,
            call.argument.span,
          ),
        );
      } else if (stringsReadable && !strings.has(key)) {
        problems.push(
          problemAt(
            'PQSDK_BUILD_MISSING_STRING',
            `resources.resx has no string named "${key}"; add <data name="${key}"><value>…</value></data>`,
            file,
            call.argument.span,
          ),
        );
      }
    }
  }
  return sortBuildProblems(problems);
}

function checkAttributes(document: SectionDocument, file: string): BuildProblem[] {
  const problems: BuildProblem[] = [];
  for (const member of document.members) {
    const kind = fieldNamed(member.attributes, 'DataSource.Kind');
    if (kind !== undefined) {
      const value = unwrapExpression(kind.value);
      if (value.kind !== 'TextLiteral') {
        problems.push(
          problemAt(
            'PQSDK_BUILD_BAD_ATTRIBUTE',
            `DataSource.Kind of ${member.name.name} must be a text literal naming the data source record, such as "${document.name.name}"`,
            file,
            kind.value.span,
          ),
        );
      } else if (memberNamed(document, value.value) === undefined) {
        problems.push(
          problemAt(
            'PQSDK_BUILD_UNKNOWN_DATA_SOURCE_KIND',
            `DataSource.Kind "${value.value}" of ${member.name.name} names no member of section ${document.name.name}; add the data source record: ${value.value} = [Authentication = […]];`,
            file,
            value.span,
          ),
        );
      }
    }
    const publish = fieldNamed(member.attributes, 'Publish');
    if (publish !== undefined) {
      const value = unwrapExpression(publish.value);
      if (value.kind !== 'TextLiteral') {
        problems.push(
          problemAt(
            'PQSDK_BUILD_BAD_ATTRIBUTE',
            `Publish of ${member.name.name} must be a text literal naming the publish record, such as "${member.name.name}.Publish"`,
            file,
            publish.value.span,
          ),
        );
        continue;
      }
      const target = memberNamed(document, value.value);
      if (target === undefined) {
        problems.push(
          problemAt(
            'PQSDK_BUILD_UNKNOWN_PUBLISH',
            `Publish "${value.value}" of ${member.name.name} names no member of section ${document.name.name}; add the publish record: ${value.value} = [Category = "Other", ButtonText = {…}];`,
            file,
            value.span,
          ),
        );
      } else if (unwrapExpression(target.value).kind !== 'RecordExpression') {
        problems.push(
          problemAt(
            'PQSDK_BUILD_PUBLISH_NOT_RECORD',
            `Publish "${value.value}" of ${member.name.name} names a member that is not a record expression (at ${String(target.span.line)}:${String(target.span.column)}); write it as [ … ]`,
            file,
            value.span,
          ),
        );
      }
    }
  }
  return problems;
}

function missingFile(name: string, names: ReadonlySet<string>): string {
  const other = [...names].find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (other !== undefined) {
    return `Extension.Contents("${name}") names no file of the package, which has "${other}"; names must match exactly`;
  }
  if (fileRole(name) === 'query' || fileRole(name) === 'other' || fileRole(name) === 'hidden') {
    return `Extension.Contents("${name}") names a file that is never packaged (only .pq/.m, .pqm, .png and resources*.resx are, and the files a .proj lists as <MezContent>)`;
  }
  return `Extension.Contents("${name}") names no file of the package; add ${name} to the project folder`;
}
