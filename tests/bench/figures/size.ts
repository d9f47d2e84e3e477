/**
 * What every page pays: the content scripts the manifest injects into every frame, gzipped,
 * and whether any heavy library got bundled into them (they belong in extension pages only).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../report';

// Strings that survive minification (error texts, class or property names) in each library.
const HEAVY_LIBRARIES: Record<string, RegExp> = {
  React: /Minified React error|__REACT_DEVTOOLS_GLOBAL_HOOK__|react\.transitional\.element/,
  html2canvas: /html2canvas/i,
  Readability: /_grabArticle|readability-score|Readability/,
  jsPDF: /jsPDF|jspdf/,
};

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: unknown[];
}

export async function contentScriptFigures(buildDir: string): Promise<Figure[]> {
  const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const sources = await Promise.all(files.map((f) => readFile(join(buildDir, f))));
  const gzipped = sources.reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
  const raw = sources.reduce((sum, s) => sum + s.length, 0);
  const text = sources.map((s) => s.toString('utf8')).join('\n');
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
      note: `${files.length} file(s), ${(raw / 1024).toFixed(1)} KB raw`,
    },
    {
      id: 'heavyLibsInContentScript',
      name: 'Heavy libraries in every page',
      unit: 'libs',
      value: found.length,
      budgets: [{ on: 'value', kind: 'max', limit: 0 }],
      note: found.length ? `found: ${found.join(', ')}` : 'none of React, html2canvas, Readability, jsPDF',
    },
  ];
}
