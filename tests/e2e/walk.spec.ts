/**
 * Walking a guide on the live site: a guide recorded on the fixture app walks to "done"
 * with each step's element ringed before it is done; then, on "release 2" of the same app
 * (one button renamed, one removed), the walk marks exactly those two steps, and a
 * re-capture by hand fixes the renamed one.
 */
import type { Locator, Page } from 'playwright-core';
import { test, expect } from './fixtures';
import type { ExtensionApi, RecordedStep } from '../support/pages/extension-api';
import { readStoredData } from '../support/stored-data';

interface WalkStatus {
  state: 'idle' | 'walking' | 'done';
  stepIndex?: number;
  stepCount?: number;
  stale: string[];
  changed: string[];
}

const SENTENCES = [
  'Go to "Expenses – Walk fixture"',
  'Click "New expense"',
  'Type "Blue Bottle" into Merchant',
  'Select "Travel" in Category',
  'Check "Receipt attached"',
  'Click "Add a note"',
  'Click "Submit for approval"',
];

async function record(page: Page, api: ExtensionApi, url: string): Promise<string> {
  await page.goto(url);
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('link', { name: 'New expense' }).click();
  await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
  await page.getByLabel('Category').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Receipt attached').check();
  await page.getByRole('button', { name: 'Add a note' }).click();
  await api.waitForSteps(6);
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await page.waitForURL(/done\.html/);
  await api.waitForSteps(7);
  await api.stop();
  return guideId;
}

class Walk {
  constructor(
    private readonly api: ExtensionApi,
    private readonly page: Page,
    private readonly steps: RecordedStep[],
  ) {}

  status(): Promise<WalkStatus> {
    return this.api.send<WalkStatus>({ type: 'walk.status' });
  }

  async at(index: number): Promise<void> {
    await expect.poll(async () => (await this.status()).stepIndex, { timeout: 10_000 }).toBe(index);
  }

  /** The ring is around `target` (it is the ring's own box, drawn on the page). */
  async ringed(index: number, target: Locator, verdict = 'found'): Promise<void> {
    await this.at(index);
    const ring = this.page.locator(`waymark-walk-ring[data-step-id="${this.steps[index]!.id}"]`);
    await expect(ring).toHaveAttribute('data-verdict', verdict);
    await expect
      .poll(async () => {
        const [r, t] = [await ring.boundingBox(), await target.boundingBox()];
        if (!r || !t) return false;
        const around = r.x <= t.x && r.y <= t.y && r.x + r.width >= t.x + t.width && r.y + r.height >= t.y + t.height;
        return around && r.width < t.width + 20 ? true : JSON.stringify({ ring: r, target: t });
      })
      .toBe(true);
  }
}

test('walks a recorded guide to done, then marks what a new release broke and re-captures it', async ({ browserWithExtension: { context }, api, server }) => {
  // One browser for record + two walks (two of them wait the 5 s a stale step is given);
  // measured 35-50 s in Chromium on a quiet machine, more with the shared machine busy.
  test.setTimeout(180_000);
  const page = await context.newPage();
  const guideId = await record(page, api, server.url('walk/index.html'));
  expect(await api.sentences(guideId)).toEqual(SENTENCES);
  const steps = await api.steps(guideId);
  const walk = new Walk(api, page, steps);
  const tabId = await api.tabIdOf(page);

  // Release 1: every step is found, ringed, and done by the user's own actions.
  expect(await api.send({ type: 'walk.start', guideId, tabId })).toEqual({ ok: true });
  await walk.ringed(1, page.getByRole('link', { name: 'New expense' }));
  await page.getByRole('link', { name: 'New expense' }).click({ delay: 100 });
  await walk.ringed(2, page.getByLabel('Merchant'));
  await page.getByLabel('Merchant').pressSequentially('Green Leaf');
  await page.getByLabel('Merchant').press('Tab');
  await walk.ringed(3, page.getByLabel('Category'));
  await page.getByLabel('Category').focus();
  await page.keyboard.press('ArrowDown');
  await walk.ringed(4, page.getByLabel('Receipt attached'));
  await page.getByLabel('Receipt attached').check();
  await walk.ringed(5, page.getByRole('button', { name: 'Add a note' }));
  // A click elsewhere is not the step.
  await page.getByRole('heading', { name: 'New expense' }).click();
  await page.getByRole('button', { name: 'Add a note' }).click();
  await walk.ringed(6, page.getByRole('button', { name: 'Submit for approval' }));
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect.poll(() => walk.status()).toMatchObject({ state: 'done', stale: [], changed: [] });
  expect((await api.steps(guideId)).filter((s) => 'health' in s)).toEqual([]);
  expect(await api.send({ type: 'walk.stop' })).toEqual({ ok: true });

  // Release 2: "Submit for approval" renamed, "Add a note" removed.
  await page.evaluate(() => localStorage.setItem('walk-release', '2'));
  expect(await api.send({ type: 'walk.start', guideId, tabId })).toEqual({ ok: true });
  await walk.at(1);
  await page.getByRole('link', { name: 'New expense' }).click();
  await walk.at(2);
  await page.getByLabel('Merchant').pressSequentially('Green Leaf');
  await page.getByLabel('Merchant').press('Tab');
  await walk.at(3);
  await page.getByLabel('Category').focus();
  await page.keyboard.press('ArrowDown');
  await walk.at(4);
  await page.getByLabel('Receipt attached').check();
  await walk.at(5);
  const [noteStep, submitStep] = [steps[5]!.id, steps[6]!.id];
  // Still not found 5 s after the page settled: stale.
  await expect.poll(async () => (await walk.status()).stale, { timeout: 15_000 }).toEqual([noteStep]);
  expect(await api.send({ type: 'walk.skip' })).toEqual({ ok: true });
  const renamed = page.getByRole('button', { name: 'Send for approval' });
  await walk.ringed(6, renamed, 'changed');
  await expect.poll(async () => (await walk.status()).changed, { timeout: 15_000 }).toEqual([submitStep]);
  const marked = (await api.steps(guideId)).filter((s) => (s as { health?: unknown }).health);
  expect(marked.map((s) => [s.id, (s as { health?: { state: string } }).health?.state])).toEqual([
    [noteStep, 'stale'],
    [submitStep, 'changed'],
  ]);

  // A re-capture armed (its picture taken) and then cancelled leaves no picture behind.
  const pictures = async () => (await readStoredData(api.page)).images.length;
  const picturesBefore = await pictures();
  expect(await api.send({ type: 'walk.recapture', phase: 'arm', stepId: submitStep, useNewSentence: false })).toEqual({ ok: true });
  expect(await pictures()).toBe(picturesBefore + 1);
  expect(await api.send({ type: 'walk.recapture', phase: 'cancel' })).toEqual({ ok: true });
  expect(await pictures()).toBe(picturesBefore);

  // Re-capture the renamed step: the user does it by hand; target, picture and sentence follow.
  const before = (await api.steps(guideId))[6]!;
  expect(await api.send({ type: 'walk.recapture', phase: 'arm', stepId: submitStep, useNewSentence: false })).toEqual({ ok: true });
  await renamed.click();
  await expect.poll(async () => (await walk.status()).state).toBe('done');
  const after = (await api.steps(guideId))[6] as RecordedStep & { health?: { state: string }; action: { target: { name: string } } };
  expect(after.text).toBe('Click "Send for approval"');
  expect(after.action.target.name).toBe('Send for approval');
  expect(after.health?.state).toBe('recaptured');
  expect(after.imageId).toBeTruthy();
  expect(after.imageId).not.toBe(before.imageId);
  expect((await walk.status()).changed).toEqual([]);
});
