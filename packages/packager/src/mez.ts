import type { ConnectorFile } from './connector-files.js';
import { writeZip, type WriteZipOptions } from './zip-writer.js';

/**
 * Writes a `.mez`: a zip of the connector's files, sorted by name (code units), reproducibly (see
 * `writeZip`: fixed time stamps, fixed compression, no platform-dependent fields). The same files
 * give byte-identical output whatever their order, machine or time zone.
 *
 * It packages the files as given; choose and check them first (`compileConnector` does both).
 *
 * @throws {@link ZipError} for a file name the safe reader would refuse, or two names that clash.
 */
export async function writeMez(
  files: readonly ConnectorFile[],
  options: WriteZipOptions = {},
): Promise<Uint8Array> {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return writeZip(sorted, options);
}
