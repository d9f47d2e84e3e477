/**
 * A library of 2,000 guides / 60,000 steps (issue 13): how soon the library shows its first
 * guides, from navigation start, and how long search as you type takes per keystroke (from the
 * input event to the next frame with the filtered list). Guides, steps and their summaries are
 * written straight into IndexedDB (as the app's hooks would leave them), without pictures.
 */
import type { Figure } from '../report';
import { summarize } from '../stats';
import type { BenchSession } from '../session';

const GUIDES = 2000;
const STEPS = 30;
const RUNS = 3;
const QUERY = 'approve rec';

async function seedLibrary(session: BenchSession): Promise<void> {
  const page = await session.openExtensionPage('/editor.html');
  await page.evaluate(async ({ guides, steps }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('waymark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const words = 'invoice approve receipt merchant amount total pending review export travel lunch hotel taxi report'.split(' ');
    const now = Date.now();
    for (let g = 0; g < guides; g += 100) {
      const tx = db.transaction(['guides', 'steps', 'summaries'], 'readwrite');
      for (let i = g; i < Math.min(guides, g + 100); i++) {
        const id = `bench-guide-${i}`;
        tx.objectStore('guides').put({ id, title: `Guide ${i}: ${words[i % words.length]}`, intro: '', createdAt: now - i, updatedAt: now - i, status: 'done' });
        const texts: string[] = [];
        for (let o = 0; o < steps; o++) {
          const text = `Click "${words[(i + o) % words.length]} ${words[(i * 7 + o) % words.length]}"`;
          texts.push(text);
          tx.objectStore('steps').put({
            id: `${id}-${o}`, guideId: id, order: o, kind: 'action', text, createdAt: now, updatedAt: now, shot: 'none',
            action: { kind: 'click', target: { role: 'button', name: text, tag: 'button', selectors: [] } },
            page: { url: 'https://app.example.com/', title: 'App' },
          });
        }
        tx.objectStore('summaries').put({ guideId: id, stepCount: steps, text: texts.join('\n').toLowerCase() });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, { guides: GUIDES, steps: STEPS });
  await page.close();
}

export async function libraryFigures(session: BenchSession): Promise<Figure[]> {
  await seedLibrary(session);
  const open: number[] = [];
  const keystroke: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.browser.context.newPage();
    await page.bringToFront();
    await page.goto(`chrome-extension://${session.browser.extensionId}/editor.html#/`);
    const shown = await page.waitForFunction(
      () => (document.querySelectorAll('[aria-label="Guides"] > li').length > 0 ? performance.now() : false),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    open.push((await shown.jsonValue()) as number);
    // Types the query a key at a time, as a person would, timing each keystroke to the next frame.
    const times = await page.evaluate(async (query) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const out: number[] = [];
      for (let i = 1; i <= query.length; i++) {
        const start = performance.now();
        setValue.call(input, query.slice(0, i));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        out.push(performance.now() - start);
      }
      return out;
    }, QUERY);
    keystroke.push(...times);
    await page.close();
  }
  const size = `${GUIDES} guides / ${GUIDES * STEPS} steps`;
  return [
    {
      id: 'libraryOpenMs',
      name: `Library: first guides visible, ${size}`,
      unit: 'ms',
      summary: summarize(open),
      spread: 'minmax',
      budgets: [{ on: 'median', kind: 'max', limit: 300 }],
      note: 'from navigation start',
    },
    {
      id: 'librarySearchKeyMs',
      name: `Library: search per keystroke, ${size}`,
      unit: 'ms',
      summary: summarize(keystroke),
      spread: 'p95',
      budgets: [{ on: 'median', kind: 'max', limit: 50 }],
      note: `"${QUERY}" typed a key at a time; input event to next frame`,
      samples: keystroke,
    },
  ];
}
