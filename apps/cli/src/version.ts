import { readFileSync } from 'node:fs';

/**
 * The version of the CLI, from its `package.json` (which sits beside both `src/` and `dist/`).
 */
export function readVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const manifest: unknown = JSON.parse(text);
  if (
    typeof manifest === 'object' &&
    manifest !== null &&
    'version' in manifest &&
    typeof manifest.version === 'string'
  ) {
    return manifest.version;
  }
  throw new Error('the package.json of @pqsdk/cli has no version');
}
