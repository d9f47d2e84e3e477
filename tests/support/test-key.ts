/**
 * A fixed extension id for the browser the tests drive: Chromium lets an extension named by
 * `--allowlisted-extension-id` capture a tab (`chrome.tabCapture`) without the user's click on
 * its toolbar button, headless too. The id comes from the manifest's `key`, so the test copy of
 * the build gets this public key (the shipped build has none: the store gives it its id). Only
 * the public half is here; nothing is signed with it.
 */
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjLJC12VbODtEC5PTmRAFL4MeYLJbnc2xHnoA55GBweLKE19KtQPu3Re14eDeQpzqhhzNyf8M1rKjyC9s2/vEtWjR8o9SaKtFzElFYd2FXAkWRihsctbTkOf1YZJjhoQxNtFbrr0i/sOMn3Eb6C/VaUORmepnO3rA1uzhyJCfWW6e5SUC9gGOXJ0e/e+hWpgQYCXOYXZjEt4z0gsxfRSwHvMP9z7pKmZo99V1+3GJJAqSgD6CRKTD4NMTpNMfhMQWLzUWJtfGLxMzRPbSRZA4qQMzF8yue//dbV4+YqmMY6/TgFtKEKpvgjq2fmzjS2KzU8bWP/GPlVXJXbPU7ZAhGQIDAQAB';

/** Chromium's id for a key: the first 32 hex digits of its SHA-256, written with the letters a–p. */
export function extensionIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export const TEST_EXTENSION_ID = extensionIdOf(TEST_KEY);

/** Copies the build to `dir` with the test key in its manifest; returns `dir`. */
export async function keyedCopy(buildDir: string, dir: string): Promise<string> {
  await cp(buildDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: TEST_KEY }));
  return dir;
}
