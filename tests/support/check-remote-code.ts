/**
 * `npm run check:remote-code`: fails when a built package refers to code hosted on the web.
 * The Chrome Web Store rejects MV3 packages with remotely hosted code, and Waymark promises
 * that nothing leaves the machine. Run after both builds; prints each file and URL found.
 *
 * Looks in every .js/.mjs/.html/.json file for: an http(s) URL of a .js/.mjs/.wasm file, a
 * <script src="http…">, and import()/import … from/importScripts() of an http(s) URL.
 * Nothing is allow-listed: a library that needs such a URL gets it removed at build time
 * (lib/build/no-remote-code.ts).
 *
 * Usage: tsx tests/support/check-remote-code.ts [dir …] (default: both builds in $WAYMARK_OUT or .output)
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

const out = process.env.WAYMARK_OUT ?? '.output';
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(out, 'chrome-mv3'), join(out, 'firefox-mv3')];

const SCANNED = new Set(['.js', '.mjs', '.html', '.json']);
const REMOTE_CODE: [string, RegExp][] = [
  ['script URL', /https?:\/\/[^\s"'`<>()\\]+?\.(?:m?js|wasm)(?=[?#"'`\s)\\]|$)/g],
  ['<script src>', /<script\b[^>]*?\bsrc\s*=\s*["'`]?\s*https?:[^\s"'`>]*/gi],
  ['import()', /\bimport\s*\(\s*["'`]https?:[^"'`]*/g],
  ['import from', /\bimport\b[^;"'`]*?\bfrom\s*["'`]https?:[^"'`]*/g],
  ['importScripts()', /\bimportScripts\s*\(\s*["'`]https?:[^"'`]*/g],
];

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && SCANNED.has(extname(e.name))).map((e) => join(e.parentPath, e.name));
}

/** Each remote-code reference in a file's text: what kind, and the URL (shortened). */
export function remoteCodeIn(text: string): string[] {
  const found = new Set<string>();
  for (const [kind, pattern] of REMOTE_CODE) {
    for (const match of text.matchAll(pattern)) found.add(`${kind}: ${match[0].slice(0, 200)}`);
  }
  return [...found];
}

let problems = 0;
for (const dir of dirs.map((d) => resolve(d))) {
  const files = await filesIn(dir).catch(() => []);
  if (files.length === 0) {
    console.log(`${dir}: no built files (run the build first)`);
    problems++;
    continue;
  }
  let here = 0;
  for (const file of files) {
    for (const finding of remoteCodeIn(await readFile(file, 'utf8'))) {
      console.log(`  ${file}: ${finding}`);
      here++;
    }
  }
  console.log(`${dir}: ${files.length} files, ${here} references to remotely hosted code`);
  problems += here;
}
if (problems > 0) process.exitCode = 1;
