/** A file of a connector: its name in the package (a relative path with `/`) and its bytes. */
export interface ConnectorFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * What a file of a connector project is, by its name (compared case-insensitively):
 *
 * - `section`: the connector's section document, `*.pq` or `*.m`;
 * - `module`: a module loaded with `Extension.Contents`, `*.pqm`;
 * - `icon`: `*.png`;
 * - `resources`: `resources*.resx` (`resources.resx` and its translations);
 * - `query`: a test query, `*.query.pq` or `*.parameterquery.pq`; never packaged;
 * - `test-settings`: `*.testsettings.json`; never packaged;
 * - `hidden`: a name that starts with `.`; never packaged;
 * - `other`: anything else (`README.md`, `*.proj`, …); never packaged, and ignored;
 * - `content`: an `other` file that the project's `.proj` lists as `<MezContent>` (such as a
 *   JSON document or a `client_id` file the connector reads with `Extension.Contents`); packaged.
 *   A name alone never gives this role: {@link fileRole} returns `other` for such a file.
 */
export type ProjectFileRole =
  | 'section'
  | 'module'
  | 'icon'
  | 'resources'
  | 'query'
  | 'test-settings'
  | 'hidden'
  | 'other'
  | 'content';

/** The roles of the files that go into a `.mez`. */
export const PACKAGED_ROLES: ReadonlySet<ProjectFileRole> = new Set<ProjectFileRole>([
  'section',
  'module',
  'icon',
  'resources',
  'content',
]);

/** The name of the resource file `Extension.LoadString` reads (compared case-insensitively). */
export const RESOURCES_FILE_NAME = 'resources.resx';

/**
 * The role of a project or package file, from the last segment of its name; see
 * {@link ProjectFileRole}.
 *
 * @example
 * ```ts
 * fileRole('HelloWorld.pq'); // 'section'
 * fileRole('HelloWorld.query.pq'); // 'query'
 * ```
 */
export function fileRole(name: string): ProjectFileRole {
  const base = (name.slice(name.lastIndexOf('/') + 1) || name).toLowerCase();
  if (base.startsWith('.')) return 'hidden';
  if (base.endsWith('.query.pq') || base.endsWith('.parameterquery.pq')) return 'query';
  if (base.endsWith('.testsettings.json')) return 'test-settings';
  if (base.endsWith('.pq') || base.endsWith('.m')) return 'section';
  if (base.endsWith('.pqm')) return 'module';
  if (base.endsWith('.png')) return 'icon';
  if (base.startsWith('resources') && base.endsWith('.resx')) return 'resources';
  return 'other';
}

/** True for the name of the neutral resource file, `resources.resx`, in any case. */
export function isResourcesFileName(name: string): boolean {
  return name.toLowerCase() === RESOURCES_FILE_NAME;
}
