/**
 * The first action of a recording: REPEATS recordings, each started on a freshly loaded page,
 * with one press on "Show panel" as soon as the recording bar (or, without one, the REC badge) shows (a person who knows where
 * to click), or 500 ms after it shows. After the effect shows and a human gap, the person
 * finishes; the last recording also has a control press. All the guides are read after the
 * last one stopped.
 */
import type { BenchSession } from '../session';
import { Person } from '../../support/person';
import { on } from './condition';
import { judge, keepIfFailed, settledGuide, stepsOfPresses, type Judged } from './judge';
import { barShown, retried, REPEATS, seedOf, type Outcome } from './runner';

export interface FirstAction {
  id: string;
  name: string;
  /** From the bar showing to the press. */
  delayMs: number;
}

export const FIRST_ACTIONS: FirstAction[] = [
  { id: 'prePictureFirstAction', name: 'first action, as soon as the bar shows', delayMs: 0 },
  { id: 'prePictureFirstAction500', name: 'first action, 500 ms after the bar shows', delayMs: 500 },
];

const SHOW = on('Show panel', ['click']);
const panelShown = () => (window as unknown as { __on(): string[] }).__on().includes('panel');

export async function runFirstAction(session: BenchSession, first: FirstAction, pressMs: number): Promise<Outcome> {
  const page = await session.openFixture('pictures.html');
  const person = new Person(page, seedOf(first.id, pressMs));
  const runs: Array<{ guideId: string; at: number; failure?: string }> = [];
  let controlAt = 0;
  try {
    for (let i = 0; i < REPEATS; i++) {
      let guideId = '';
      let at = Date.now();
      try {
        guideId = await retried(() => session.api.startRecording(page));
        await barShown(session, page);
        if (first.delayMs) await new Promise((r) => setTimeout(r, first.delayMs));
        at = await person.press(page.locator('#show'), { pressMs });
        const failure = await person.seen(panelShown).then(() => undefined, (e: Error) => `no effect: ${e.message.split('\n')[0]}`);
        await person.pause();
        if (i === REPEATS - 1) {
          controlAt = await person.press(page.locator('#done'), { pressMs });
          await person.pause();
        }
        await retried(() => session.api.stop());
        runs.push({ guideId, at, failure });
      } catch (error) {
        // This recording broke: it counts as a failure; the next one starts afresh.
        runs.push({ guideId, at, failure: `recording broke: ${String(error).split('\n')[0]}` });
        await retried(() => session.api.stop()).catch(() => undefined);
      }
      // The next recording starts on the page as first loaded.
      await page.reload();
    }
  } finally {
    await page.close();
  }
  const judged: Judged[] = [];
  let control: Judged = { missing: 'no control' };
  for (const [i, { guideId, at, failure }] of runs.entries()) {
    const steps = await settledGuide(session.api.page, guideId, i === runs.length - 1 ? 500 : 0);
    judged.push(failure ? { missing: failure } : await judge(session.api.page, stepsOfPresses(steps, [at], SHOW)[0], at, 'panel'));
    await keepIfFailed(session.api.page, judged[i]!, `${session.browser.browserName}-${first.id}-${pressMs}ms-${i + 1}`);
    if (i === runs.length - 1) control = await judge(session.api.page, stepsOfPresses(steps, [controlAt], on('Done', ['click']))[0], controlAt, 'panel');
  }
  return { judged, control };
}
