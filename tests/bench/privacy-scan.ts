/**
 * How long the content script's sensitive-text scan takes (lib/privacy/sensitive-text.ts),
 * which runs on every settle and every action: on a heavy page (tests/fixtures/privacy/
 * big.html: 5,000 table rows, each with an email and a phone number) and on a small one.
 * Run: `npx tsx tests/bench/privacy-scan.ts` (the bench runner may include it later).
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../support/chromium';
import { startFixtureServer } from '../support/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 21;

const probe = `
import { sensitiveTextBoxes } from '@/lib/privacy/sensitive-text';
const all = { email: true, card: true, phone: true, iban: true, ip: true };
(window as any).__scan = (runs: number) => {
  const times: number[] = [];
  let boxes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    boxes = sensitiveTextBoxes(document, all).length;
    times.push(performance.now() - start);
  }
  return { times, boxes };
};`;

async function main() {
  const bundle = await build({
    stdin: { contents: probe, loader: 'ts', resolveDir: ROOT },
    bundle: true,
    write: false,
    format: 'iife',
    alias: { '@': ROOT },
  });
  const script = bundle.outputFiles[0]!.text;
  const server = await startFixtureServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const fixture of ['privacy/big.html', 'privacy/checkout.html']) {
    await page.goto(server.url(fixture));
    await page.addScriptTag({ content: script });
    const { times, boxes } = await page.evaluate((runs) => (window as any).__scan(runs), RUNS);
    const first = times[0]!;
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${fixture}: first scan ${first.toFixed(1)} ms, median ${sorted[RUNS >> 1]!.toFixed(1)} ms, max ${sorted[RUNS - 1]!.toFixed(1)} ms, ${boxes} boxes blurred`,
    );
  }
  await browser.close();
  await server.close();
}

void main();
