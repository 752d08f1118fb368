import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { certificateToPem, createDevelopmentCertificate, type Certificate } from '@pqsdk/signer';
import { runCli } from './cli-harness.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The password of every test certificate; tests check it never shows in any output. */
export const PASSWORD = 'Test-Only-Passw0rd!';

/** Compiles the HelloWorld example with `pqsdk compile` into `cwd/out`; returns the `.mez` path. */
export async function compileHelloWorld(cwd: string): Promise<string> {
  const result = await runCli(['compile', join(EXAMPLES_DIR, 'HelloWorld'), '-d', 'out'], { cwd });
  if (result.code !== 0) throw new Error(result.stdout + result.stderr);
  return 'out/HelloWorld.mez';
}

/**
 * Compiles HelloWorld ({@link compileHelloWorld}) and packs it with `pqsdk pack` into
 * `cwd/HelloWorld.pqx`, signed with `<certificate>.pfx` when one is named; returns the `.pqx` path.
 */
export async function packHelloWorld(cwd: string, certificate?: string): Promise<string> {
  const mez = await compileHelloWorld(cwd);
  const signing = certificate === undefined ? [] : ['-c', `${certificate}.pfx`, '-p', PASSWORD];
  const packed = await runCli(['pack', '-mz', mez, ...signing, '-t', 'HelloWorld.pqx'], { cwd });
  if (packed.code !== 0) throw new Error(packed.stderr);
  return 'HelloWorld.pqx';
}

/** Writes a development certificate (2048-bit, for speed) as `<name>.pfx` and `<name>.pem`. */
export function writeCertificate(
  cwd: string,
  name: string,
  options: { subject?: string; now?: Date; days?: number } = {},
): Certificate {
  const made = createDevelopmentCertificate({
    subject: options.subject ?? `CN=${name} (test)`,
    password: PASSWORD,
    keySize: 2048,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.days === undefined ? {} : { days: options.days }),
  });
  writeFileSync(join(cwd, `${name}.pfx`), made.pkcs12);
  writeFileSync(join(cwd, `${name}.pem`), certificateToPem(made.certificate));
  return made.certificate;
}

/** Every file under a folder, relative paths, sorted: to check that nothing was written. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}
