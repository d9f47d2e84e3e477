/**
 * Opening a long guide in the editor: how soon the first step (its sentence and its screenshot)
 * is on screen, measured in the page from navigation start, and the memory the editor holds
 * once every step is there. Three fresh tabs, in the same browser.
 */
import type { Figure } from '../report';
import { summarize } from '../stats';
import type { BenchSession } from '../session';
import { HeapProbe } from '../heap';
import type { SeededGuide } from '../seed';

const RUNS = 3;
const MB = 1024 * 1024;

export async function editorFigures(session: BenchSession, guide: SeededGuide): Promise<Figure[]> {
  const firstVisible: number[] = [];
  const allListed: number[] = [];
  const heapMB: number[] = [];
  const domNodes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.browser.context.newPage();
    await page.bringToFront();
    await page.goto(`chrome-extension://${session.browser.extensionId}/editor.html#/guides/${guide.guideId}`);
    // Checked on every frame (synchronously: an async predicate would return a Promise, which
    // counts as "done" at once): the first step's sentence is in its box and its screenshot (an
    // SVG <image> in the editor, under the annotations) is decoded, seen through an <img> probe.
    const first = await page.waitForFunction(
      () => {
        const item = document.querySelector('[aria-label="Steps"] > li');
        const text = item?.querySelector('textarea')?.value;
        const href = item?.querySelector('image')?.getAttribute('href');
        if (!text || !href) return false;
        const probe = ((window as unknown as { __benchProbe?: HTMLImageElement }).__benchProbe ??= new Image());
        if (probe.getAttribute('src') !== href) probe.src = href;
        return probe.complete && probe.naturalWidth > 0 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    firstVisible.push((await first.jsonValue()) as number);
    // The list is virtualised, its height estimated until the steps are measured: keep scrolling
    // to the end, every frame, until the last step's sentence is on screen.
    const scrolled = performance.now();
    await page.waitForFunction(
      (last) => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return !!document.querySelector(`[aria-label="Steps"] > li[data-index="${last}"] textarea`);
      },
      guide.steps - 1,
      { polling: 'raf', timeout: 60_000 },
    );
    allListed.push(performance.now() - scrolled);
    await page.waitForTimeout(1000); // let images and effects finish
    const heap = await HeapProbe.attach(page);
    heapMB.push((await heap.afterGc()) / MB);
    domNodes.push(await heap.domNodes());
    await heap.detach();
    await page.close();
  }
  const steps = `${guide.steps}-step guide`;
  return [
    {
      id: 'editorFirstStep500Ms',
      name: `Editor: first step visible, ${steps}`,
      unit: 'ms',
      summary: summarize(firstVisible),
      spread: 'minmax',
      budgets: [{ on: 'median', kind: 'max', limit: 1000 }],
      note: `from navigation start; step ${guide.steps} on screen ${Math.round(summarize(allListed).median)} ms after scrolling to the end`,
    },
    {
      id: 'editorHeap500MB',
      name: `Editor: JS heap after open, ${steps}`,
      unit: 'MB',
      summary: summarize(heapMB),
      spread: 'minmax',
      note: `after GC, ${Math.round(summarize(domNodes).median)} DOM nodes`,
    },
  ];
}
