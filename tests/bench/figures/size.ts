/**
 * What a recorded page pays: the scripts the extension puts into pages, gzipped, and whether
 * any heavy library got bundled into them (they belong in extension pages only). Robust to
 * either layout: scripts the manifest declares for every page (`content_scripts`), everything
 * in the build's `content-scripts/` folder, and the unlisted scripts the background injects
 * with `scripting.executeScript` (INJECTED_SCRIPTS: keep it in step with the background).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../report';

// Strings that survive minification (error texts, class or property names) in each library.
const HEAVY_LIBRARIES: Record<string, RegExp> = {
  React: /Minified React error|__REACT_DEVTOOLS_GLOBAL_HOOK__|react\.transitional\.element/,
  html2canvas: /html2canvas/i,
  Readability: /_grabArticle|readability-score|Readability/,
  jsPDF: /jsPDF|jspdf/,
};

/**
 * Unlisted scripts (defineUnlistedScript) the background injects into pages: the recorder,
 * into every frame of a recorded tab; and scripts injected once per guide, reported apart
 * (page-context.js runs Readability once on the page a new guide starts on).
 */
export const INJECTED_SCRIPTS = ['recorder.js'];
export const ONCE_PER_GUIDE_SCRIPTS = ['page-context.js'];

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: unknown[];
}

export async function contentScriptFigures(buildDir: string): Promise<Figure[]> {
  const files = await pageScripts(buildDir);
  if (!files.length) throw new Error(`no script for pages found in ${buildDir} (manifest content_scripts, content-scripts/, ${INJECTED_SCRIPTS.join(', ')})`);
  const sources = await Promise.all(files.map((f) => readFile(join(buildDir, f))));
  const gzipped = sources.reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
  const raw = sources.reduce((sum, s) => sum + s.length, 0);
  const text = sources.map((s) => s.toString('utf8')).join('\n');
  const once = ONCE_PER_GUIDE_SCRIPTS.filter((f) => existsSync(join(buildDir, f)));
  const onceGzipped = (await Promise.all(once.map((f) => readFile(join(buildDir, f))))).reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
  const found = Object.entries(HEAVY_LIBRARIES)
    .filter(([, signature]) => signature.test(text))
    .map(([name]) => name);
  return [
    {
      id: 'contentScriptGzipKB',
      name: 'Content script size (gzip)',
      unit: 'KB',
      value: gzipped / 1024,
      budgets: [{ on: 'value', kind: 'max', limit: 30 }],
      note: `${files.join(', ')}: ${(raw / 1024).toFixed(1)} KB raw`,
    },
    {
      id: 'heavyLibsInContentScript',
      name: 'Heavy libraries in every page',
      unit: 'libs',
      value: found.length,
      budgets: [{ on: 'value', kind: 'max', limit: 0 }],
      note: found.length ? `found: ${found.join(', ')}` : 'none of React, html2canvas, Readability, jsPDF',
    },
    {
      id: 'oncePerGuideScriptsGzipKB',
      name: 'Scripts injected once per new guide (gzip)',
      unit: 'KB',
      value: onceGzipped / 1024,
      note: once.length ? `${once.join(', ')} (Readability, on the first page only)` : 'none',
    },
  ];
}

/** Every script of the build that runs in web pages, as paths relative to the build. */
async function pageScripts(buildDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const folder = join(buildDir, 'content-scripts');
  const inFolder = existsSync(folder)
    ? (await readdir(folder, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.js'))
        .map((e) => relative(buildDir, join(e.parentPath, e.name)))
    : [];
  const injected = INJECTED_SCRIPTS.filter((f) => existsSync(join(buildDir, f)));
  return [...new Set([...declared, ...inFolder, ...injected].map((f) => f.replace(/^\//, '').split('\\').join('/')))].sort();
}
