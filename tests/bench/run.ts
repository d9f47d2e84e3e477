/**
 * `npm run bench`: what users feel, measured in real Chromium with the built extension (the
 * pre-action pictures in Firefox ESR too), against budgets. Prints one table, writes
 * tests/bench/results.json (ignored by git) and appends a line to tests/bench/history.jsonl
 * (committed), so runs can be compared over time.
 *
 *   npm run bench              measure and report; exit 0
 *   npm run bench -- --check   exit 1 if a budget fails
 *   npm run bench -- --only=capture,guides    run some groups (size, responsiveness, capture,
 *                                            pictures, pictures-firefox, library, guides);
 *                                            not added to the history
 *
 * Each group runs in a fresh browser profile. Figures and how they are measured: tests/bench/figures/.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROME_BUILD, CHROMIUM } from '../support/chromium';
import { appendHistory, measure, table, verdict, writeResults, type Figure, type RunInfo } from './report';
import { withSession, type BenchSession } from './session';
import { copyGuide, openSeedPage, seedGuide } from './seed';
import { contentScriptFigures } from './figures/size';
import { responsivenessFigures } from './figures/responsiveness';
import { captureFigures } from './figures/capture';
import { FIREFOX_PICTURE_IDS, FIREFOX_PICTURE_LAUNCH, PICTURE_IDS, pictureFigures } from './figures/pictures';
import { launchFirefoxWithExtension } from '../support/firefox';
import { exportFigures } from './figures/exports';
import { editorFigures } from './figures/editor';
import { libraryFigures } from './figures/library';

const HERE = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const EXPORT_STEPS = 200;
const EDITOR_STEPS = 500;
const EXPORT_IDS = ['exportHtml200Ms', 'exportPdf200Ms', 'exportPicturesReadyMs', 'exportPdfPeakHeapMB'];
const EDITOR_IDS = ['editorFirstStep500Ms', 'editorHeap500MB'];

/** Each group, with the ids of the figures it reports (so a broken group still shows its rows). */
const GROUPS: Record<string, { ids: string[]; run: () => Promise<Figure[]> }> = {
  size: { ids: ['contentScriptGzipKB', 'heavyLibsInContentScript', 'oncePerGuideScriptsGzipKB'], run: () => contentScriptFigures(CHROME_BUILD) },
  responsiveness: {
    ids: ['recorderScriptPerEventMs', 'recorderScriptRatio', 'calibrationPerEventMs', 'calibrationWhileRecordingPerEventMs', 'inputToFrameIdleMs', 'inputToFrameRecordingMs', 'inputToFrameAddedP95Ms', 'recorderHandlerMs'],
    run: () => withSession(responsivenessFigures),
  },
  capture: {
    ids: ['stepSavedMs', 'burstStepsWithImage', 'settledShotPct', 'storedKBPerStep'],
    run: () => withSession(captureFigures),
  },
  pictures: { ids: PICTURE_IDS, run: () => withSession(pictureFigures) },
  'pictures-firefox': { ids: FIREFOX_PICTURE_IDS, run: () => withSession(pictureFigures, launchFirefoxWithExtension, FIREFOX_PICTURE_LAUNCH) },
  library: { ids: ['libraryOpenMs', 'librarySearchKeyMs'], run: () => withSession(libraryFigures) },
  guides: {
    ids: [...EXPORT_IDS, ...EDITOR_IDS],
    run: () => withSession(longGuides),
  },
};

/** Generated guides: 500 steps for the editor, and a 200-step copy of its start for the exports. */
async function longGuides(session: BenchSession): Promise<Figure[]> {
  const page = await openSeedPage(session.openExtensionPage);
  const long = await seedGuide(page, EDITOR_STEPS);
  const short = await copyGuide(page, long.guideId, EXPORT_STEPS);
  await page.close();
  // Two independent parts: one failing still leaves the other's figures.
  return [
    ...(await measure(EXPORT_IDS, () => exportFigures(session, short))),
    ...(await measure(EDITOR_IDS, () => editorFigures(session, long))),
  ];
}

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const started = Date.now();
  const figures: Figure[] = [];
  for (const [name, group] of Object.entries(GROUPS)) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    const t = Date.now();
    figures.push(...(await measure(group.ids, group.run)));
    process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const info: RunInfo = {
    date: new Date(started).toISOString(),
    commit: quiet('git', ['rev-parse', '--short', 'HEAD']),
    chromium: quiet(CHROMIUM, ['--version']),
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    durationS: Math.round((Date.now() - started) / 1000),
  };
  console.log(`\nWaymark bench · ${info.date} · ${info.commit} · ${info.chromium} · ${info.cpus} CPUs, load ${info.loadAverage.join(' ')}\n`);
  console.log(table(figures));
  await writeResults(HERE('./results.json'), info, figures);
  // Only full runs go into the history, so its lines stay comparable.
  if (!only) await appendHistory(HERE('./history.jsonl'), info, figures);
  const failed = figures.filter((f) => verdict(f) === 'FAIL');
  console.log(`\n${failed.length ? `${failed.length} over budget: ${failed.map((f) => f.id).join(', ')}` : 'All budgets met.'} (${info.durationS} s; results in tests/bench/results.json)`);
  return check && failed.length ? 1 : 0;
}

process.exitCode = await main();
